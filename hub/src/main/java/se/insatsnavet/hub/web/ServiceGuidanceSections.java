package se.insatsnavet.hub.web;

import se.insatsnavet.hub.guidance.Article;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.linkeddata.Html;

import java.util.List;

/**
 * The guidance sections of a service's page: "Vägval" (the plain-language text of the first Vägval article about
 * the service by title, with a link to its lättläst version and to its page, and links to any other Vägval texts), "Berättelser" (titles linking their pages)
 * and "Vanliga frågor" (each question linking its page, with a short answer). Escaped HTML, "" when no article is
 * about the service. Blocking: called on a worker by the service page's renderer.
 */
public final class ServiceGuidanceSections {

    /** Most characters of a question's answer shown on a service page (the rest is on the question's page). */
    static final int SHORT_ANSWER = 200;

    private final ArticleCatalog articles;

    public ServiceGuidanceSections(ArticleCatalog articles) {
        this.articles = articles;
    }

    /** The sections for a service ({@code federation.localId}). */
    public String html(String serviceId) {
        List<Article> about = articles.byService(serviceId);
        if (about.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(2048);
        List<Article> vagval = about.stream().filter(a -> a.kind().equals("vagval")).toList();
        if (!vagval.isEmpty()) {
            Article a = vagval.get(0);
            b.append("<section aria-labelledby=\"vagval-rubrik\">\n<h2 id=\"vagval-rubrik\">Vägval</h2>\n");
            ArticlePage.paragraphs(b, a.text());
            b.append("<p>");
            if (a.easyText() != null && !a.easyText().isBlank()) {
                b.append("<a href=\"").append(Html.escape(ArticlePage.easyPath(a))).append("\">Läs texten på lättläst svenska</a> · ");
            }
            b.append("<a href=\"").append(Html.escape(ArticlePage.path(a))).append("\">").append(Html.escape(a.title()))
                    .append("</a></p>\n");
            if (vagval.size() > 1) {
                b.append("<p>Fler texter om insatsen:</p>\n<ul>\n");
                vagval.subList(1, vagval.size()).forEach(o -> b.append("<li><a href=\"").append(Html.escape(ArticlePage.path(o)))
                        .append("\">").append(Html.escape(o.title())).append("</a></li>\n"));
                b.append("</ul>\n");
            }
            b.append("</section>\n");
        }
        List<Article> stories = about.stream().filter(a -> a.kind().equals("story")).toList();
        if (!stories.isEmpty()) {
            b.append("<section aria-labelledby=\"berattelser-rubrik\">\n<h2 id=\"berattelser-rubrik\">Berättelser</h2>\n<ul>\n");
            stories.forEach(a -> b.append("<li><a href=\"").append(Html.escape(ArticlePage.path(a))).append("\">")
                    .append(Html.escape(a.title())).append("</a></li>\n"));
            b.append("</ul>\n</section>\n");
        }
        List<Article> questions = about.stream().filter(a -> a.kind().equals("question")).toList();
        if (!questions.isEmpty()) {
            b.append("<section aria-labelledby=\"fragor-rubrik\">\n<h2 id=\"fragor-rubrik\">Vanliga frågor</h2>\n<ul>\n");
            for (Article a : questions) {
                b.append("<li><a href=\"").append(Html.escape(ArticlePage.path(a))).append("\">")
                        .append(Html.escape(a.question() != null ? a.question() : a.title())).append("</a>");
                if (a.answer() != null && !a.answer().isBlank()) {
                    b.append("<br>").append(Html.escape(shortAnswer(a.answer())));
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        return b.toString();
    }

    /**
     * The answer as it is when it has at most {@link #SHORT_ANSWER} characters; else its words up to that length
     * and "…" (visibly shortened: the whole answer is on the question's page).
     */
    static String shortAnswer(String answer) {
        String a = answer.strip();
        if (a.length() <= SHORT_ANSWER) {
            return a;
        }
        int cut = a.lastIndexOf(' ', SHORT_ANSWER);
        return a.substring(0, cut > 0 ? cut : SHORT_ANSWER).stripTrailing() + " …";
    }
}
