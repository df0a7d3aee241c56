package se.insatsnavet.hub.web;

import se.insatsnavet.hub.linkeddata.Html;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Draws the coverage map server-side as inline SVG from {@link SwedenMap}: each area gets a shading class
 * ({@code antal-0..4} for municipalities by active services, {@code andel-0..3} for counties by the share of
 * their municipalities with a service) and a {@code <title>} for hover; areas with none are hatched
 * ({@code #saknas}), not told by colour alone. The SVG is a picture of the page's table (role img, named).
 */
final class CoverageMapSvg {

    private CoverageMapSvg() {
    }

    /** The municipality shading class of a number of active services. */
    static String countClass(long n) {
        if (n <= 0) {
            return "antal-0";
        }
        if (n == 1) {
            return "antal-1";
        }
        if (n <= 4) {
            return "antal-2";
        }
        return n <= 9 ? "antal-3" : "antal-4";
    }

    /** The municipality shading classes with their legend text. */
    static final String[][] COUNT_LEGEND = {
        {"antal-0", "Ingen insats (randigt)"}, {"antal-1", "1 insats"}, {"antal-2", "2–4 insatser"},
        {"antal-3", "5–9 insatser"}, {"antal-4", "10 insatser eller fler"}};

    /** The county shading class of {@code covered} municipalities with a service out of {@code all}. */
    static String shareClass(int covered, int all) {
        if (covered <= 0) {
            return "andel-0";
        }
        if (covered >= all) {
            return "andel-3";
        }
        return covered * 2 < all ? "andel-1" : "andel-2";
    }

    static final String[][] SHARE_LEGEND = {
        {"andel-0", "Ingen kommun har insats (randigt)"}, {"andel-1", "Färre än hälften av kommunerna"},
        {"andel-2", "Hälften av kommunerna eller fler"}, {"andel-3", "Alla kommuner"}};

    /**
     * The municipalities shaded by their counts, with the county borders; with {@code county} set, zoomed to
     * that county and the municipalities of other counties drawn pale, without shading.
     */
    static String municipalities(SwedenMap map, Map<String, Long> counts, String county, Function<String, String> names, String label) {
        int[] view = county == null ? new int[] {0, 0, map.width(), map.height()} : pad(map.countyBox(county));
        StringBuilder b = open(view, label);
        b.append("<g class=\"omraden\">\n");
        for (SwedenMap.Area a : map.municipalities().values()) {
            if (!intersects(a.bbox(), view)) {
                continue;
            }
            String name = Html.escape(names.apply(a.code()));
            if (county != null && !county.equals(a.county())) {
                b.append("<path class=\"utanfor\" d=\"").append(a.path()).append("\"><title>").append(name)
                        .append(" (annat län)</title></path>\n");
                continue;
            }
            long n = counts.getOrDefault(a.code(), 0L);
            b.append("<path class=\"").append(countClass(n)).append("\" data-kod=\"").append(a.code()).append("\" d=\"")
                    .append(a.path()).append("\"><title>").append(name).append(": ")
                    .append(n == 0 ? "ingen insats" : n == 1 ? "1 insats" : n + " insatser").append("</title></path>\n");
        }
        b.append("</g>\n");
        if (county == null) { // the county borders (a coarser source): only at the scale of the whole country
            b.append("<g class=\"lansgranser\">\n");
            for (SwedenMap.Area c : map.counties().values()) {
                b.append("<path d=\"").append(c.path()).append("\"/>\n");
            }
            b.append("</g>\n");
        }
        return b.append("</svg>\n").toString();
    }

    /** The counties shaded by the share of their municipalities with a service; {@code county} outlined. */
    static String counties(SwedenMap map, Map<String, int[]> coveredOfAll, String county, Function<String, String> names, String label) {
        StringBuilder b = open(new int[] {0, 0, map.width(), map.height()}, label);
        b.append("<g class=\"omraden\">\n");
        for (SwedenMap.Area c : map.counties().values()) {
            int[] ca = coveredOfAll.getOrDefault(c.code(), new int[2]);
            b.append("<path class=\"").append(shareClass(ca[0], ca[1])).append(c.code().equals(county) ? " vald" : "")
                    .append("\" data-kod=\"").append(c.code()).append("\" d=\"").append(c.path()).append("\"><title>")
                    .append(Html.escape(names.apply(c.code()))).append(": ").append(ca[0]).append(" av ").append(ca[1])
                    .append(" kommuner har insats</title></path>\n");
        }
        return b.append("</g>\n</svg>\n").toString();
    }

    /** A legend swatch (decorative; the text beside it says what it means). */
    static String swatch(String cssClass) {
        return "<svg class=\"ruta\" aria-hidden=\"true\" focusable=\"false\" width=\"28\" height=\"18\" viewBox=\"0 0 28 18\">"
                + "<rect class=\"" + cssClass + "\" x=\"1\" y=\"1\" width=\"26\" height=\"16\"/></svg>";
    }

    /** The hatch pattern of the legend swatches (defined once on the page). */
    static String legendPattern() {
        return "<svg class=\"monster\" aria-hidden=\"true\" focusable=\"false\" width=\"0\" height=\"0\"><defs>"
                + "<pattern id=\"saknas-liten\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#fde0dc\"/><rect width=\"2.5\" height=\"6\" fill=\"#a50f15\"/></pattern></defs></svg>";
    }

    private static StringBuilder open(int[] view, String label) {
        double s = Math.max(6, view[2] / 70.0);
        String size = String.format(Locale.ROOT, "%.1f", s);
        String stripe = String.format(Locale.ROOT, "%.1f", s * 0.4);
        return new StringBuilder(160_000).append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
                .append(Html.escape(label)).append("\" viewBox=\"").append(view[0]).append(' ').append(view[1]).append(' ')
                .append(view[2]).append(' ').append(view[3]).append("\">\n<defs><pattern id=\"saknas\" patternUnits=\"userSpaceOnUse\" width=\"")
                .append(size).append("\" height=\"").append(size).append("\" patternTransform=\"rotate(45)\"><rect width=\"").append(size)
                .append("\" height=\"").append(size).append("\" fill=\"#fde0dc\"/><rect width=\"").append(stripe).append("\" height=\"")
                .append(size).append("\" fill=\"#a50f15\"/></pattern></defs>\n");
    }

    private static int[] pad(int[] box) {
        int m = Math.max(20, Math.max(box[2], box[3]) / 25);
        return new int[] {box[0] - m, box[1] - m, box[2] + 2 * m, box[3] + 2 * m};
    }

    private static boolean intersects(int[] a, int[] view) {
        return a[0] <= view[0] + view[2] && a[0] + a[2] >= view[0] && a[1] <= view[1] + view[3] && a[1] + a[3] >= view[1];
    }
}
