package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.linkeddata.SiteHeader;
import se.insatsnavet.hub.linkeddata.StatusBadge;
import se.insatsnavet.hub.search.ArticleIndex;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.StatusFilter;
import se.insatsnavet.hub.services.ServicePageResult;
import se.insatsnavet.hub.usage.UsageCounter;
import se.insatsnavet.schema.Vocabulary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code GET /}: the public Swedish search page. Server-rendered, works without JavaScript, no cookies:
 * a search box, municipality, county (one or several: a region's or a national network's view), target-group
 * and age filters, links that narrow by method and provider type with their counts (facets), result cards
 * (with the federation each service comes from) with the matched words highlighted, and paging. Every value from
 * a federation's data is escaped (snippets come escaped from the search engine, with only {@code <mark>} added).
 */
public final class SearchPage implements Handler<RoutingContext> {

    private static final int PER_PAGE = 10;

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final Vocabulary vocabulary;
    private final Map<String, String> municipalities = new TreeMap<>();
    private final List<String[]> targetGroups = new ArrayList<>();
    private final Map<String, String> counties = new TreeMap<>();
    private final Function<String, String> federationName;
    private UsageCounter usage;
    private ArticleIndex articles;

    private SearchPage(Vertx vertx, ServiceCatalog catalog, Vocabulary vocabulary, Function<String, String> federationName) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.vocabulary = vocabulary;
        this.federationName = federationName;
        for (String code : vocabulary.codes(Vocabulary.COUNTY)) {
            counties.put(code, vocabulary.countyName(code).orElse(code));
        }
        for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
            municipalities.put(vocabulary.municipalityShortName(code).orElse(code), code);
        }
        for (String code : vocabulary.codes(Vocabulary.TARGET_GROUP)) {
            targetGroups.add(new String[] {code, vocabulary.prefLabel(Vocabulary.TARGET_GROUP, code, "sv").orElse(code)});
        }
        targetGroups.sort(Comparator.comparing(a -> a[1]));
    }

    /** {@code federationName} gives a federation's name from its id (for the result cards). */
    public static SearchPage create(Vertx vertx, ServiceCatalog catalog, Vocabulary vocabulary,
                                    Function<String, String> federationName) {
        return new SearchPage(vertx, catalog, vocabulary, federationName);
    }

    /** Counts each search's first page in the anonymous usage statistics (filters, words without hits). */
    public SearchPage withUsage(UsageCounter counter) {
        this.usage = counter;
        return this;
    }

    /** Lists the guidance articles matching the words beside the services (a short list "Vägledning"). */
    public SearchPage withArticles(ArticleIndex index) {
        this.articles = index;
        return this;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String q = param(ctx, "q", 200);
        String municipality = param(ctx, "kommun", 4);
        String targetGroup = param(ctx, "malgrupp", 80);
        String method = param(ctx, "metod", 80);
        String providerType = param(ctx, "anordnare", 80);
        String ageText = param(ctx, "alder", 3);
        Integer age = ageText != null && ageText.matches("[0-9]{1,3}") && Integer.parseInt(ageText) <= 120 ? Integer.parseInt(ageText) : null;
        if (method != null && !method.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            method = null;
        }
        if (providerType != null && !providerType.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            providerType = null;
        }
        if (municipality != null && !municipality.matches("[0-9]{4}")) {
            municipality = null;
        }
        if (targetGroup != null && !targetGroup.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            targetGroup = null;
        }
        // counties: ?lan=05&lan=01 (checkboxes); any of them
        List<String> chosenCounties = ctx.queryParams().getAll("lan").stream().map(String::trim)
                .filter(counties::containsKey).distinct().sorted().toList();
        String county = chosenCounties.isEmpty() ? null : String.join(",", chosenCounties);
        // status=alla: also paused, ended and later planned services (by default only current ones)
        boolean all = "alla".equals(ctx.queryParams().get("status"));
        int page;
        try {
            page = Math.max(1, Math.min(10_000, Integer.parseInt(ctx.queryParams().get("sida") == null ? "1" : ctx.queryParams().get("sida"))));
        } catch (NumberFormatException e) {
            page = 1;
        }
        List<String> words = QueryParams.words(q, 8);
        ServiceFilter filter = new ServiceFilter(words, municipality, targetGroup, null, page, PER_PAGE,
                new ServiceFilter.More(county, age, method, providerType, all ? StatusFilter.ALL : StatusFilter.CURRENT));
        Chosen chosen = new Chosen(q, municipality, chosenCounties, targetGroup, method, providerType, age, all);
        String kind = param(ctx, "slag", 20);
        String articleKind = kind != null && ArticleIndex.KINDS.contains(kind) ? kind : null;
        Blocking.run(vertx, () -> new Found(catalog.search(filter, true, true).parsed(),
                GuidanceHits.find(articles, words, articleKind))).onComplete(found -> {
            var ar = found.map(Found::services);
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            boolean searched = q != null || chosen.municipality() != null || chosen.targetGroup() != null;
            if (usage != null && filter.page() == 1 && searched) {
                usage.search(words, ar.result().total(), chosen.targetGroup(), chosen.municipality());
            }
            ctx.response().putHeader("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY");
            Responses.send(ctx, 200, "text/html; charset=utf-8", render(chosen, ar.result(), articleKind, found.result().articles()));
        });
    }

    /** What the visitor chose (each null when not). */
    record Chosen(String q, String municipality, List<String> counties, String targetGroup, String method,
                  String providerType, Integer age, boolean all) {
        String link(int page, String dimension, String value) {
            StringBuilder l = new StringBuilder("/?sida=").append(page);
            if (q != null) {
                l.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
            }
            add(l, "kommun", "municipality".equals(dimension) ? value : municipality);
            counties.forEach(code -> add(l, "lan", code));
            add(l, "malgrupp", "targetGroup".equals(dimension) ? value : targetGroup);
            add(l, "metod", "method".equals(dimension) ? value : method);
            add(l, "anordnare", "providerType".equals(dimension) ? value : providerType);
            add(l, "alder", age == null ? null : age.toString());
            add(l, "status", "status".equals(dimension) ? value : all ? "alla" : null);
            return l.toString();
        }

        private static void add(StringBuilder l, String name, String value) {
            if (value != null) {
                l.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** What a search found: the services' page and the guidance articles (null when not searched by words). */
    private record Found(ServicePageResult services, ArticleIndex.Hits articles) {
    }

    private String render(Chosen c, ServicePageResult result, String articleKind, ArticleIndex.Hits guidance) {
        String q = c.q();
        String municipality = c.municipality();
        String targetGroup = c.targetGroup();
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(q == null ? "Sök stöd och insatser" : "Sökresultat för " + Html.escape(q))
                .append(" – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#resultat\">Hoppa till resultaten</a>\n")
                .append(SiteHeader.html("/")).append("<main>\n")
                .append("<h1>Hitta stöd till arbete eller studier</h1>\n")
                .append("<p>Här finns insatser från samordningsförbund i hela Sverige. Sök på ord, välj din kommun eller vem stödet är till för.</p>\n")
                .append("<p>Vet du inte vad du ska söka efter? <a href=\"/hittaguiden\">Svara på några frågor i Hittaguiden</a>.</p>\n")
                .append("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">\n")
                .append("<div><label for=\"q\">Sök</label><input id=\"q\" name=\"q\" type=\"search\" value=\"")
                .append(Html.escape(q == null ? "" : q)).append("\" placeholder=\"till exempel arbetsträning\"></div>\n")
                .append("<div><label for=\"kommun\">Kommun</label><select id=\"kommun\" name=\"kommun\"><option value=\"\">Alla kommuner</option>");
        municipalities.forEach((name, code) -> b.append("<option value=\"").append(code).append('"')
                .append(code.equals(municipality) ? " selected" : "").append('>').append(Html.escape(name)).append("</option>"));
        b.append("</select></div>\n");
        regions(b, c.counties());
        b.append("<div><label for=\"malgrupp\">Målgrupp</label><select id=\"malgrupp\" name=\"malgrupp\"><option value=\"\">Alla målgrupper</option>");
        for (String[] tg : targetGroups) {
            b.append("<option value=\"").append(tg[0]).append('"').append(tg[0].equals(targetGroup) ? " selected" : "")
                    .append('>').append(Html.escape(tg[1])).append("</option>");
        }
        b.append("</select></div>\n<div><label for=\"alder\">Ålder</label><input id=\"alder\" name=\"alder\" type=\"number\" min=\"0\" max=\"120\" inputmode=\"numeric\" value=\"")
                .append(c.age() == null ? "" : c.age()).append("\"></div>\n");
        if (c.method() != null) {
            b.append("<input type=\"hidden\" name=\"metod\" value=\"").append(Html.escape(c.method())).append("\">");
        }
        if (c.providerType() != null) {
            b.append("<input type=\"hidden\" name=\"anordnare\" value=\"").append(Html.escape(c.providerType())).append("\">");
        }
        if (c.all()) {
            b.append("<input type=\"hidden\" name=\"status\" value=\"alla\">");
        }
        b.append("<div><button type=\"submit\">Sök</button></div>\n</form>\n");
        facets(b, c, result);
        GuidanceHits.render(b, c.q(), articleKind, guidance);
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
        pages(b, c, result);
        b.append("<p>").append(c.all() ? "Du ser alla insatser, även pausade, avslutade och planerade. <a href=\""
                        + Html.escape(c.link(1, "status", null)) + "\">Visa bara insatser som pågår</a>."
                        : "Du ser insatser som pågår eller startar snart. <a href=\""
                        + Html.escape(c.link(1, "status", "alla")) + "\">Visa även pausade och avslutade insatser</a>.")
                .append("</p>\n");
        b.append("</section>\n</main>\n<footer><p>Öppna data: <a href=\"/api/services\">JSON</a> · ")
                .append("Inga kakor, ingen spårning.</p></footer>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The counties as checkboxes, folded away until one is chosen (a select with many choices is hard to use). */
    private void regions(StringBuilder b, List<String> chosen) {
        b.append("<details class=\"regions\"").append(chosen.isEmpty() ? "" : " open").append("><summary>Län")
                .append(chosen.isEmpty() ? "" : " (" + chosen.size() + " valda)").append("</summary>\n")
                .append("<fieldset><legend>Visa insatser i ett eller flera län</legend>\n");
        counties.forEach((code, name) -> b.append("<div><input type=\"checkbox\" id=\"lan-").append(code)
                .append("\" name=\"lan\" value=\"").append(code).append('"').append(chosen.contains(code) ? " checked" : "")
                .append("><label for=\"lan-").append(code).append("\">").append(Html.escape(name)).append("</label></div>\n"));
        b.append("</fieldset>\n</details>\n");
    }

    private void card(StringBuilder b, JsonNode s) {
        b.append("<li><h2><a href=\"/id/service/").append(Html.escape(s.path("id").asText())).append("\">")
                .append(Html.escape(ServicePage.text(s.path("title")))).append("</a></h2>\n");
        b.append(StatusBadge.html(s));
        String provider = ServicePage.text(s.path("provider").path("name"));
        if (!provider.isEmpty()) {
            b.append("<p class=\"meta\">Anordnare: ").append(Html.escape(provider)).append("</p>\n");
        }
        String federation = s.path("federation").asText("");
        if (!federation.isEmpty()) {
            b.append("<p class=\"meta\">Samordningsförbund: ").append(Html.escape(federationName.apply(federation))).append("</p>\n");
        }
        if (s.hasNonNull("snippet")) {
            // the search engine escaped the text and added only <mark> around the matched words
            b.append("<p class=\"snippet\">").append(s.path("snippet").asText()).append("</p>\n");
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

    private static void pages(StringBuilder b, Chosen c, ServicePageResult r) {
        long last = Math.max(1, (r.total() + r.perPage() - 1) / r.perPage());
        if (last == 1) {
            return;
        }
        b.append("<nav class=\"pages\" aria-label=\"Sidor\">");
        if (r.page() > 1) {
            b.append("<a href=\"").append(Html.escape(c.link(r.page() - 1, null, null))).append("\">Föregående sida</a>");
        }
        b.append("<span>Sida ").append(r.page()).append(" av ").append(last).append("</span>");
        if (r.page() < last) {
            b.append("<a href=\"").append(Html.escape(c.link(r.page() + 1, null, null))).append("\">Nästa sida</a>");
        }
        b.append("</nav>\n");
    }

    /** Links that narrow the search, with how many services each leaves (facet counts). */
    private void facets(StringBuilder b, Chosen c, ServicePageResult r) {
        Map<String, String[]> dims = new LinkedHashMap<>();
        dims.put("method", new String[]{"Arbetssätt", Vocabulary.METHOD, c.method()});
        dims.put("providerType", new String[]{"Anordnare", Vocabulary.PROVIDER_TYPE, c.providerType()});
        boolean any = dims.keySet().stream().anyMatch(d -> !r.facets().getOrDefault(d, Map.of()).isEmpty());
        if (!any) {
            return;
        }
        b.append("<details class=\"facets\"><summary>Förfina sökningen</summary>\n");
        dims.forEach((dim, names) -> {
            Map<String, Long> counts = r.facets().getOrDefault(dim, Map.of());
            if (counts.isEmpty()) {
                return;
            }
            b.append("<h2>").append(names[0]).append("</h2>\n<ul>");
            if (names[2] != null) {
                b.append("<li><a href=\"").append(Html.escape(c.link(1, dim, null)))
                        .append("\">Visa alla</a></li>");
            }
            counts.forEach((code, n) -> b.append("<li><a href=\"").append(Html.escape(c.link(1, dim, code))).append("\"")
                    .append(code.equals(names[2]) ? " aria-current=\"true\"" : "").append('>')
                    .append(Html.escape(vocabulary.prefLabel(names[1], code, "sv").orElse(code))).append("</a> (").append(n).append(")</li>"));
            b.append("</ul>\n");
        });
        b.append("</details>\n");
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
