package se.insatsnavet.schema.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.PROV;
import se.insatsnavet.schema.vocab.SDO;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Canonical guidance article JSON ({@code article.schema.json}) ⇄ RDF. An article is an
 * {@code insv:GuidanceArticle} and, by kind, a {@code schema:Article} (vagval, story), {@code schema:FAQPage}
 * (question) or {@code schema:HowTo} (situation-guide); its kind is {@code insv:articleKind}. Its parts have hash
 * IRIs under its IRI, never blank nodes: {@code #easy-to-read} (an {@code insv:EasyToReadText} whose
 * {@code dct:conformsTo} is {@code insv:EasyToReadSwedish}), {@code #question} with its {@code schema:acceptedAnswer}
 * {@code #answer}, and {@code #step-1} … (each a {@code schema:HowToStep} with its {@code schema:position}). Links:
 * {@code insv:aboutService}, {@code insv:aboutTargetGroup}, {@code insv:aboutMethod}, {@code insv:situation} and
 * {@code dct:spatial} (municipalities). Texts are {@code @sv}. Thread-safe.
 */
public final class ArticleRdf {

    /** The kinds, as in the JSON Schema and the article-kind concept scheme. */
    public static final String VAGVAL = "vagval";
    public static final String STORY = "story";
    public static final String QUESTION = "question";
    public static final String SITUATION_GUIDE = "situation-guide";

    static final String EASY_TO_READ = "easy-to-read";
    static final String QUESTION_PART = "question";
    static final String ANSWER_PART = "answer";
    static final String STEP = "step-";
    private static final String SV = "sv";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Link fields of the canonical article: JSON field → property and concept scheme. */
    private static final Map<String, Link> LINKS = Map.of(
            "targetGroups", new Link(INSV.aboutTargetGroup, Vocabulary.TARGET_GROUP),
            "methods", new Link(INSV.aboutMethod, Vocabulary.METHOD),
            "situations", new Link(INSV.situation, Vocabulary.SITUATION),
            "municipalities", new Link(DCTerms.spatial, Vocabulary.MUNICIPALITY));

    private record Link(Property property, String scheme) {
    }

    private final HubIris iris;
    private final Vocabulary vocabulary;

    private ArticleRdf(HubIris iris) {
        this.iris = iris;
        this.vocabulary = Vocabulary.load(iris);
    }

    /** The converter for the hub's IRIs. */
    public static ArticleRdf of(HubIris iris) {
        return new ArticleRdf(iris);
    }

    public HubIris iris() {
        return iris;
    }

    /** The schema.org type of a kind: Article, FAQPage or HowTo. */
    public static Resource schemaOrgType(String kind) {
        return switch (kind) {
            case QUESTION -> SDO.FAQPage;
            case SITUATION_GUIDE -> SDO.HowTo;
            default -> SDO.Article;
        };
    }

    // =================================================================================== JSON → RDF

    /**
     * The RDF of one canonical article (already valid against {@code article.schema.json}): triples about the
     * article and its hash parts only.
     *
     * @throws IllegalArgumentException if the context's IRIs differ from this converter's or an id is invalid
     */
    public Model toRdf(ObjectNode article, ServiceContext ctx) {
        if (!ctx.iris().equals(iris)) {
            throw new IllegalArgumentException("context IRIs " + ctx.iris() + " differ from converter's " + iris);
        }
        String localId = article.path("id").asText(null);
        String kind = article.path("kind").asText(null);
        if (localId == null || kind == null) {
            throw new IllegalArgumentException("an article needs an id and a kind");
        }
        String articleId = HubIris.articleId(ctx.federationId(), localId);
        Model m = ModelFactory.createDefaultModel();
        prefixes(m);
        Resource a = m.createResource(iris.article(articleId), INSV.GuidanceArticle);
        a.addProperty(RDF.type, schemaOrgType(kind));
        a.addProperty(INSV.articleKind, m.createResource(vocabulary.iri(Vocabulary.ARTICLE_KIND, kind)));
        a.addProperty(DCTerms.identifier, articleId);
        a.addProperty(INSV.sourceRecord, localId);
        a.addProperty(DCTerms.title, article.path("title").asText(), SV);
        a.addProperty(SDO.inLanguage, SV);
        text(article, "text").ifPresent(t -> a.addProperty(SDO.articleBody, t, SV));
        text(article, "easyText").ifPresent(t -> a.addProperty(INSV.easyToRead,
                m.createResource(iris.articleFragment(articleId, EASY_TO_READ), INSV.EasyToReadText)
                        .addProperty(SDO.text, t, SV)
                        .addProperty(DCTerms.conformsTo, INSV.EasyToReadSwedish)));
        if (article.hasNonNull("question")) {
            Resource answer = m.createResource(iris.articleFragment(articleId, ANSWER_PART), SDO.Answer)
                    .addProperty(SDO.text, article.path("answer").asText(), SV);
            Resource question = m.createResource(iris.articleFragment(articleId, QUESTION_PART), SDO.Question)
                    .addProperty(SDO.name, article.path("question").asText(), SV)
                    .addProperty(SDO.acceptedAnswer, answer);
            a.addProperty(SDO.mainEntity, question);
        }
        int position = 0;
        for (JsonNode step : article.path("steps")) {
            position++;
            a.addProperty(SDO.step, m.createResource(iris.articleFragment(articleId, STEP + position), SDO.HowToStep)
                    .addLiteral(SDO.position, m.createTypedLiteral(position))
                    .addProperty(SDO.name, step.path("title").asText(), SV)
                    .addProperty(SDO.text, step.path("text").asText(), SV));
        }
        for (JsonNode service : article.path("services")) {
            a.addProperty(INSV.aboutService, m.createResource(iris.service(HubIris.serviceId(ctx.federationId(), service.asText()))));
        }
        LINKS.forEach((field, link) -> {
            for (JsonNode code : article.path(field)) {
                a.addProperty(link.property(), m.createResource(vocabulary.iri(link.scheme(), code.asText())));
            }
        });
        text(article, "published").ifPresent(d -> a.addProperty(SDO.datePublished, d, XSDDatatype.XSDdate));
        text(article, "modified").ifPresent(d -> a.addProperty(SDO.dateModified, d, XSDDatatype.XSDdate));
        text(article, "url").ifPresent(u -> a.addProperty(SDO.url, m.createResource(u)));
        a.addProperty(INSV.federation, ctx.federationId());
        a.addProperty(INSV.source, ctx.sourceId());
        a.addProperty(PROV.wasGeneratedBy, m.createResource(iris.importRun(ctx.federationId(), ctx.runId()), PROV.Activity));
        a.addProperty(DCTerms.modified, m.createTypedLiteral(ctx.modified().toString(), XSDDatatype.XSDdateTime));
        return m;
    }

    // =================================================================================== RDF → JSON

    /**
     * The canonical article described in {@code m} under {@code articleIri} (as {@link #toRdf} wrote it); empty if
     * {@code m} holds no guidance article there. Set-valued links come back sorted, steps in their order.
     */
    public Optional<ObjectNode> fromRdf(Model m, String articleIri) {
        Resource a = m.createResource(articleIri);
        if (!a.hasProperty(RDF.type, INSV.GuidanceArticle)) {
            return Optional.empty();
        }
        ObjectNode j = JSON.objectNode();
        literal(a, INSV.sourceRecord).ifPresent(v -> j.put("id", v));
        Optional.ofNullable(a.getPropertyResourceValue(INSV.articleKind))
                .flatMap(k -> iris.codeOf(Vocabulary.ARTICLE_KIND, k.getURI())).ifPresent(v -> j.put("kind", v));
        literal(a, DCTerms.title).ifPresent(v -> j.put("title", v));
        literal(a, SDO.articleBody).ifPresent(v -> j.put("text", v));
        Resource easy = a.getPropertyResourceValue(INSV.easyToRead);
        if (easy != null) {
            literal(easy, SDO.text).ifPresent(v -> j.put("easyText", v));
        }
        Resource question = a.getPropertyResourceValue(SDO.mainEntity);
        if (question != null) {
            literal(question, SDO.name).ifPresent(v -> j.put("question", v));
            Resource answer = question.getPropertyResourceValue(SDO.acceptedAnswer);
            if (answer != null) {
                literal(answer, SDO.text).ifPresent(v -> j.put("answer", v));
            }
        }
        List<Resource> steps = new ArrayList<>();
        a.listProperties(SDO.step).forEachRemaining(s -> steps.add(s.getResource()));
        if (!steps.isEmpty()) {
            steps.sort(Comparator.comparingInt(s -> s.hasProperty(SDO.position) ? s.getProperty(SDO.position).getInt() : 0));
            ArrayNode array = j.putArray("steps");
            for (Resource s : steps) {
                ObjectNode step = array.addObject();
                literal(s, SDO.name).ifPresent(v -> step.put("title", v));
                literal(s, SDO.text).ifPresent(v -> step.put("text", v));
            }
        }
        TreeSet<String> services = new TreeSet<>();
        a.listProperties(INSV.aboutService).forEachRemaining(s -> iris.serviceIdOf(s.getResource().getURI())
                .ifPresent(id -> services.add(HubIris.localIdOf(id))));
        put(j, "services", services);
        for (String field : List.of("targetGroups", "methods", "situations", "municipalities")) {
            Link link = LINKS.get(field);
            TreeSet<String> codes = new TreeSet<>();
            a.listProperties(link.property()).forEachRemaining(s -> code(link.scheme(), s.getObject()).ifPresent(codes::add));
            put(j, field, codes);
        }
        literal(a, SDO.datePublished).ifPresent(v -> j.put("published", v));
        literal(a, SDO.dateModified).ifPresent(v -> j.put("modified", v));
        Resource url = a.getPropertyResourceValue(SDO.url);
        if (url != null && url.isURIResource()) {
            j.put("url", url.getURI());
        }
        return Optional.of(j);
    }

    private Optional<String> code(String scheme, RDFNode node) {
        if (!node.isURIResource()) {
            return Optional.empty();
        }
        String uri = node.asResource().getURI();
        return Vocabulary.MUNICIPALITY.equals(scheme) ? iris.municipalityCodeOf(uri) : iris.codeOf(scheme, uri);
    }

    private static void put(ObjectNode j, String field, TreeSet<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = j.putArray(field);
            values.forEach(array::add);
        }
    }

    private static Optional<String> literal(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s != null && s.getObject().isLiteral() ? Optional.of(((Literal) s.getObject()).getLexicalForm()) : Optional.empty();
    }

    private static Optional<String> text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static void prefixes(Model m) {
        m.setNsPrefix("insv", INSV.NS);
        m.setNsPrefix("schema", SDO.NS);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("skos", SKOS.uri);
        m.setNsPrefix("prov", PROV.NS);
        m.setNsPrefix("xsd", XSD.NS);
    }
}
