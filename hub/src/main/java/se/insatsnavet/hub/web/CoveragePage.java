package se.insatsnavet.hub.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.indicators.OutcomeAggregation;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.SiteHeader;
import se.insatsnavet.hub.quality.CoverageReport;
import se.insatsnavet.schema.Vocabulary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /tackning}: where there are services (Swedish, public, no JavaScript). A plain form chooses a
 * target group, a method, a county and the level (municipalities or counties); the page draws a shaded map of
 * Sweden (or of the chosen county's municipalities), bars of the municipalities with a service per target
 * group, and a table of every municipality with the same numbers (the table is the accessible truth, the map a
 * picture of it). The numbers are those of {@code /api/coverage?targetGroup=&method=}. With
 * {@link #withOutcomes}, a section "Resultat för deltagarna" sums the published outcome figures of the services
 * in the chosen area ({@code /api/coverage/outcomes?county=}; the target group and method do not narrow it).
 */
public final class CoveragePage implements Handler<RoutingContext> {

    private static final String CODE = "[a-z0-9]+(-[a-z0-9]+)*";

    private final Vertx vertx;
    private final CoverageReport coverage;
    private final Vocabulary vocabulary;
    private final SwedenMap map;
    private final List<String[]> targetGroups = new ArrayList<>();
    private final List<String[]> methods = new ArrayList<>();
    private final Map<String, String> counties = new TreeMap<>();
    private final Map<String, String> municipalityNames = new TreeMap<>();
    private OutcomeAggregation outcomes;

    private CoveragePage(Vertx vertx, CoverageReport coverage, Vocabulary vocabulary, SwedenMap map) {
        this.vertx = vertx;
        this.coverage = coverage;
        this.vocabulary = vocabulary;
        this.map = map;
        for (String code : vocabulary.codes(Vocabulary.TARGET_GROUP)) {
            targetGroups.add(new String[] {code, vocabulary.prefLabel(Vocabulary.TARGET_GROUP, code, "sv").orElse(code)});
        }
        targetGroups.sort(Comparator.comparing(a -> a[1]));
        for (String code : vocabulary.codes(Vocabulary.METHOD)) {
            methods.add(new String[] {code, vocabulary.prefLabel(Vocabulary.METHOD, code, "sv").orElse(code)});
        }
        methods.sort(Comparator.comparing(a -> a[1]));
        for (String code : vocabulary.codes(Vocabulary.COUNTY)) {
            counties.put(code, vocabulary.countyName(code).orElse(code));
        }
        for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
            municipalityNames.put(code, vocabulary.municipalityShortName(code).orElse(code));
        }
    }

    public static CoveragePage create(Vertx vertx, CoverageReport coverage, Vocabulary vocabulary, SwedenMap map) {
        return new CoveragePage(vertx, coverage, vocabulary, map);
    }

    /** Adds the section "Resultat för deltagarna": the outcome figures summed over the chosen area. */
    public CoveragePage withOutcomes(OutcomeAggregation aggregation) {
        this.outcomes = aggregation;
        return this;
    }

    /** What the visitor chose (null when not, or not a known code). */
    record Choice(String targetGroup, String method, String county, boolean countyLevel) {
        String link(String targetGroupCode) {
            StringBuilder l = new StringBuilder("/tackning?malgrupp=").append(enc(targetGroupCode));
            if (method != null) {
                l.append("&metod=").append(enc(method));
            }
            if (county != null) {
                l.append("&lan=").append(county);
            }
            if (countyLevel) {
                l.append("&niva=lan");
            }
            return l.toString();
        }

        String api(String format) {
            StringBuilder l = new StringBuilder("/api/coverage");
            List<String> q = new ArrayList<>();
            if (targetGroup != null) {
                q.add("targetGroup=" + enc(targetGroup));
            }
            if (method != null) {
                q.add("method=" + enc(method));
            }
            if (format != null) {
                q.add("format=" + format);
            }
            return q.isEmpty() ? l.toString() : l.append('?').append(String.join("&", q)).toString();
        }
    }

    /** The numbers of one page: active services per municipality, and per target group in scope. */
    private record Numbers(Map<String, Long> selected, Map<String, Integer> coveredPerTargetGroup,
                           OutcomeAggregation.Result outcomes) {
    }

    @Override
    public void handle(RoutingContext ctx) {
        String tg = param(ctx, "malgrupp");
        String method = param(ctx, "metod");
        String county = param(ctx, "lan");
        Choice choice = new Choice(tg != null && tg.matches(CODE) && coverage.knownTargetGroup(tg) ? tg : null,
                method != null && method.matches(CODE) && coverage.knownMethod(method) ? method : null,
                county != null && counties.containsKey(county) ? county : null, "lan".equals(param(ctx, "niva")));
        Blocking.run(vertx, () -> numbers(choice)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            ctx.response().putHeader("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY");
            Responses.send(ctx, 200, "text/html; charset=utf-8", render(choice, ar.result()));
        });
    }

    private Numbers numbers(Choice c) {
        Map<String, Long> selected = coverage.selected(c.targetGroup(), c.method());
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        for (String[] tg : targetGroups) {
            Map<String, Long> counts = coverage.selected(tg[0], c.method());
            int covered = 0;
            for (String m : scope(c)) {
                covered += counts.getOrDefault(m, 0L) > 0 ? 1 : 0;
            }
            perGroup.put(tg[0], covered);
        }
        return new Numbers(selected, perGroup, outcomes == null ? null : outcomes.result());
    }

    /** The municipality codes in scope: the chosen county's, or all. */
    private List<String> scope(Choice c) {
        List<String> out = new ArrayList<>();
        for (String code : municipalityNames.keySet()) {
            if (c.county() == null || code.startsWith(c.county())) {
                out.add(code);
            }
        }
        return out;
    }

    private String render(Choice c, Numbers n) {
        String what = forWhat(c);
        String where = c.county() == null ? "Sverige" : counties.get(c.county());
        List<String> scope = scope(c);
        long gaps = scope.stream().filter(m -> n.selected().getOrDefault(m, 0L) == 0).count();
        StringBuilder b = new StringBuilder(200_000);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Täckning").append(Html.escape(what)).append(" i ").append(Html.escape(where))
                .append(" – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#tabell\">Hoppa till tabellen</a>\n")
                .append(SiteHeader.html("/tackning")).append("<main>\n")
                .append("<h1>Var finns insatser?</h1>\n")
                .append("<p>Här ser du hur många aktiva insatser det finns i varje kommun, och var det saknas insatser för en målgrupp. ")
                .append("En insats som gäller ett helt län räknas i varje kommun i länet.</p>\n");
        form(b, c);
        b.append("<h2 id=\"karta\">Aktiva insatser").append(Html.escape(what)).append(" i ").append(Html.escape(where)).append("</h2>\n")
                .append("<p>").append(gaps).append(" av ").append(scope.size()).append(" kommuner saknar aktiv insats")
                .append(Html.escape(what)).append(".</p>\n");
        String label = (c.countyLevel() ? "Karta över Sveriges län, färgade efter hur stor del av kommunerna som har insats"
                : "Karta över kommunerna i " + where + ", färgade efter antal insatser") + what
                + ". Samma siffror finns i tabellerna nedan.";
        b.append("<figure class=\"karta\">\n");
        if (c.countyLevel()) {
            b.append(CoverageMapSvg.counties(map, coveredOfAll(n.selected()), c.county(), counties::get, label));
        } else {
            b.append(CoverageMapSvg.municipalities(map, n.selected(), c.county(), municipalityNames::get, label));
        }
        b.append("<figcaption>").append(Html.escape(SwedenMap.SOURCE)).append("</figcaption>\n</figure>\n");
        legend(b, c.countyLevel() ? CoverageMapSvg.SHARE_LEGEND : CoverageMapSvg.COUNT_LEGEND);
        targetGroupBars(b, c, n, where, scope.size());
        if (n.outcomes() != null) {
            String area = c.county() == null ? OutcomeAggregation.COUNTRY : c.county();
            b.append(OutcomeSection.html(n.outcomes().of(area), outcomes.minimumCount(), where,
                    "/api/coverage/outcomes" + (c.county() == null ? "" : "?county=" + c.county()), n.outcomes().truncated()));
        }
        if (c.countyLevel()) {
            countyTable(b, n, what);
        }
        municipalityTable(b, c, n, what, where, scope);
        b.append("<p>Som öppna data: <a href=\"").append(Html.escape(c.api(null))).append("\">JSON</a> · <a href=\"")
                .append(Html.escape(c.api("csv"))).append("\">CSV</a>. Antal invånare finns inte i hubbens referensdata, ")
                .append("så det finns inga siffror per 10 000 invånare.</p>\n")
                .append("</main>\n<footer><p>Inga kakor, ingen spårning.</p></footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private void form(StringBuilder b, Choice c) {
        b.append("<form class=\"tackning\" method=\"get\" action=\"/tackning\">\n")
                .append("<div><label for=\"malgrupp\">Målgrupp</label><select id=\"malgrupp\" name=\"malgrupp\"><option value=\"\">Alla målgrupper</option>");
        options(b, targetGroups, c.targetGroup());
        b.append("</select></div>\n<div><label for=\"metod\">Arbetssätt</label><select id=\"metod\" name=\"metod\"><option value=\"\">Alla arbetssätt</option>");
        options(b, methods, c.method());
        b.append("</select></div>\n<div><label for=\"lan\">Län</label><select id=\"lan\" name=\"lan\"><option value=\"\">Hela Sverige</option>");
        counties.forEach((code, name) -> b.append("<option value=\"").append(code).append('"')
                .append(code.equals(c.county()) ? " selected" : "").append('>').append(Html.escape(name)).append("</option>"));
        b.append("</select></div>\n<div><label for=\"niva\">Visa på kartan</label><select id=\"niva\" name=\"niva\">")
                .append("<option value=\"kommun\"").append(c.countyLevel() ? "" : " selected").append(">Kommuner</option>")
                .append("<option value=\"lan\"").append(c.countyLevel() ? " selected" : "").append(">Län</option></select></div>\n")
                .append("<div><button type=\"submit\">Visa</button></div>\n</form>\n");
    }

    private static void options(StringBuilder b, List<String[]> values, String chosen) {
        for (String[] v : values) {
            b.append("<option value=\"").append(Html.escape(v[0])).append('"').append(v[0].equals(chosen) ? " selected" : "")
                    .append('>').append(Html.escape(v[1])).append("</option>");
        }
    }

    private static void legend(StringBuilder b, String[][] entries) {
        b.append(CoverageMapSvg.legendPattern()).append("<h3 id=\"forklaring\">Förklaring till kartan</h3>\n<ul class=\"forklaring\" aria-labelledby=\"forklaring\">\n");
        for (String[] e : entries) {
            b.append("<li>").append(CoverageMapSvg.swatch(e[0])).append(' ').append(Html.escape(e[1])).append("</li>\n");
        }
        b.append("</ul>\n");
    }

    /** Per county: municipalities with at least one service for the selection, and all. */
    private Map<String, int[]> coveredOfAll(Map<String, Long> selected) {
        Map<String, int[]> out = new TreeMap<>();
        for (String code : municipalityNames.keySet()) {
            int[] ca = out.computeIfAbsent(code.substring(0, 2), k -> new int[2]);
            ca[1]++;
            if (selected.getOrDefault(code, 0L) > 0) {
                ca[0]++;
            }
        }
        return out;
    }

    private void targetGroupBars(StringBuilder b, Choice c, Numbers n, String where, int all) {
        b.append("<h2>Målgrupper i ").append(Html.escape(where)).append("</h2>\n<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Målgrupper, tabell\"><table class=\"staplar\">\n<caption>Kommuner med minst en aktiv insats per målgrupp")
                .append(c.method() == null ? "" : " (arbetssättet " + Html.escape(label(methods, c.method())) + ")")
                .append(", av ").append(all).append(" kommuner</caption>\n<thead><tr><th scope=\"col\">Målgrupp</th>")
                .append("<th scope=\"col\">Kommuner med insats</th><th scope=\"col\">Kommuner utan insats</th><th scope=\"col\">Andel med insats</th></tr></thead>\n<tbody>\n");
        for (String[] tg : targetGroups) {
            int covered = n.coveredPerTargetGroup().getOrDefault(tg[0], 0);
            int percent = all == 0 ? 0 : Math.round(covered * 100f / all);
            b.append("<tr").append(tg[0].equals(c.targetGroup()) ? " class=\"vald\"" : "").append("><th scope=\"row\"><a href=\"")
                    .append(Html.escape(c.link(tg[0]))).append("\">").append(Html.escape(tg[1])).append("</a></th><td>").append(covered)
                    .append("</td><td>").append(all - covered).append("</td><td class=\"andel\"><svg class=\"stapel\" aria-hidden=\"true\" focusable=\"false\" width=\"80\" height=\"14\" viewBox=\"0 0 100 14\">")
                    .append("<rect class=\"bakgrund\" width=\"100\" height=\"14\"/><rect class=\"fylld\" width=\"").append(percent)
                    .append("\" height=\"14\"/></svg> ").append(percent).append(" %</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private void countyTable(StringBuilder b, Numbers n, String what) {
        b.append("<h2>Län</h2>\n<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Län, tabell\"><table>\n<caption>Kommuner med minst en aktiv insats").append(Html.escape(what))
                .append(", per län</caption>\n<thead><tr><th scope=\"col\">Län</th><th scope=\"col\">Kommuner</th>")
                .append("<th scope=\"col\">Med insats</th><th scope=\"col\">Utan insats</th></tr></thead>\n<tbody>\n");
        coveredOfAll(n.selected()).forEach((code, ca) -> b.append("<tr><th scope=\"row\">").append(Html.escape(counties.getOrDefault(code, code)))
                .append("</th><td>").append(ca[1]).append("</td><td>").append(ca[0]).append("</td><td>").append(ca[1] - ca[0]).append("</td></tr>\n"));
        b.append("</tbody>\n</table></div>\n");
    }

    private void municipalityTable(StringBuilder b, Choice c, Numbers n, String what, String where, List<String> scope) {
        b.append("<h2 id=\"tabell\">Kommuner i ").append(Html.escape(where)).append("</h2>\n<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Kommuner, tabell\"><table class=\"kommuner\">\n<caption>Aktiva insatser")
                .append(Html.escape(what)).append(" per kommun</caption>\n<thead><tr><th scope=\"col\">Kommun</th><th scope=\"col\">Län</th>")
                .append("<th scope=\"col\">Insatser</th><th scope=\"col\">Täckning</th></tr></thead>\n<tbody>\n");
        for (String code : scope) {
            long count = n.selected().getOrDefault(code, 0L);
            StringBuilder search = new StringBuilder("/?kommun=").append(code);
            if (c.targetGroup() != null) {
                search.append("&malgrupp=").append(enc(c.targetGroup()));
            }
            if (c.method() != null) {
                search.append("&metod=").append(enc(c.method()));
            }
            b.append("<tr").append(count == 0 ? " class=\"saknas\"" : "").append(" data-kod=\"").append(code).append("\"><th scope=\"row\">");
            if (count > 0) {
                b.append("<a href=\"").append(Html.escape(search.toString())).append("\">").append(Html.escape(municipalityNames.get(code))).append("</a>");
            } else {
                b.append(Html.escape(municipalityNames.get(code)));
            }
            b.append("</th><td>").append(Html.escape(counties.getOrDefault(code.substring(0, 2), code.substring(0, 2))))
                    .append("</td><td>").append(count).append("</td><td>").append(count == 0 ? "Saknar insats" : "Har insats").append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    /** " för målgruppen ”…” med arbetssättet ”…”", or "" when nothing is chosen. */
    private String forWhat(Choice c) {
        String text = c.targetGroup() == null ? "" : " för målgruppen ”" + label(targetGroups, c.targetGroup()) + "”";
        return c.method() == null ? text : text + " med arbetssättet ”" + label(methods, c.method()) + "”";
    }

    private static String label(List<String[]> values, String code) {
        return values.stream().filter(v -> v[0].equals(code)).map(v -> v[1]).findFirst().orElse(code);
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String param(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.trim();
        return v.length() > 80 ? v.substring(0, 80) : v;
    }
}
