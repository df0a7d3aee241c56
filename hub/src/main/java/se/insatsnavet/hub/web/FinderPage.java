package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.Vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /hittaguiden}: the guided finder. A few plain-language questions (age, municipality, present
 * situation, what help is wanted, whether several agencies are already involved) in one GET form, so the
 * answers are a sharable URL; then the matching services nearby, ranked, each with a line saying why it
 * matches. Changing an answer is changing the form above the list. Server-rendered, no JavaScript, no cookies.
 */
public final class FinderPage implements Handler<RoutingContext> {

    /** Present situations → target group. */
    static final Map<String, String[]> SITUATIONS = situations();
    /** Kinds of help wanted → methods that give it. */
    static final Map<String, String[]> HELP = help();
    private static final Set<String> MULTI_AGENCY = Set.of("multi-agency-team", "coordinated-individual-plan", "case-management");
    private static final int SHOWN = 20;

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final Vocabulary vocabulary;
    private final Map<String, String> municipalities = new TreeMap<>();
    private se.insatsnavet.hub.usage.UsageCounter usage;

    private FinderPage(Vertx vertx, ServiceCatalog catalog, Vocabulary vocabulary) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.vocabulary = vocabulary;
        for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
            municipalities.put(vocabulary.municipalityShortName(code).orElse(code), code);
        }
    }

    public static FinderPage create(Vertx vertx, ServiceCatalog catalog, Vocabulary vocabulary) {
        return new FinderPage(vertx, catalog, vocabulary);
    }

    /** Counts each answered path (situation, help, age band) in the anonymous usage statistics. */
    public FinderPage withUsage(se.insatsnavet.hub.usage.UsageCounter counter) {
        this.usage = counter;
        return this;
    }

    /** The answers, as read from the URL (each null when not given or not valid). */
    record Answers(Integer age, String municipality, String situation, String help, String severalAgencies) {
        boolean any() {
            return age != null || municipality != null || situation != null || help != null;
        }
    }

    /** A service and why it matches. */
    record Match(ObjectNode service, int score, List<String> reasons) {
    }

    @Override
    public void handle(RoutingContext ctx) {
        Answers a = answers(ctx);
        Blocking.run(vertx, () -> a.any() ? matches(a) : List.<Match>of()).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            if (usage != null && a.any()) {
                usage.finderPath(a.situation(), a.help(), a.age());
            }
            ctx.response().putHeader("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY");
            Responses.send(ctx, 200, "text/html; charset=utf-8", render(a, ar.result()));
        });
    }

    static Answers answers(RoutingContext ctx) {
        Integer age = null;
        String ageText = ctx.queryParams().get("alder");
        if (ageText != null && ageText.trim().matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(ageText.trim());
            age = n <= 120 ? n : null;
        }
        String municipality = valid(ctx.queryParams().get("kommun"), "[0-9]{4}");
        String situation = ctx.queryParams().get("situation");
        String help = ctx.queryParams().get("hjalp");
        String several = valid(ctx.queryParams().get("flera"), "ja|nej");
        return new Answers(age, municipality, SITUATIONS.containsKey(situation) ? situation : null,
                HELP.containsKey(help) ? help : null, several);
    }

    private static String valid(String v, String regex) {
        return v != null && v.matches(regex) ? v : null;
    }

    /** The services matching the answers, best first. */
    List<Match> matches(Answers a) {
        String targetGroup = a.situation() == null ? null : SITUATIONS.get(a.situation())[1];
        List<ObjectNode> candidates = candidates(a, targetGroup);
        if (candidates.isEmpty() && targetGroup != null) {
            candidates = candidates(a, null); // nothing for that situation here: show what there is, said so per card
        }
        List<Match> matches = new ArrayList<>();
        for (ObjectNode s : candidates) {
            int score = 0;
            List<String> reasons = new ArrayList<>();
            if (targetGroup != null && contains(s.path("targetGroups"), targetGroup)) {
                score += 3;
                reasons.add("för dig som " + SITUATIONS.get(a.situation())[2]);
            }
            if (a.help() != null) {
                for (String method : HELP.get(a.help())) {
                    if (contains(s.path("methods"), method)) {
                        score += 3;
                        reasons.add("ger stöd med " + HELP.get(a.help())[0].toLowerCase(java.util.Locale.ROOT));
                        break;
                    }
                }
            }
            if ("ja".equals(a.severalAgencies())) {
                for (JsonNode m : s.path("methods")) {
                    if (MULTI_AGENCY.contains(m.asText())) {
                        score += 2;
                        reasons.add("samordnar stödet från flera myndigheter");
                        break;
                    }
                }
            }
            if (a.municipality() != null) {
                reasons.add("finns i " + vocabulary.municipalityShortName(a.municipality()).orElse(a.municipality()));
            }
            if (a.age() != null && s.path("ageRange").isObject()) {
                reasons.add("passar din ålder" + range(s.path("ageRange")));
            }
            if (!"active".equals(s.path("status").asText("active"))) {
                score -= 5;
            }
            if (s.path("admission").path("selfReferral").asBoolean(false)) {
                score += 1;
            }
            matches.add(new Match(s, score, reasons));
        }
        matches.sort(Comparator.comparingInt(Match::score).reversed()
                .thenComparing(m -> ServicePage.text(m.service().path("title"))));
        return matches.subList(0, Math.min(SHOWN, matches.size()));
    }

    private List<ObjectNode> candidates(Answers a, String targetGroup) {
        ServiceFilter filter = new ServiceFilter(List.of(), a.municipality(), targetGroup, null, 1, ServiceFilter.MAX_PER_PAGE,
                new ServiceFilter.More(null, a.age(), null, null, null));
        return catalog.find(filter).items();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String range(JsonNode age) {
        if (age.has("min") && age.has("max")) {
            return " (" + age.path("min").asInt() + "–" + age.path("max").asInt() + " år)";
        }
        return age.has("min") ? " (från " + age.path("min").asInt() + " år)" : age.has("max") ? " (upp till " + age.path("max").asInt() + " år)" : "";
    }

    private String render(Answers a, List<Match> matches) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Hittaguiden – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#resultat\">Hoppa till resultaten</a>\n")
                .append("<header><a href=\"/\">Insatsnavet</a> <a href=\"/hittaguiden\">Hittaguiden</a> <a href=\"/tackning\">Täckning</a></header>\n<main>\n")
                .append("<h1>Hittaguiden</h1>\n")
                .append("<p>Svara på några korta frågor. Du behöver inte svara på alla. Sedan visar vi stöd som finns nära dig.</p>\n")
                .append("<form class=\"finder\" method=\"get\" action=\"/hittaguiden\">\n");
        b.append("<div><label for=\"alder\">Hur gammal är du?</label><input id=\"alder\" name=\"alder\" type=\"number\" min=\"0\" max=\"120\" inputmode=\"numeric\" value=\"")
                .append(a.age() == null ? "" : a.age()).append("\"></div>\n");
        b.append("<div><label for=\"kommun\">Var bor du?</label><select id=\"kommun\" name=\"kommun\"><option value=\"\">Välj kommun</option>");
        municipalities.forEach((name, code) -> b.append("<option value=\"").append(code).append('"')
                .append(code.equals(a.municipality()) ? " selected" : "").append('>').append(Html.escape(name)).append("</option>"));
        b.append("</select></div>\n");
        radios(b, "situation", "Vad stämmer bäst på dig just nu?", SITUATIONS, a.situation());
        radios(b, "hjalp", "Vad vill du ha hjälp med?", HELP, a.help());
        Map<String, String[]> several = new LinkedHashMap<>();
        several.put("ja", new String[]{"Ja"});
        several.put("nej", new String[]{"Nej"});
        radios(b, "flera", "Har du redan kontakt med flera myndigheter, till exempel Försäkringskassan och socialtjänsten?", several,
                a.severalAgencies());
        b.append("<div><button type=\"submit\">Visa stöd</button></div>\n</form>\n");
        b.append("<section id=\"resultat\" aria-live=\"polite\">\n");
        if (a.any()) {
            b.append("<h2>").append(matches.size()).append(matches.size() == 1 ? " insats passar" : " insatser passar").append("</h2>\n");
            if (matches.isEmpty()) {
                b.append("<p>Vi hittade inget som passar alla dina svar. Ändra ett svar ovan, till exempel kommun eller ålder.</p>\n");
            }
            b.append("<ol class=\"results\">\n");
            for (Match m : matches) {
                ObjectNode s = m.service();
                b.append("<li><h3><a href=\"/id/service/").append(Html.escape(s.path("id").asText())).append("\">")
                        .append(Html.escape(ServicePage.text(s.path("title")))).append("</a></h3>\n");
                if (!m.reasons().isEmpty()) {
                    b.append("<p class=\"why\">Därför passar den: ").append(Html.escape(String.join(", ", m.reasons()))).append(".</p>\n");
                }
                String provider = ServicePage.text(s.path("provider").path("name"));
                if (!provider.isEmpty()) {
                    b.append("<p class=\"meta\">Anordnare: ").append(Html.escape(provider)).append("</p>\n");
                }
                JsonNode admission = s.path("admission");
                if (admission.has("referralRequired")) {
                    b.append("<p class=\"meta\">").append(admission.path("referralRequired").asBoolean()
                            ? "Du behöver en remiss, till exempel från Arbetsförmedlingen eller socialtjänsten."
                            : "Du kan själv anmäla dig.").append("</p>\n");
                }
                b.append("</li>\n");
            }
            b.append("</ol>\n<p>Vill du ändra ett svar? Ändra i frågorna ovan och välj <strong>Visa stöd</strong> igen. ")
                    .append("Du kan spara eller dela adressen till den här sidan.</p>\n");
        }
        b.append("</section>\n</main>\n<footer><p><a href=\"/\">Sök bland alla insatser</a> · Inga kakor, ingen spårning.</p></footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void radios(StringBuilder b, String name, String legend, Map<String, String[]> options, String chosen) {
        b.append("<fieldset><legend>").append(Html.escape(legend)).append("</legend>\n");
        int i = 0;
        for (Map.Entry<String, String[]> o : options.entrySet()) {
            String id = name + "-" + (i++);
            b.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(id).append("\" name=\"").append(name)
                    .append("\" value=\"").append(o.getKey()).append('"').append(o.getKey().equals(chosen) ? " checked" : "")
                    .append("><label for=\"").append(id).append("\">").append(Html.escape(o.getValue()[0])).append("</label></div>\n");
        }
        b.append("</fieldset>\n");
    }

    private static Map<String, String[]> situations() {
        // value → {label, target group, "för dig som …"}
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("sjukskriven", new String[]{"Jag är sjukskriven", "sick-leave", "är sjukskriven"});
        m.put("aktivitetsersattning", new String[]{"Jag har aktivitetsersättning", "activity-compensation", "har aktivitetsersättning"});
        m.put("forsorjningsstod", new String[]{"Jag har försörjningsstöd (ekonomiskt bistånd)", "income-support", "har försörjningsstöd"});
        m.put("arbetslos", new String[]{"Jag är arbetslös sedan länge", "long-term-unemployed", "varit arbetslös länge"});
        m.put("ung", new String[]{"Jag är ung och varken arbetar eller studerar", "not-in-education-employment", "varken arbetar eller studerar"});
        m.put("nyanland", new String[]{"Jag är ny i Sverige", "newly-arrived", "är ny i Sverige"});
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String[]> help() {
        // value → {label, methods …}
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("arbete", new String[]{"Arbete", "supported-employment", "ips", "work-training", "work-trial", "internship",
                "labour-market-knowledge", "social-enterprise"});
        m.put("studier", new String[]{"Studier", "study-career-guidance", "study-visits"});
        m.put("halsa", new String[]{"Hälsa", "health-promotion", "counselling", "motivational-interviewing"});
        m.put("ekonomi", new String[]{"Ekonomi", "personal-finance"});
        m.put("vardag", new String[]{"Vardagen", "mobilisation-course", "action-plan", "coordinated-individual-plan",
                "case-management", "relative-support"});
        return java.util.Collections.unmodifiableMap(m);
    }
}
