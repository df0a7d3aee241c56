package se.insatsnavet.hub.web;

import se.insatsnavet.hub.guidance.Article;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.linkeddata.Html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The start of Hittaguiden's answer when the person chose a situation: the situation guide for it ("Så fungerar
 * det för dig som …": its title linking the whole guide, its federation and its first {@link #FIRST_STEPS} steps),
 * a guide for the chosen municipality first, and links to at most {@link #OTHERS} other guides for the situation
 * (and to the start page of the guidance, which lists them all, when there are more).
 * Escaped HTML, "" when there is no guide for the situation. Blocking: call on a worker.
 */
public final class FinderGuideSection {

    /** Steps of the guide shown in the answer. */
    static final int FIRST_STEPS = 3;
    /** Other guides for the same situation linked below it. */
    static final int OTHERS = 5;

    private final ArticleCatalog articles;
    private final Function<String, String> federationNames;

    public FinderGuideSection(ArticleCatalog articles, Function<String, String> federationNames) {
        this.articles = articles;
        this.federationNames = federationNames;
    }

    /** The section for a situation (a key of {@link FinderPage#SITUATIONS}) and municipality (or null). */
    String html(String situation, String municipality) {
        FinderPage.Situation s = FinderPage.SITUATIONS.get(situation);
        if (s == null) {
            return "";
        }
        List<Article> guides = new ArrayList<>(articles.find(
                new ArticleCatalog.Filter(null, null, situation, "situation-guide"), ArticleCatalog.MAX_LIMIT, 0));
        if (guides.isEmpty()) {
            return "";
        }
        // stable: the order by title stays within the guides for the municipality and within the others
        guides.sort(Comparator.comparing(a -> municipality != null && a.municipalities().contains(municipality) ? 0 : 1));
        Article guide = guides.get(0);
        StringBuilder b = new StringBuilder(2048);
        b.append("<section class=\"finder-guide\" aria-labelledby=\"guide-rubrik\">\n<h2 id=\"guide-rubrik\">Så fungerar det för dig som ")
                .append(Html.escape(s.forYou())).append("</h2>\n")
                .append("<p>Läs först hur välfärdssystemet fungerar i din situation: vem som betalar, vem som bestämmer, "
                        + "vad du kan be om och i vilken ordning. Sedan kommer stödet som finns.</p>\n")
                .append("<h3><a href=\"").append(Html.escape(ArticlePage.path(guide))).append("\">").append(Html.escape(guide.title()))
                .append("</a></h3>\n<p class=\"meta\">Från ").append(Html.escape(federationNames.apply(guide.federationId()))).append("</p>\n");
        if (!guide.steps().isEmpty()) {
            b.append("<p>").append(guide.steps().size() <= FIRST_STEPS ? "Stegen:" : "De första stegen:").append("</p>\n");
            ArticlePage.steps(b, guide.steps(), FIRST_STEPS);
        }
        b.append("<p><a href=\"").append(Html.escape(ArticlePage.path(guide))).append("\">Läs hela guiden");
        if (guide.steps().size() > FIRST_STEPS) {
            b.append(" (alla ").append(guide.steps().size()).append(" steg)");
        }
        b.append("</a></p>\n");
        List<Article> others = guides.subList(1, Math.min(guides.size(), 1 + OTHERS));
        if (!others.isEmpty()) {
            b.append("<p>Fler guider för din situation:</p>\n<ul>\n");
            others.forEach(o -> b.append("<li><a href=\"").append(Html.escape(ArticlePage.path(o))).append("\">")
                    .append(Html.escape(o.title())).append("</a> (").append(Html.escape(federationNames.apply(o.federationId())))
                    .append(")</li>\n"));
            b.append("</ul>\n");
        }
        if (guides.size() > 1 + OTHERS) {
            b.append("<p><a href=\"").append(ArticlePage.START).append("#guider\">Se alla guider</a></p>\n");
        }
        return b.append("</section>\n").toString();
    }
}
