package se.insatsnavet.hub.guidance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.schema.rdf.ArticleRdf;
import se.insatsnavet.schema.vocab.HubIris;

/**
 * A guidance article as schema.org JSON-LD: an {@code Article} (Vägval text, story), a {@code FAQPage} whose
 * {@code mainEntity} is a {@code Question} with its {@code acceptedAnswer} {@code Answer} (question), or a
 * {@code HowTo} with its {@code HowToStep}s in order (situation guide). The easy-to-read text is a part
 * ({@code hasPart}, a {@code CreativeWork} named "Lättläst"); the services it is about are {@code about}.
 */
public final class ArticleSchemaOrg {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ArticleSchemaOrg() {
    }

    /** The JSON-LD of {@code article}, whose IRI is {@code uri}. */
    public static ObjectNode of(Article article, String uri, HubIris iris) {
        ObjectNode o = JSON.objectNode();
        o.put("@context", "https://schema.org");
        o.put("@type", ArticleRdf.schemaOrgType(article.kind()).getLocalName());
        o.put("@id", uri);
        o.put("identifier", article.id());
        o.put("name", article.title());
        o.put("inLanguage", "sv");
        switch (article.kind()) {
            case ArticleRdf.QUESTION -> {
                ObjectNode question = o.putObject("mainEntity");
                question.put("@type", "Question").put("@id", uri + "#question").put("name", article.question());
                question.putObject("acceptedAnswer").put("@type", "Answer").put("@id", uri + "#answer")
                        .put("text", article.answer());
                if (article.text() != null) {
                    o.put("description", article.text());
                }
            }
            case ArticleRdf.SITUATION_GUIDE -> {
                if (article.text() != null) {
                    o.put("description", article.text());
                }
                ArrayNode steps = o.putArray("step");
                int position = 0;
                for (Article.Step step : article.steps()) {
                    position++;
                    steps.addObject().put("@type", "HowToStep").put("@id", uri + "#step-" + position)
                            .put("position", position).put("name", step.title()).put("text", step.text());
                }
            }
            default -> {
                o.put("headline", article.title());
                if (article.text() != null) {
                    o.put("articleBody", article.text());
                }
            }
        }
        if (article.easyText() != null) {
            o.putObject("hasPart").put("@type", "CreativeWork").put("@id", uri + "#easy-to-read")
                    .put("name", "Lättläst").put("inLanguage", "sv").put("text", article.easyText());
        }
        if (!article.services().isEmpty()) {
            ArrayNode about = o.putArray("about");
            article.serviceIds().forEach(id -> about.addObject().put("@id", iris.service(id)));
        }
        if (article.published() != null) {
            o.put("datePublished", article.published());
        }
        if (article.modified() != null) {
            o.put("dateModified", article.modified());
        }
        if (article.url() != null) {
            o.put("url", article.url());
        }
        return o;
    }
}
