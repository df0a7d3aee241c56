package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.quality.QualityReport;

import java.util.LinkedHashMap;
import java.util.Map;
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

    private QualityPage(Vertx vertx, QualityReport quality, Function<String, String> federationNames) {
        this.vertx = vertx;
        this.quality = quality;
        this.federationNames = federationNames;
    }

    public static QualityPage create(Vertx vertx, QualityReport quality, Function<String, String> federationNames) {
        return new QualityPage(vertx, quality, federationNames);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String federation = ctx.pathParam("federation");
        Blocking.run(vertx, () -> quality.federation(federation)).onComplete(ar -> {
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
            Responses.send(ctx, 200, "text/html; charset=utf-8", render(federation, ar.result().get()));
        });
    }

    private String render(String federation, JsonNode report) {
        String name = federationNames.apply(federation);
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Kvalitet – ")
                .append(Html.escape(name)).append(" – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n</head>\n<body>\n")
                .append("<header><a href=\"/\">Insatsnavet</a></header>\n<main>\n<h1>Kvalitet: ").append(Html.escape(name)).append("</h1>\n")
                .append("<p>Här ser du hur förbundets insatser är beskrivna och vad som är viktigast att rätta först. ")
                .append("Poängen går från 0 till 100.</p>\n<ul>\n")
                .append("<li>Insatser: ").append(report.path("services").asLong()).append("</li>\n")
                .append("<li>Genomsnittlig poäng: ").append(report.path("averageScore").asLong()).append("</li>\n")
                .append("<li>Inte granskade eller ändrade på mer än 12 månader: ").append(report.path("stale").asLong()).append("</li>\n")
                .append("<li>Utan e-post eller telefon: ").append(report.path("withoutContact").asLong()).append("</li>\n</ul>\n")
                .append("<h2>Rätta först</h2>\n<table>\n<caption>Insatserna med lägst poäng först</caption>\n")
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
        b.append("</tbody>\n</table>\n<p>Som öppna data: <a href=\"/api/quality/").append(Html.escape(federation))
                .append("\">JSON</a>.</p>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** A reason in Swedish (the English text when there is no translation). */
    static String swedish(String reason) {
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
        m.put("not reviewed or changed for more than 12 months", "Inte granskad eller ändrad på mer än 12 månader");
        m.put("contact.email is not a well-formed address", "E-postadressen ser inte rätt ut");
        m.put("contact.phone is not a well-formed number", "Telefonnumret ser inte rätt ut");
        m.put("homepage is not a well-formed URL", "Webbadressen ser inte rätt ut");
        m.put("the description has a sentence of more than 35 words (plain language)",
                "Beskrivningen har en mening med fler än 35 ord – skriv kortare meningar");
        return java.util.Collections.unmodifiableMap(m);
    }
}
