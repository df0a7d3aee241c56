package se.insatsnavet.hub.guidance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ArticleRdf;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads published guidance articles from the store: one by id, and lists filtered by federation, by the service or
 * situation they are about and by kind (combinable), ordered by title, paged. Queries are built with
 * {@link ParameterizedSparqlString}; every read goes through {@link CatalogStore} (a transaction per access).
 * Blocking: call from workers.
 */
public final class ArticleCatalog {

    /** Most articles one {@link #find} returns. */
    public static final int MAX_LIMIT = 500;

    private final CatalogStore store;
    private final HubIris iris;
    private final ArticleRdf rdf;

    public ArticleCatalog(CatalogStore store, ArticleRdf rdf) {
        this.store = store;
        this.rdf = rdf;
        this.iris = rdf.iris();
    }

    /**
     * What to list; each field {@code null} for "any".
     *
     * @param federationId articles of this federation
     * @param serviceId    articles about this service ({@code <federation>.<localId>})
     * @param situation    articles linked to this situation code (e.g. {@code sjukskriven})
     * @param kind         vagval, story, question or situation-guide
     */
    public record Filter(String federationId, String serviceId, String situation, String kind) {

        /** No condition: every article. */
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /** The article with this id ({@code <federation>/<localId>}), if published. */
    public Optional<Article> byId(String articleId) {
        if (!HubIris.isArticleId(articleId)) {
            return Optional.empty();
        }
        String iri = iris.article(articleId);
        return store.describe(iri).flatMap(m -> read(m, iri));
    }

    /** The stored description of an article (its triples and those of its parts), if published. */
    public Optional<Model> describe(String articleId) {
        return HubIris.isArticleId(articleId) ? store.describe(iris.article(articleId)) : Optional.empty();
    }

    /** The article described in {@code model} under its IRI, if it is one. */
    public Optional<Article> article(Model model, String articleId) {
        return read(model, iris.article(articleId));
    }

    /** The IRI of an article id. */
    public String uri(String articleId) {
        return iris.article(articleId);
    }

    /** The JSON of an article in the API: id, uri, federation, then its canonical fields. */
    public ObjectNode item(Article article) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", article.id()).put("uri", iris.article(article.id())).put("federation", article.federationId());
        article.canonical().properties().forEach(e -> {
            if (!e.getKey().equals("id")) {
                o.set(e.getKey(), e.getValue());
            }
        });
        o.put("localId", article.localId());
        return o;
    }

    /** Every article of a federation (at most {@link #MAX_LIMIT}). */
    public List<Article> byFederation(String federationId) {
        return find(new Filter(federationId, null, null, null), MAX_LIMIT, 0);
    }

    /** The articles about a service ({@code <federation>.<localId>}), e.g. its Vägval text, stories and questions. */
    public List<Article> byService(String serviceId) {
        return find(new Filter(null, serviceId, null, null), MAX_LIMIT, 0);
    }

    /** The articles linked to a situation of Hittaguiden (e.g. its situation guides). */
    public List<Article> bySituation(String situation) {
        return find(new Filter(null, null, situation, null), MAX_LIMIT, 0);
    }

    /** The articles of one kind. */
    public List<Article> byKind(String kind) {
        return find(new Filter(null, null, null, kind), MAX_LIMIT, 0);
    }

    /** The articles that pass {@code filter}, ordered by title (then IRI), {@code limit} (≤ {@link #MAX_LIMIT}) from {@code offset}. */
    public List<Article> find(Filter filter, int limit, int offset) {
        ParameterizedSparqlString pss = query(filter, false);
        if (pss == null) {
            return List.of();
        }
        pss.append(" GROUP BY ?a ORDER BY LCASE(STR(?t)) ?a LIMIT " + Math.max(0, Math.min(limit, MAX_LIMIT))
                + " OFFSET " + Math.max(0, offset));
        List<String> found = store.query(pss.asQuery(), qe -> {
            List<String> uris = new ArrayList<>();
            qe.execSelect().forEachRemaining(row -> uris.add(row.getResource("a").getURI()));
            return uris;
        });
        List<Article> out = new ArrayList<>();
        store.describeEach(found, (iri, model) -> read(model, iri).ifPresent(out::add));
        return out;
    }

    /** How many articles pass {@code filter}. */
    public int count(Filter filter) {
        ParameterizedSparqlString pss = query(filter, true);
        if (pss == null) {
            return 0;
        }
        return store.query(pss.asQuery(), qe -> {
            var rows = qe.execSelect();
            return rows.hasNext() ? rows.next().getLiteral("n").getInt() : 0;
        });
    }

    /** The query of a filter, or {@code null} when a value of it cannot name anything published (nothing passes). */
    private ParameterizedSparqlString query(Filter f, boolean count) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append(count ? "SELECT (COUNT(DISTINCT ?a) AS ?n) " : "SELECT ?a (SAMPLE(?title) AS ?t) ");
        pss.append("WHERE { GRAPH ?g { ?a ?type ?articleClass ; ?titleProperty ?title .");
        try {
            if (f.federationId() != null) {
                pss.setIri("g", iris.federationGraph(f.federationId()));
            }
            if (f.kind() != null) {
                pss.append(" ?a ?kindProperty ?kind .");
                pss.setIri("kindProperty", INSV.articleKind.getURI());
                pss.setIri("kind", iris.concept(Vocabulary.ARTICLE_KIND, f.kind()));
            }
            if (f.serviceId() != null) {
                pss.append(" ?a ?serviceProperty ?service .");
                pss.setIri("serviceProperty", INSV.aboutService.getURI());
                pss.setIri("service", iris.service(f.serviceId()));
            }
            if (f.situation() != null) {
                pss.append(" ?a ?situationProperty ?situation .");
                pss.setIri("situationProperty", INSV.situation.getURI());
                pss.setIri("situation", iris.concept(Vocabulary.SITUATION, f.situation()));
            }
        } catch (IllegalArgumentException e) {
            return null; // not a well-formed id or code: no article has it
        }
        pss.append(" } }");
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("articleClass", INSV.GuidanceArticle.getURI());
        pss.setIri("titleProperty", DCTerms.title.getURI());
        return pss;
    }

    private Optional<Article> read(Model model, String iri) {
        return iris.articleIdOf(iri).flatMap(id -> rdf.fromRdf(model, iri)
                .map(canonical -> Article.of(HubIris.federationIdOfArticle(id), canonical)));
    }
}
