package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.ServicePageResult;
import se.insatsnavet.schema.Vocabulary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /}: the public Swedish search page. Server-rendered, works without JavaScript, no cookies:
 * a search box, municipality and target-group filters, result cards and paging. Every value from a
 * federation's data is escaped.
 */
public final class SearchPage implements Handler<RoutingContext> {

    private static final int PER_PAGE = 10;

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final Vocabulary vocabulary;
    private final Map<String, String> municipalities = new TreeMap<>();
    private final List<String[]> targetGroups = new ArrayList<>();

    private SearchPage(Vertx vertx, ServiceCatalog catalog, Vocabulary vocabulary) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.vocabulary = vocabulary;
        for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
            municipalities.put(vocabulary.municipalityShortName(code).orElse(code), code);
        }
        for (String code : vocabulary.codes(Vocabulary.TARGET_GROUP)) {
            targetGroups.add(new String[] {code, vocabulary.prefLabel(Vocabulary.TARGET_GROUP, code, "sv").orElse(code)});
        }
        targetGroups.sort(Comparator.comparing(a -> a[1]));
    }

    public static SearchPage create(Vertx vertx, ServiceCatalog catalog, Vocabulary vocabulary) {
        return new SearchPage(vertx, catalog, vocabulary);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String q = param(ctx, "q", 200);
        String municipality = param(ctx, "kommun", 4);
        String targetGroup = param(ctx, "malgrupp", 80);
        if (municipality != null && !municipality.matches("[0-9]{4}")) {
            municipality = null;
        }
        if (targetGroup != null && !targetGroup.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            targetGroup = null;
        }
        int page;
        try {
            page = Math.max(1, Math.min(10_000, Integer.parseInt(ctx.queryParams().get("sida") == null ? "1" : ctx.queryParams().get("sida"))));
        } catch (NumberFormatException e) {
            page = 1;
        }
        List<String> words = q == null ? List.of()
                : Arrays.stream(q.toLowerCase(Locale.ROOT).split("[\\s,]+")).filter(w -> !w.isBlank()).limit(8).toList();
        ServiceFilter filter = new ServiceFilter(words, municipality, targetGroup, null, page, PER_PAGE);
        String m = municipality;
        String t = targetGroup;
        Blocking.run(vertx, () -> catalog.find(filter)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            ctx.response().putHeader("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY");
            Responses.send(ctx, 200, "text/html; charset=utf-8", render(q, m, t, ar.result()));
        });
    }

    private String render(String q, String municipality, String targetGroup, ServicePageResult result) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(q == null ? "Sök stöd och insatser" : "Sökresultat för " + Html.escape(q))
                .append(" – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#resultat\">Hoppa till resultaten</a>\n")
                .append("<header><a href=\"/\">Insatsnavet</a> <a href=\"/hittaguiden\">Hittaguiden</a></header>\n<main>\n")
                .append("<h1>Hitta stöd till arbete eller studier</h1>\n")
                .append("<p>Här finns insatser från samordningsförbund i hela Sverige. Sök på ord, välj din kommun eller vem stödet är till för.</p>\n")
                .append("<p>Vet du inte vad du ska söka efter? <a href=\"/hittaguiden\">Svara på några frågor i Hittaguiden</a>.</p>\n")
                .append("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">\n")
                .append("<div><label for=\"q\">Sök</label><input id=\"q\" name=\"q\" type=\"search\" value=\"")
                .append(Html.escape(q == null ? "" : q)).append("\" placeholder=\"till exempel arbetsträning\"></div>\n")
                .append("<div><label for=\"kommun\">Kommun</label><select id=\"kommun\" name=\"kommun\"><option value=\"\">Alla kommuner</option>");
        municipalities.forEach((name, code) -> b.append("<option value=\"").append(code).append('"')
                .append(code.equals(municipality) ? " selected" : "").append('>').append(Html.escape(name)).append("</option>"));
        b.append("</select></div>\n<div><label for=\"malgrupp\">Målgrupp</label><select id=\"malgrupp\" name=\"malgrupp\"><option value=\"\">Alla målgrupper</option>");
        for (String[] tg : targetGroups) {
            b.append("<option value=\"").append(tg[0]).append('"').append(tg[0].equals(targetGroup) ? " selected" : "")
                    .append('>').append(Html.escape(tg[1])).append("</option>");
        }
        b.append("</select></div>\n<div><button type=\"submit\">Sök</button></div>\n</form>\n");
        b.append("<section id=\"resultat\" aria-live=\"polite\">\n<h2>").append(result.total())
                .append(result.total() == 1 ? " insats" : " insatser").append("</h2>\n");
        if (result.items().isEmpty()) {
            b.append("<p>Inga insatser hittades. Prova färre ord eller ta bort ett filter.</p>\n");
        }
        b.append("<ol class=\"results\">\n");
        for (ObjectNode s : result.items()) {
            card(b, s);
        }
        b.append("</ol>\n");
        pages(b, q, municipality, targetGroup, result);
        b.append("</section>\n</main>\n<footer><p>Öppna data: <a href=\"/api/services\">JSON</a> · ")
                .append("Inga kakor, ingen spårning.</p></footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private void card(StringBuilder b, JsonNode s) {
        b.append("<li><h2><a href=\"/id/service/").append(Html.escape(s.path("id").asText())).append("\">")
                .append(Html.escape(se.insatsnavet.hub.linkeddata.ServicePage.text(s.path("title")))).append("</a></h2>\n");
        String provider = se.insatsnavet.hub.linkeddata.ServicePage.text(s.path("provider").path("name"));
        if (!provider.isEmpty()) {
            b.append("<p class=\"meta\">Anordnare: ").append(Html.escape(provider)).append("</p>\n");
        }
        List<String> places = new ArrayList<>();
        s.path("municipalities").forEach(c -> places.add(vocabulary.municipalityShortName(c.asText()).orElse(c.asText())));
        if (!places.isEmpty()) {
            b.append("<p class=\"meta\">Kommuner: ").append(Html.escape(String.join(", ", places))).append("</p>\n");
        }
        List<String> groups = new ArrayList<>();
        s.path("targetGroups").forEach(c -> groups.add(vocabulary.prefLabel(Vocabulary.TARGET_GROUP, c.asText(), "sv").orElse(c.asText())));
        if (!groups.isEmpty()) {
            b.append("<p class=\"meta\">För: ").append(Html.escape(String.join(", ", groups))).append("</p>\n");
        }
        JsonNode admission = s.path("admission");
        if (admission.has("referralRequired")) {
            b.append("<p class=\"meta\">").append(admission.path("referralRequired").asBoolean()
                    ? "Du behöver en remiss." : "Du kan själv anmäla dig.").append("</p>\n");
        }
        b.append("</li>\n");
    }

    private static void pages(StringBuilder b, String q, String municipality, String targetGroup, ServicePageResult r) {
        long last = Math.max(1, (r.total() + r.perPage() - 1) / r.perPage());
        if (last == 1) {
            return;
        }
        b.append("<nav class=\"pages\" aria-label=\"Sidor\">");
        if (r.page() > 1) {
            b.append("<a href=\"").append(Html.escape(link(q, municipality, targetGroup, r.page() - 1))).append("\">Föregående sida</a>");
        }
        b.append("<span>Sida ").append(r.page()).append(" av ").append(last).append("</span>");
        if (r.page() < last) {
            b.append("<a href=\"").append(Html.escape(link(q, municipality, targetGroup, r.page() + 1))).append("\">Nästa sida</a>");
        }
        b.append("</nav>\n");
    }

    private static String link(String q, String municipality, String targetGroup, int page) {
        StringBuilder l = new StringBuilder("/?sida=").append(page);
        if (q != null) {
            l.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (municipality != null) {
            l.append("&kommun=").append(municipality);
        }
        if (targetGroup != null) {
            l.append("&malgrupp=").append(targetGroup);
        }
        return l.toString();
    }

    private static String param(RoutingContext ctx, String name, int max) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.trim();
        return v.length() > max ? v.substring(0, max) : v;
    }
}
