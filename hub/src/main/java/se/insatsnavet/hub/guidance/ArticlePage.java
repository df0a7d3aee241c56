package se.insatsnavet.hub.guidance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.SchemaOrg;
import se.insatsnavet.hub.linkeddata.SiteHeader;
import se.insatsnavet.schema.Vocabulary;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A plain HTML rendering of one guidance article, so that its IRI works in a browser: the site's header and style,
 * every text escaped, no JavaScript, the schema.org JSON-LD in the head and the other representations as
 * {@code rel=alternate}. The public guidance pages are built elsewhere; this is the article's own representation.
 */
public final class ArticlePage {

    /** The Swedish name of each kind. */
    public static final Map<String, String> KIND_LABELS = Map.of(
            "vagval", "Vägval", "story", "Berättelse om livet", "question", "Fråga och svar",
            "situation-guide", "Så fungerar välfärdssystemet");

    private final BiFunction<String, String, String> labels;

    /** {@code labels}: (scheme, code) → Swedish label of a concept or place (the code itself when unknown). */
    public ArticlePage(BiFunction<String, String, String> labels) {
        this.labels = labels;
    }

    public String render(Article a, String uri, String federationName, ObjectNode schemaOrg) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(a.title())).append(" – Insatsnavet</title>\n");
        for (RdfRepresentation r : List.of(RdfRepresentation.TURTLE, RdfRepresentation.JSON_LD, RdfRepresentation.N_TRIPLES,
                RdfRepresentation.RDF_XML, RdfRepresentation.JSON)) {
            b.append("<link rel=\"alternate\" type=\"").append(r.mediaType()).append("\" href=\"")
                    .append(Html.escape(uri + "?format=" + r.formatName())).append("\">\n");
        }
        b.append("<script type=\"application/ld+json\">").append(SchemaOrg.forScriptElement(schemaOrg)).append("</script>\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n</head>\n<body>\n")
                .append(SiteHeader.html(null)).append("<main>\n")
                .append("<p>").append(Html.escape(KIND_LABELS.getOrDefault(a.kind(), a.kind()))).append("</p>\n")
                .append("<h1>").append(Html.escape(a.title())).append("</h1>\n");
        if (a.question() != null) {
            b.append("<h2>Fråga</h2>\n");
            paragraphs(b, a.question());
            b.append("<h2>Svar</h2>\n");
            paragraphs(b, a.answer());
        }
        paragraphs(b, a.text());
        if (!a.steps().isEmpty()) {
            b.append("<h2>Steg för steg</h2>\n<ol>\n");
            for (Article.Step step : a.steps()) {
                b.append("<li><h3>").append(Html.escape(step.title())).append("</h3>\n");
                paragraphs(b, step.text());
                b.append("</li>\n");
            }
            b.append("</ol>\n");
        }
        if (a.easyText() != null) {
            b.append("<section aria-labelledby=\"lattlast\">\n<h2 id=\"lattlast\">Lättläst</h2>\n");
            paragraphs(b, a.easyText());
            b.append("</section>\n");
        }
        b.append("<dl>\n");
        item(b, "Samordningsförbund", federationName);
        item(b, "Situationer", joined(Vocabulary.SITUATION, a.situations()));
        item(b, "Målgrupper", joined(Vocabulary.TARGET_GROUP, a.targetGroups()));
        item(b, "Metoder", joined(Vocabulary.METHOD, a.methods()));
        item(b, "Kommuner", joined(Vocabulary.MUNICIPALITY, a.municipalities()));
        item(b, "Publicerad", a.published());
        item(b, "Senast ändrad", a.modified());
        b.append("</dl>\n");
        if (!a.services().isEmpty()) {
            b.append("<h2>Insatser som texten handlar om</h2>\n<ul>\n");
            for (String id : a.serviceIds()) {
                b.append("<li><a href=\"/id/service/").append(Html.escape(id)).append("\">")
                        .append(Html.escape(id)).append("</a></li>\n");
            }
            b.append("</ul>\n");
        }
        if (a.url() != null) {
            b.append("<p><a href=\"").append(Html.escape(a.url())).append("\">Läs texten där den först publicerades</a></p>\n");
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private String joined(String scheme, List<String> codes) {
        return codes.isEmpty() ? null : String.join(", ", codes.stream().map(c -> labels.apply(scheme, c)).toList());
    }

    private static void item(StringBuilder b, String term, String value) {
        if (value != null && !value.isBlank()) {
            b.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
        }
    }

    /** Text as paragraphs: a blank line starts a new one. */
    private static void paragraphs(StringBuilder b, String text) {
        if (text == null) {
            return;
        }
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                b.append("<p>").append(Html.escape(p.strip())).append("</p>\n");
            }
        }
    }
}
