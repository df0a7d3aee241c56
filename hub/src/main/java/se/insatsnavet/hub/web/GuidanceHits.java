package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.search.ArticleIndex;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The short list "Vägledning" of the public search page: the guidance articles matching the visitor's words (the
 * same Swedish analysis as the services), with links that narrow them by kind and their counts (a facet in Swedish),
 * each linking to its page {@code /vagledning/{federation}/{id}}. Every value from a federation's data is escaped.
 */
final class GuidanceHits {

    /** Most articles listed beside the services (the rest through a kind's link or {@code /api/search}). */
    static final int SHOWN = 5;

    private GuidanceHits() {
    }

    /** The articles for {@code words} of {@code kind} (null: any), or null when there are no words. Blocking. */
    static ArticleIndex.Hits find(ArticleIndex index, List<String> words, String kind) {
        if (index == null || words.isEmpty()) {
            return null;
        }
        return index.search(words, kind == null ? List.of() : List.of(kind), 0, SHOWN);
    }

    /** The section, or nothing when no article matches the words. */
    static void render(StringBuilder b, String q, String kind, ArticleIndex.Hits hits) {
        if (hits == null || hits.kinds().values().stream().mapToLong(Long::longValue).sum() == 0) {
            return;
        }
        String words = URLEncoder.encode(q, StandardCharsets.UTF_8);
        b.append("<section class=\"vagledning\" aria-labelledby=\"vagledning-rubrik\">\n<h2 id=\"vagledning-rubrik\">Vägledning (")
                .append(hits.total()).append(")</h2>\n<p>Texter på enkel svenska om hur stödet fungerar, berättelser och svar på vanliga frågor.</p>\n")
                .append("<ul class=\"slag\" aria-label=\"Visa bara ett slag av text\">");
        if (kind != null) {
            b.append("<li><a href=\"/?q=").append(Html.escape(words)).append("\">Alla slag</a></li>");
        }
        for (Map.Entry<String, Long> e : hits.kinds().entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            b.append("<li><a href=\"/?q=").append(Html.escape(words)).append("&amp;slag=").append(Html.escape(e.getKey())).append('"')
                    .append(e.getKey().equals(kind) ? " aria-current=\"true\"" : "").append('>')
                    .append(Html.escape(ArticleKindNames.plural(e.getKey()))).append("</a> (").append(e.getValue()).append(")</li>");
        }
        b.append("</ul>\n<ul class=\"results\">\n");
        for (ObjectNode a : hits.items()) {
            b.append("<li><a href=\"/vagledning/").append(Html.escape(a.path("federation").asText())).append('/')
                    .append(Html.escape(a.path("localId").asText())).append("\">").append(Html.escape(a.path("title").asText()))
                    .append("</a> <span class=\"meta\">").append(Html.escape(ArticleKindNames.singular(a.path("kind").asText())))
                    .append(a.path("easyToRead").asBoolean() ? ", finns på lättläst svenska" : "").append("</span>");
            if (a.hasNonNull("summary")) {
                b.append("<p class=\"snippet\">").append(Html.escape(a.path("summary").asText())).append("</p>");
            }
            b.append("</li>\n");
        }
        b.append("</ul>\n");
        if (hits.total() > hits.items().size()) {
            b.append("<p>Fler texter: <a href=\"/api/search?q=").append(Html.escape(words))
                    .append(kind == null ? "&amp;kind=vagval&amp;kind=story&amp;kind=question&amp;kind=situation-guide"
                            : "&amp;kind=" + Html.escape(kind)).append("\">alla ").append(hits.total()).append(" som öppna data (JSON)</a>.</p>\n");
        }
        b.append("</section>\n");
    }
}
