package se.insatsnavet.hub.linkeddata;

import java.util.List;

/**
 * The one header and menu of every HTML page: the site's name and the public pages, the current one marked
 * with {@code aria-current}. Plain links that wrap on a narrow phone (no JavaScript).
 */
public final class SiteHeader {

    /** The menu: path and Swedish label. */
    private static final List<String[]> MENU = List.of(
            new String[]{"/", "Sök"},
            new String[]{"/hittaguiden", "Hittaguiden"},
            new String[]{"/vagledning", "Vägledning"},
            new String[]{"/tackning", "Täckning"},
            new String[]{"/min-plan", "Min plan"},
            new String[]{"/docs", "Öppna data"});

    private SiteHeader() {
    }

    /** The header with {@code current} (a menu path, or null for none) marked as the current page. */
    public static String html(String current) {
        StringBuilder b = new StringBuilder(512);
        b.append("<header class=\"site\"><a class=\"brand\" href=\"/\">Insatsnavet</a>\n<nav aria-label=\"Huvudmeny\"><ul>");
        for (String[] item : MENU) {
            b.append("<li><a href=\"").append(item[0]).append('"')
                    .append(item[0].equals(current) ? " aria-current=\"page\"" : "").append('>')
                    .append(Html.escape(item[1])).append("</a></li>");
        }
        return b.append("</ul></nav></header>\n").toString();
    }
}
