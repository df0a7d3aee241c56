package se.insatsnavet.connectors.read;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTML fragments (feed summaries, WordPress content) as plain text, parsed by jsoup as a browser would: every
 * HTML5 character reference is decoded ({@code &uuml;}, {@code &euro;}, {@code &lsquo;} …), block elements
 * ({@code p}, {@code div}, {@code br}, {@code li}, {@code h1}–{@code h6}, {@code tr} …) become line breaks,
 * scripts, styles and templates are dropped with their content, other tags are dropped, runs of blanks
 * collapse and blank lines go. Not a sanitiser: the hub never republishes source HTML, it escapes everything it
 * renders.
 */
public final class HtmlText {

    /** Elements that start and end a line. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "details",
            "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "thead", "tfoot", "tr", "ul", "caption");
    /** Elements whose content is not text for a reader. */
    private static final Set<String> DROPPED = Set.of("script", "style", "template", "noscript", "iframe", "object", "svg",
            "math", "head", "title");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
    private static final Pattern LINE_BREAKS = Pattern.compile(" *\\n[ \\n]*");

    private HtmlText() {
    }

    /** The text of an HTML fragment; {@code null} stays {@code null}. */
    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (DROPPED.contains(name)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (name.equals("br") || BLOCKS.contains(name)) {
                        out.append('\n');
                    } else if (name.equals("td") || name.equals("th")) {
                        out.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        }, Jsoup.parseBodyFragment(html).body());
        String text = BLANKS.matcher(out).replaceAll(" ");
        return LINE_BREAKS.matcher(text).replaceAll("\n").strip();
    }
}
