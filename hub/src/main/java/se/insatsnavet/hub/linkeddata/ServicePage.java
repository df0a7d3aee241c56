package se.insatsnavet.hub.linkeddata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.plan.PlanButton;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A plain, readable Swedish HTML page of one service, rendered from its canonical JSON. Every value is
 * escaped; the page links its machine-readable representations.
 */
public final class ServicePage {

    private final BiFunction<String, String, String> labels;

    /**
     * @param labels (scheme, code) → Swedish label, e.g. ("target-group", "young-adults") → "Unga vuxna";
     *               schemes: target-group, method, provider-type, funding, status, municipality, county
     */
    public ServicePage(BiFunction<String, String, String> labels) {
        this.labels = labels;
    }

    /**
     * The page with {@code sections} (HTML built by the hub with every value escaped, e.g. the service's
     * outcome figures) after the facts and before the contact details, and the service's {@code schemaOrg}
     * JSON-LD ({@link SchemaOrg#of}) in its head.
     */
    public String render(String serviceUri, String federationName, JsonNode s, String sections, ObjectNode schemaOrg) {
        String title = text(s.path("title"));
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append(" – Insatsnavet</title>\n");
        for (RdfRepresentation r : RdfRepresentation.values()) {
            if (r != RdfRepresentation.HTML) {
                b.append("<link rel=\"alternate\" type=\"").append(r.mediaType()).append("\" href=\"")
                        .append(Html.escape(serviceUri + "?format=" + r.formatName())).append("\">\n");
            }
        }
        b.append("<script type=\"application/ld+json\">").append(SchemaOrg.forScriptElement(schemaOrg))
                .append("</script>\n");
        b.append("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n").append(PlanButton.SCRIPT).append("</head>\n<body>\n")
                .append(SiteHeader.html(null)).append("<main>\n")
                .append("<p><a href=\"/\">Till sökningen</a></p>\n");
        b.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        b.append(StatusBadge.html(s));
        paragraph(b, text(s.path("description")));
        b.append(PlanButton.html(title, serviceUri));
        b.append("<dl>\n");
        if (s.hasNonNull("provider")) {
            item(b, "Anordnare", text(s.path("provider").path("name")));
        }
        item(b, "Samordningsförbund", federationName);
        item(b, "Status", label("status", s.path("status").asText("active")));
        item(b, "Målgrupper", labels(s.path("targetGroups"), "target-group"));
        item(b, "Ålder", age(s.path("ageRange")));
        item(b, "Metoder", labels(s.path("methods"), "method"));
        item(b, "Kommuner", labels(s.path("municipalities"), "municipality"));
        item(b, "Län", labels(s.path("regions"), "county"));
        item(b, "Så får du stöd", admission(s.path("admission")));
        item(b, "Längd", s.path("duration").has("maxMonths") ? "Högst " + s.path("duration").path("maxMonths").asInt() + " månader" : "");
        item(b, "Platser per år", s.path("capacity").has("placesPerYear") ? s.path("capacity").path("placesPerYear").asText() : "");
        item(b, "Finansiering", labels(s.path("funding"), "funding"));
        item(b, "Period", period(s.path("period")));
        item(b, "Senast granskad", s.path("lastReviewed").asText(""));
        b.append("</dl>\n");
        b.append(sections);
        contact(b, s.path("contact"), s.path("homepage").asText(null));
        b.append("<p><small>Öppna data: ");
        List<String> links = new ArrayList<>();
        for (RdfRepresentation r : RdfRepresentation.values()) {
            if (r != RdfRepresentation.HTML) {
                links.add("<a href=\"" + Html.escape(serviceUri + "?format=" + r.formatName()) + "\">" + r.formatName() + "</a>");
            }
        }
        b.append(String.join(" · ", links)).append("</small></p>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private void contact(StringBuilder b, JsonNode c, String homepage) {
        if (c.isMissingNode() && homepage == null) {
            return;
        }
        b.append("<h2>Kontakt</h2>\n<ul>\n");
        if (c.hasNonNull("name")) {
            b.append("<li>").append(Html.escape(c.path("name").asText())).append("</li>\n");
        }
        if (c.hasNonNull("email")) {
            String e = c.path("email").asText();
            b.append("<li>E-post: <a href=\"mailto:").append(Html.escape(e)).append("\">").append(Html.escape(e)).append("</a></li>\n");
        }
        if (c.hasNonNull("phone")) {
            String p = c.path("phone").asText();
            if (c.hasNonNull("phoneE164")) {
                String ext = c.hasNonNull("phoneExtension") ? ";ext=" + c.path("phoneExtension").asText() : "";
                b.append("<li>Telefon: <a href=\"tel:").append(Html.escape(c.path("phoneE164").asText() + ext)).append("\">")
                        .append(Html.escape(p)).append("</a></li>\n");
            } else {
                b.append("<li>Telefon: ").append(Html.escape(p)).append("</li>\n");
            }
        }
        String url = c.hasNonNull("url") ? c.path("url").asText() : homepage;
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            b.append("<li>Webbplats: <a href=\"").append(Html.escape(url)).append("\">").append(Html.escape(url)).append("</a></li>\n");
        }
        if (c.hasNonNull("openingHours")) {
            b.append("<li>Öppettider: ").append(Html.escape(c.path("openingHours").asText())).append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private String admission(JsonNode a) {
        if (a.isMissingNode()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (a.path("referralRequired").asBoolean(false)) {
            String who = labels(a.path("referrers"), "provider-type");
            parts.add("Du behöver en remiss" + (who.isEmpty() ? "." : " från " + who + "."));
        }
        if (a.path("selfReferral").asBoolean(false) || (a.has("referralRequired") && !a.path("referralRequired").asBoolean())) {
            parts.add("Du kan själv anmäla dig.");
        }
        for (JsonNode c : a.path("criteria")) {
            parts.add(text(c));
        }
        if (a.has("howToApply")) {
            parts.add(text(a.path("howToApply")));
        }
        return String.join(" ", parts);
    }

    private static String age(JsonNode range) {
        if (range.isMissingNode()) {
            return "";
        }
        boolean hasMin = range.has("min");
        boolean hasMax = range.has("max");
        if (hasMin && hasMax) {
            return range.path("min").asInt() + "–" + range.path("max").asInt() + " år";
        }
        return hasMin ? "Från " + range.path("min").asInt() + " år" : hasMax ? "Upp till " + range.path("max").asInt() + " år" : "";
    }

    private static String period(JsonNode p) {
        if (p.isMissingNode()) {
            return "";
        }
        return p.path("start").asText("") + " – " + p.path("end").asText("");
    }

    private String labels(JsonNode codes, String scheme) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : codes) {
            out.add(label(scheme, c.asText()));
        }
        return String.join(", ", out);
    }

    private String label(String scheme, String code) {
        String l = labels.apply(scheme, code);
        return l == null ? code : l;
    }

    private static void item(StringBuilder b, String term, String value) {
        if (value != null && !value.isBlank()) {
            b.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
        }
    }

    private static void paragraph(StringBuilder b, String text) {
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                b.append("<p>").append(Html.escape(p.trim())).append("</p>\n");
            }
        }
    }

    /** The Swedish text of a language map, else English, else any. */
    /** The Swedish text of a language map, else the English, else any; "" if none. */
    public static String text(JsonNode languageMap) {
        if (languageMap == null || languageMap.isMissingNode() || languageMap.isNull()) {
            return "";
        }
        if (languageMap.isTextual()) {
            return languageMap.asText();
        }
        if (languageMap.has("sv")) {
            return languageMap.path("sv").asText();
        }
        if (languageMap.has("en")) {
            return languageMap.path("en").asText();
        }
        var it = languageMap.elements();
        return it.hasNext() ? it.next().asText() : "";
    }
}
