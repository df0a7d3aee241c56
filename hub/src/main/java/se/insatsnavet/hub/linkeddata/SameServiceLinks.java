package se.insatsnavet.hub.linkeddata;

import java.util.List;

/**
 * The section of a service's Swedish page that links the same service published by other federations: the
 * confirmed duplicates ({@code owl:sameAs} in the service's description, from the links graph). Every text
 * is escaped.
 */
public final class SameServiceLinks {

    /** Most links shown on one page. */
    public static final int MAX = 20;

    /** One link: the other service's IRI (its page), its title and its federation's name. */
    public record Link(String uri, String title, String federationName) {
    }

    private SameServiceLinks() {
    }

    /** The section, or "" when there is no link. */
    public static String html(List<Link> links) {
        if (links.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(512).append("<section aria-labelledby=\"samma-insats\">\n")
                .append("<h2 id=\"samma-insats\">Samma insats hos andra</h2>\n<p>Samma insats finns också hos:</p>\n<ul>\n");
        for (Link l : links) {
            b.append("<li>").append(Html.escape(l.federationName())).append(": <a href=\"").append(Html.escape(l.uri()))
                    .append("\">").append(Html.escape(l.title())).append("</a></li>\n");
        }
        return b.append("</ul>\n</section>\n").toString();
    }
}
