package se.insatsnavet.hub.web;

import se.insatsnavet.hub.indicators.Measure;
import se.insatsnavet.hub.indicators.OutcomeAggregation;
import se.insatsnavet.hub.linkeddata.Html;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The section "Resultat för deltagarna" of {@code /tackning}: the outcome figures summed over the services of
 * the chosen area ({@link OutcomeAggregation}) as a table (the accessible truth: caption, row and column
 * headers), and bars of the shares for women and men drawn as server-side SVG, a named picture of the table.
 * A withheld sum says why: "för få för att visa" (below the minimum count), "ofullständig, visas inte" (a service
 * withheld or did not report its figure), or that the total would reveal a withheld figure. Every text is escaped.
 */
final class OutcomeSection {

    static final String TOO_FEW = "för få för att visa";
    /** A sum left out because a service in the area withheld or did not report its figure. */
    static final String INCOMPLETE = "ofullständig, visas inte";
    /** A total left out because it would reveal the withheld figure of women or men. */
    static final String COMPLEMENTARY = "visas inte (skulle avslöja en dold siffra)";
    /** No figure at all. */
    static final String NOT_REPORTED = "saknas";
    private static final List<String[]> SEXES = List.of(new String[] {"F", "Kvinnor"}, new String[] {"M", "Män"},
            new String[] {"T", "Totalt"});
    private static final int BAR = 400;

    private OutcomeSection() {
    }

    /**
     * @param years   the area's sums, newest year first
     * @param where   the area's name ("Sverige" or a county)
     * @param apiLink the open data of the same sums (without format)
     */
    static String html(List<OutcomeAggregation.Year> years, int minimumCount, String where, String apiLink, boolean truncated) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<section aria-labelledby=\"resultat\">\n<h2 id=\"resultat\">Resultat för deltagarna i ").append(Html.escape(where))
                .append("</h2>\n");
        if (years.isEmpty()) {
            return b.append("<p>Inga insatser i ").append(Html.escape(where))
                    .append(" har publicerat resultat ännu.</p>\n</section>\n").toString();
        }
        b.append("<p>Samordningsförbundens uppföljning av insatserna i ").append(Html.escape(where))
                .append(", sammanräknad för alla insatser som redovisar måttet, oavsett målgrupp och arbetssätt. Andelarna räknas på summan av personer, ")
                .append("inte som ett medelvärde av insatsernas andelar. Siffrorna säger inget om enskilda personer.</p>\n");
        if (truncated) {
            b.append("<p><strong>Obs! Det finns fler siffror än hubben kan räkna samman på en gång, så summorna är ofullständiga.</strong></p>\n");
        }
        bars(b, years, where);
        b.append("<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Resultat för deltagarna, tabell\"><table class=\"resultat\">\n<caption>Resultat för deltagarna per år i ").append(Html.escape(where))
                .append("</caption>\n<thead><tr><th scope=\"col\">År</th><th scope=\"col\">Mått</th>");
        for (String[] sex : SEXES) {
            b.append("<th scope=\"col\">").append(sex[1]).append("</th>");
        }
        b.append("<th scope=\"col\">Insatser som räknats</th></tr></thead>\n<tbody>\n");
        for (OutcomeAggregation.Year year : years) {
            for (Measure measure : OutcomeAggregation.MEASURES) {
                OutcomeAggregation.Sum any = year.bySex().get("T").get(measure);
                if (any == null) {
                    continue;
                }
                b.append("<tr><th scope=\"row\">").append(Html.escape(year.period())).append("</th><th scope=\"row\">")
                        .append(Html.escape(measure.labelSv())).append("</th>");
                for (String[] sex : SEXES) {
                    OutcomeAggregation.Sum s = year.bySex().get(sex[0]).get(measure);
                    b.append("<td>").append(Html.escape(text(s))).append("</td>");
                }
                b.append("<td>").append(any.services()).append("</td></tr>\n");
            }
        }
        b.append("</tbody>\n</table></div>\n<p><small>”").append(TOO_FEW).append("” betyder att summan bygger på färre än ")
                .append(minimumCount).append(" personer. ”").append(INCOMPLETE).append("” betyder att någon insats i området ")
                .append("inte redovisade eller inte visar sin siffra, så summan skulle bli fel. Totalen visas inte om bara en av ")
                .append("kvinnor och män visas, eftersom den då skulle avslöja den dolda siffran. Andelarna är i procent av ")
                .append("de avslutade eller av de som följdes upp. Som öppna data: <a href=\"").append(Html.escape(apiLink))
                .append("\">JSON</a> · <a href=\"").append(Html.escape(apiLink + (apiLink.contains("?") ? "&" : "?") + "format=csv"))
                .append("\">CSV</a></small></p>\n</section>\n");
        return b.toString();
    }

    /** The figure's text in the table: a count, "45,2 % (av 120)", or why it is not shown. */
    static String text(OutcomeAggregation.Sum s) {
        if (s == null || !s.shown()) {
            return withheld(s);
        }
        if (!s.measure().isShare()) {
            return s.count().toString();
        }
        return percent(s.value()) + " % (av " + s.base() + ")";
    }

    /** Why a sum is not shown, true to the reason ({@link OutcomeAggregation.Withheld}). */
    static String withheld(OutcomeAggregation.Sum s) {
        if (s == null || s.withheld() == null) {
            return NOT_REPORTED;
        }
        return switch (s.withheld()) {
            case BELOW_MINIMUM -> TOO_FEW;
            case INCOMPLETE -> INCOMPLETE;
            case COMPLEMENTARY -> COMPLEMENTARY;
        };
    }

    private static String percent(BigDecimal v) {
        BigDecimal p = v.stripTrailingZeros();
        return (p.scale() <= 0 ? p.toBigInteger().toString() : p.toPlainString()).replace('.', ',');
    }

    /** Bars of the shares of women and men per year and measure; the table holds the same numbers. */
    private static void bars(StringBuilder b, List<OutcomeAggregation.Year> years, String where) {
        StringBuilder g = new StringBuilder();
        int y = 0;
        for (OutcomeAggregation.Year year : years) {
            for (Measure measure : OutcomeAggregation.MEASURES) {
                if (!measure.isShare() || year.bySex().get("T").get(measure) == null) {
                    continue;
                }
                y += 20;
                g.append("<text class=\"rubrik\" x=\"0\" y=\"").append(y).append("\">").append(Html.escape(year.period()))
                        .append(": ").append(Html.escape(measure.labelSv())).append("</text>\n");
                for (String[] sex : SEXES.subList(0, 2)) {
                    y += 24;
                    OutcomeAggregation.Sum s = year.bySex().get(sex[0]).get(measure);
                    g.append("<text x=\"0\" y=\"").append(y).append("\">").append(sex[1]).append("</text>");
                    g.append("<rect class=\"bakgrund\" x=\"80\" y=\"").append(y - 15).append("\" width=\"").append(BAR)
                            .append("\" height=\"18\"/>");
                    if (s != null && s.shown()) {
                        double w = Math.max(0, Math.min(100, s.value().doubleValue())) * BAR / 100;
                        g.append("<rect class=\"").append("F".equals(sex[0]) ? "kvinnor" : "man").append("\" x=\"80\" y=\"")
                                .append(y - 15).append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", w))
                                .append("\" height=\"18\"/>");
                    }
                    g.append("<text x=\"").append(80 + BAR + 8).append("\" y=\"").append(y).append("\">")
                            .append(Html.escape(s != null && s.shown() ? percent(s.value()) + " %" : withheld(s))).append("</text>\n");
                }
                y += 10;
            }
        }
        if (y == 0) {
            return;
        }
        String label = "Stapeldiagram: andelen kvinnor och män i arbete eller studier per år i " + where
                + ". Samma siffror finns i tabellen Resultat för deltagarna nedan.";
        b.append("<figure class=\"resultatstaplar\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
                .append(Html.escape(label)).append("\" viewBox=\"0 0 640 ").append(y + 6).append("\" font-size=\"14\">\n")
                .append(g).append("</svg>\n<figcaption>Bilden visar samma andelar som tabellen nedan.</figcaption>\n</figure>\n");
    }
}
