package se.insatsnavet.hub.indicators;

import se.insatsnavet.hub.linkeddata.Html;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome figures of one service as a small accessible Swedish HTML table for the service's page: one
 * row per year and measure (row headers), columns women, men and total (column headers), a caption, and a
 * note saying what a dash means. Every text is escaped.
 */
public final class IndicatorTable {

    private IndicatorTable() {
    }

    /** The section, or "" when the service has no published figures. */
    public static String html(List<IndicatorQuery.Row> rows, int minimumCount, String serviceId) {
        if (rows.isEmpty()) {
            return "";
        }
        Map<String, Map<String, IndicatorQuery.Row>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (IndicatorQuery.Row r : rows) {
            byYear.computeIfAbsent(r.period(), k -> new HashMap<>()).put(r.sex(), r);
        }
        StringBuilder b = new StringBuilder(2048);
        b.append("<section aria-labelledby=\"resultat\">\n<h2 id=\"resultat\">Resultat</h2>\n")
                .append("<p>Samordningsförbundets uppföljning av insatsen, för kvinnor och män. Siffrorna är sammanräknade;"
                        + " de säger inget om enskilda personer.</p>\n")
                .append("<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Resultat per år, tabell\">")
                .append("<table class=\"indicators\">\n<caption>Resultat per år</caption>\n<thead><tr>")
                .append("<th scope=\"col\">År</th><th scope=\"col\">Mått</th><th scope=\"col\">Kvinnor</th>")
                .append("<th scope=\"col\">Män</th><th scope=\"col\">Totalt</th></tr></thead>\n<tbody>\n");
        byYear.forEach((year, bySex) -> {
            for (Measure measure : Measure.values()) {
                if (bySex.values().stream().noneMatch(r -> r.figures().containsKey(measure))) {
                    continue;
                }
                b.append("<tr><th scope=\"row\">").append(Html.escape(year)).append("</th><th scope=\"row\">")
                        .append(Html.escape(measure.labelSv())).append("</th>");
                for (String sex : List.of("F", "M", "T")) {
                    IndicatorQuery.Row r = bySex.get(sex);
                    Figure f = r == null ? null : r.figures().get(measure);
                    b.append("<td>").append(f == null ? "–" : Html.escape(format(f))).append("</td>");
                }
                b.append("</tr>\n");
            }
        });
        b.append("</tbody>\n</table></div>\n<p><small>– betyder att uppgiften saknas eller bygger på färre än ").append(minimumCount)
                .append(" personer och därför inte visas. Andelarna är i procent av de avslutade eller av de som följdes upp.")
                .append(" Öppna data: <a href=\"/api/services/").append(Html.escape(serviceId))
                .append("/indicators\">JSON</a> · <a href=\"/api/services/").append(Html.escape(serviceId))
                .append("/indicators?format=csv\">CSV</a></small></p>\n</section>\n");
        return b.toString();
    }

    private static String format(Figure f) {
        if (!f.measure().isShare()) {
            return f.value().toBigInteger().toString();
        }
        BigDecimal v = f.value().stripTrailingZeros();
        String text = (v.scale() <= 0 ? v.toBigInteger().toString() : v.toPlainString()).replace('.', ',');
        return text + " % (av " + f.base() + ")";
    }
}
