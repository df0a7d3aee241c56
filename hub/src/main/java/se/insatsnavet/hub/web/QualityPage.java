package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.SiteHeader;
import se.insatsnavet.hub.duplicates.DuplicateReport;
import se.insatsnavet.hub.quality.ArticleQuality;
import se.insatsnavet.hub.quality.QualityReport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /kvalitet/{federation}}: the editors' page of a federation (Swedish): how its catalogue is doing
 * and which services to fix first, with what to fix, in plain words. The same figures as
 * {@code /api/quality/{federation}}.
 */
public final class QualityPage implements Handler<RoutingContext> {

    /** The quality reasons in Swedish (by their English beginning). */
    static final Map<String, String> SWEDISH = swedish();

    private final Vertx vertx;
    private final QualityReport quality;
    private final Function<String, String> federationNames;
    private final DuplicateReport duplicates;
    private final ArticleQuality articles;

    private QualityPage(Vertx vertx, QualityReport quality, Function<String, String> federationNames, DuplicateReport duplicates,
                        ArticleQuality articles) {
        this.vertx = vertx;
        this.quality = quality;
        this.federationNames = federationNames;
        this.duplicates = duplicates;
        this.articles = articles;
    }

    public static QualityPage create(Vertx vertx, QualityReport quality, Function<String, String> federationNames) {
        return new QualityPage(vertx, quality, federationNames, null, null);
    }

    /** The same page with a section listing the federation's possible duplicates. */
    public QualityPage withDuplicates(DuplicateReport report) {
        return new QualityPage(vertx, quality, federationNames, report, articles);
    }

    /** The same page with a section "Vägledning" on the federation's guidance articles. */
    public QualityPage withArticles(ArticleQuality articleQuality) {
        return new QualityPage(vertx, quality, federationNames, duplicates, articleQuality);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String federation = ctx.pathParam("federation");
        Blocking.run(vertx, () -> page(federation)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            ctx.response().putHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; frame-ancestors 'none'")
                    .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
            if (ar.result().isEmpty()) {
                Responses.problem(ctx, 404, "No federation '" + federation + "' with published services");
                return;
            }
            Page page = ar.result().get();
            Responses.send(ctx, 200, "text/html; charset=utf-8", render(federation, page));
        });
    }

    /** Most possible duplicates listed on the page (the rest through the API). */
    static final int MAX_DUPLICATES = 50;

    private record Page(JsonNode report, List<JsonNode> duplicates, JsonNode articles) {
    }

    /** The figures of the page; none for a federation without published services or articles. */
    private Optional<Page> page(String federation) {
        JsonNode section = articles == null ? null : articles.federation(federation);
        Optional<ObjectNode> report = quality.federation(federation);
        if (report.isEmpty() && (section == null || section.path("articles").asInt() == 0)) {
            return Optional.empty();
        }
        JsonNode services = report.isPresent() ? report.get() : quality.federationSummary(federation).set("services",
                Responses.JSON.createArrayNode());
        return Optional.of(new Page(services,
                duplicates == null ? null : duplicates.openJson(federation, MAX_DUPLICATES + 1), section));
    }

    private String render(String federation, Page page) {
        JsonNode report = page.report();
        List<JsonNode> possibleDuplicates = page.duplicates();
        String name = federationNames.apply(federation);
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Kvalitet – ")
                .append(Html.escape(name)).append(" – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n</head>\n<body>\n")
                .append(SiteHeader.html(null)).append("<main>\n<h1>Kvalitet: ").append(Html.escape(name)).append("</h1>\n")
                .append("<p>Här ser du hur förbundets insatser är beskrivna och vad som är viktigast att rätta först. ")
                .append("Poängen går från 0 till 100.</p>\n<ul>\n")
                .append("<li>Insatser: ").append(report.path("services").size()).append("</li>\n")
                .append("<li>Genomsnittlig poäng: ").append(report.path("averageScore").asLong()).append("</li>\n")
                .append("<li>Inte granskade på mer än 12 månader (enligt förbundets datum för granskning; ")
                .append("utan ett sådant datum: inte ändrade på mer än 12 månader): ").append(report.path("stale").asLong()).append("</li>\n")
                .append("<li>Utan e-post eller telefon: ").append(report.path("withoutContact").asLong()).append("</li>\n</ul>\n")
                .append("<h2>Rätta först</h2>\n<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Rätta först, tabell\"><table>\n<caption>Insatserna med lägst poäng först</caption>\n")
                .append("<thead><tr><th scope=\"col\">Insats</th><th scope=\"col\">Poäng</th><th scope=\"col\">Att förbättra</th></tr></thead>\n<tbody>\n");
        for (JsonNode s : report.path("services")) {
            b.append("<tr><td><a href=\"/id/service/").append(Html.escape(s.path("id").asText())).append("\">")
                    .append(Html.escape(s.path("title").asText(s.path("id").asText()))).append("</a></td><td>")
                    .append(s.path("score").asInt()).append("</td><td>");
            JsonNode reasons = s.path("reasons");
            if (reasons.isEmpty()) {
                b.append("Inget");
            } else {
                b.append("<ul>");
                reasons.forEach(r -> b.append("<li>").append(Html.escape(swedish(r.asText()))).append("</li>"));
                b.append("</ul>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n<p>Som öppna data: <a href=\"/api/quality/").append(Html.escape(federation))
                .append("\">JSON</a>.</p>\n");
        if (page.articles() != null) {
            ArticleQualitySection.render(b, page.articles());
        }
        if (possibleDuplicates != null) {
            duplicates(b, federation, possibleDuplicates);
        }
        b.append("</main>\n<script src=\"/assets/dubbletter.js\" defer></script>\n</body>\n</html>\n");
        return b.toString();
    }

    private void duplicates(StringBuilder b, String federation, List<JsonNode> candidates) {
        b.append("<h2>Möjliga dubbletter</h2>\n<p>Insatser som ett annat förbund eller en myndighet också listar och som ")
                .append("kanske är samma insats. Inget slås ihop automatiskt. Bekräftade dubbletter länkas i öppna data ")
                .append("(owl:sameAs). Avvisade visas inte igen.</p>\n")
                .append("<p>Utan JavaScript: bekräfta eller avvisa med förbundets API-nyckel genom ")
                .append("<code>PUT /api/duplicates/{insats}/{insats}</code> med <code>{\"decision\": \"confirmed\"}</code> eller ")
                .append("<code>\"rejected\"</code>.</p>\n")
                .append("<div id=\"dubbletter\" hidden>\n<label for=\"api-nyckel\">Förbundets API-nyckel (sparas inte)</label>\n")
                .append("<input id=\"api-nyckel\" type=\"password\" autocomplete=\"off\" spellcheck=\"false\">\n")
                .append("<p id=\"dubblett-status\" role=\"status\" aria-live=\"polite\"></p>\n</div>\n");
        if (candidates.isEmpty()) {
            b.append("<p>Inga möjliga dubbletter just nu.</p>\n");
        } else {
            b.append("<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Möjliga dubbletter, tabell\"><table>\n<caption>De mest lika först (likhet från 0 till 100)</caption>\n<thead><tr>")
                    .append("<th scope=\"col\">Förbundets insats</th><th scope=\"col\">Kanske samma som</th>")
                    .append("<th scope=\"col\">Listas av</th><th scope=\"col\">Likhet</th><th scope=\"col\">Varför</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (JsonNode c : candidates.subList(0, Math.min(candidates.size(), MAX_DUPLICATES))) {
                boolean ours = c.path("a").path("federation").asText().equals(federation);
                JsonNode own = ours ? c.path("a") : c.path("b");
                JsonNode other = ours ? c.path("b") : c.path("a");
                b.append("<tr><td>").append(serviceLink(own)).append("</td><td>").append(serviceLink(other)).append("</td><td>")
                        .append(Html.escape(federationNames.apply(other.path("federation").asText()))).append("</td><td>")
                        .append(c.path("score").asInt()).append("</td><td><ul>");
                b.append("<li>Titlarna liknar varandra till ").append(Math.round(c.path("titleSimilarity").asDouble() * 100))
                        .append(" %</li>");
                for (JsonNode same : c.path("sameContact")) {
                    b.append("<li>").append(switch (same.asText()) {
                        case "email" -> "Samma e-post";
                        case "phone" -> "Samma telefonnummer";
                        default -> "Samma webbadress";
                    }).append("</li>");
                }
                if (c.path("sameProvider").asBoolean()) {
                    b.append("<li>Samma anordnare</li>");
                }
                if (!c.path("sharedMunicipalities").isEmpty()) {
                    StringBuilder codes = new StringBuilder();
                    c.path("sharedMunicipalities").forEach(m -> codes.append(codes.isEmpty() ? "" : ", ").append(m.asText()));
                    b.append("<li>Erbjuds i samma kommuner (").append(Html.escape(codes.toString())).append(")</li>");
                }
                b.append("</ul>").append(decisionForm(c.path("a").path("id").asText(), c.path("b").path("id").asText(),
                        own.path("title").asText(own.path("id").asText()), other.path("title").asText(other.path("id").asText())))
                        .append("</td></tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        b.append("<p>Alla möjliga dubbletter som öppna data: <a href=\"/api/duplicates?federation=").append(Html.escape(federation))
                .append("\">JSON</a>.</p>\n");
    }

    /** The buttons that decide on a pair (shown by dubbletter.js, which sends the decision with the key). */
    private static String decisionForm(String a, String b, String own, String other) {
        String pair = Html.escape(own) + " och " + Html.escape(other);
        return "<form class=\"beslut\" hidden data-a=\"" + Html.escape(a) + "\" data-b=\"" + Html.escape(b) + "\">"
                + "<button type=\"submit\" name=\"decision\" value=\"confirmed\" aria-label=\"Bekräfta att " + pair
                + " är samma insats\">Samma insats</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"rejected\" aria-label=\"Avvisa: " + pair
                + " är inte samma insats\">Inte samma</button></form>";
    }

    private static String serviceLink(JsonNode s) {
        String id = s.path("id").asText();
        return "<a href=\"/id/service/" + Html.escape(id) + "\">" + Html.escape(s.path("title").asText(id)) + "</a>";
    }

    /** A reason in Swedish (the English text when there is no translation). */
    static String swedish(String reason) {
        int unreachable = reason.indexOf(" is not reachable: ");
        if (unreachable > 0) {
            String field = reason.substring(0, unreachable).equals("homepage") ? "Webbsidan" : "Kontaktsidan";
            String detail = reason.substring(unreachable + " is not reachable: ".length());
            return field + " går inte att nå: " + switch (detail) {
                case "no answer in time" -> "inget svar i tid";
                case "no connection" -> "ingen anslutning";
                case "not a public http(s) address" -> "inte en allmän http(s)-adress";
                default -> detail.replace("HTTP", "svar HTTP");
            };
        }
        for (Map.Entry<String, String> e : SWEDISH.entrySet()) {
            if (reason.startsWith(e.getKey())) {
                return e.getValue() + reason.substring(e.getKey().length());
            }
        }
        return reason;
    }

    private static Map<String, String> swedish() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("missing description", "Beskrivning saknas");
        m.put("missing provider.type", "Anordnarens typ saknas");
        m.put("missing targetGroups", "Målgrupp saknas");
        m.put("missing ageRange", "Ålder saknas");
        m.put("missing methods", "Arbetssätt saknas");
        m.put("missing admission (how to apply or referral)", "Hur man kommer med (ansökan eller remiss) saknas");
        m.put("missing contact (email or phone)", "E-post eller telefon saknas");
        m.put("missing homepage", "Webbsida saknas");
        m.put("missing lastReviewed", "Datum för senaste granskning saknas");
        m.put("missing languages", "Språk saknas");
        m.put("not reviewed for more than 12 months", "Inte granskad på mer än 12 månader, senast granskad");
        m.put("no review date, and not changed for more than 12 months",
                "Datum för granskning saknas, och innehållet har inte ändrats på mer än 12 månader, senast ändrat");
        m.put("contact.email is not a well-formed address", "E-postadressen ser inte rätt ut");
        m.put("contact.phone is not a well-formed number", "Telefonnumret ser inte rätt ut");
        m.put("homepage is not a well-formed URL", "Webbadressen ser inte rätt ut");
        m.put("the description has a sentence of more than 35 words (plain language)",
                "Beskrivningen har en mening med fler än 35 ord – skriv kortare meningar");
        return Collections.unmodifiableMap(m);
    }
}
