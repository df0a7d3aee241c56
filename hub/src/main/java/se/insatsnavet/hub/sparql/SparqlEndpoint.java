package se.insatsnavet.hub.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.RdfWriting;
import se.insatsnavet.hub.store.CatalogStore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs read-only SPARQL 1.1 queries over the catalogue: the default graph is the union of every named
 * graph (federations and reference data), {@code GRAPH} reaches each federation's graph; a dataset described
 * with {@code FROM}/{@code FROM NAMED} (or the request's graph parameters) is honoured, an unknown graph being
 * empty. {@code SERVICE} is refused: nothing is fetched on a client's behalf.
 * Every query runs in the store (one read transaction), with a time-out and a cap on the rows (or solutions) returned.
 * Blocking: call from a worker.
 */
public final class SparqlEndpoint {

    /** Result syntaxes of SELECT/ASK, in the server's order of preference. */
    public enum ResultsSyntax {
        JSON("application/sparql-results+json", "json", ResultSetLang.RS_JSON),
        XML("application/sparql-results+xml", "xml", ResultSetLang.RS_XML),
        CSV("text/csv", "csv", ResultSetLang.RS_CSV),
        TSV("text/tab-separated-values", "tsv", ResultSetLang.RS_TSV);

        final String mediaType;
        final String formatName;
        final Lang lang;

        ResultsSyntax(String mediaType, String formatName, Lang lang) {
            this.mediaType = mediaType;
            this.formatName = formatName;
            this.lang = lang;
        }

        public String mediaType() {
            return mediaType;
        }

        public String formatName() {
            return formatName;
        }
    }

    /** What a query produced: the media type and the body. */
    public record Answer(String contentType, String body) {
    }

    /** A query the endpoint will not run, with the reason (answered 400). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The query ran out of time (answered 503). */
    public static final class TimedOut extends RuntimeException {
        public TimedOut(String message) {
            super(message);
        }
    }

    private final CatalogStore store;
    private final long timeoutMillis;
    private final int resultCap;

    public SparqlEndpoint(CatalogStore store, long timeoutMillis, int resultCap) {
        this.store = store;
        this.timeoutMillis = timeoutMillis;
        this.resultCap = resultCap;
    }

    public int resultCap() {
        return resultCap;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /**
     * Parses a query; an update, a syntax error or a {@code SERVICE} clause is refused with the reason. The
     * request's graphs ({@code default-graph-uri}, {@code named-graph-uri}), when it names any, replace the
     * query's own {@code FROM} / {@code FROM NAMED}.
     */
    public Query parse(String text, List<String> defaultGraphs, List<String> namedGraphs) {
        return parse(text, null, defaultGraphs, namedGraphs);
    }

    /** {@link #parse(String, List, List)} resolving relative IRIs against {@code base} (the endpoint's URL). */
    public Query parse(String text, String base, List<String> defaultGraphs, List<String> namedGraphs) {
        if (text == null || text.isBlank()) {
            throw new Refused("No query given (parameter 'query' or a body of type application/sparql-query)");
        }
        Query query;
        try {
            query = QueryFactory.create(text, base, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new Refused("SPARQL syntax error: " + e.getMessage()
                    + (text.matches("(?is).*\\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\\b.*") ? " (this endpoint is read-only)" : ""));
        }
        ServiceClauses.first(query).ifPresent(service -> {
            throw new Refused("SERVICE " + service + " is refused: this endpoint answers from the hub's own data "
                    + "and sends no request elsewhere (SPARQL 1.1 Federated Query is not offered)");
        });
        if (!defaultGraphs.isEmpty() || !namedGraphs.isEmpty()) {
            // SPARQL 1.1 Protocol §2.1.4: the request's dataset replaces the query's FROM / FROM NAMED
            query.getGraphURIs().clear();
            query.getNamedGraphURIs().clear();
            defaultGraphs.forEach(query::addGraphURI);
            namedGraphs.forEach(query::addNamedGraphURI);
        }
        if ((query.isSelectType() || query.isConstructType() || query.isDescribeType())
                && (!query.hasLimit() || query.getLimit() > resultCap)) {
            query.setLimit(resultCap);
        }
        return query;
    }

    /** Runs a SELECT or ASK query and writes its results in {@code syntax}. */
    public Answer results(Query query, ResultsSyntax syntax) {
        try {
            return store.queryUnion(query, timeoutMillis, qe -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (query.isAskType()) {
                    ResultSetMgr.write(out, qe.execAsk(), syntax.lang);
                } else {
                    ResultSetMgr.write(out, qe.execSelect(), syntax.lang);
                }
                return new Answer(syntax.mediaType + (syntax == ResultsSyntax.JSON || syntax == ResultsSyntax.XML ? "" : "; charset=utf-8"),
                        out.toString(StandardCharsets.UTF_8));
            });
        } catch (QueryCancelledException e) {
            throw new TimedOut("The query took longer than " + timeoutMillis + " ms");
        }
    }

    /** Runs a CONSTRUCT or DESCRIBE query and writes the graph in {@code representation}. */
    public Answer graph(Query query, RdfRepresentation representation) {
        try {
            return store.queryUnion(query, timeoutMillis, qe -> {
                Model m = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                return new Answer(representation.contentType(), RdfWriting.write(m, representation));
            });
        } catch (QueryCancelledException e) {
            throw new TimedOut("The query took longer than " + timeoutMillis + " ms");
        }
    }

    /** The SPARQL 1.1 Service Description of this endpoint, listing the named graphs. */
    public Model description(String endpointUri) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD.NS);
        Resource service = m.createResource(endpointUri + "#service").addProperty(RDF.type, SD.Service)
                .addProperty(SD.endpoint, m.createResource(endpointUri))
                .addProperty(SD.supportedLanguage, SD.SPARQL11Query)
                .addProperty(SD.feature, SD.UnionDefaultGraph);
        for (String format : List.of("http://www.w3.org/ns/formats/SPARQL_Results_JSON",
                "http://www.w3.org/ns/formats/SPARQL_Results_XML", "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
                "http://www.w3.org/ns/formats/SPARQL_Results_TSV", "http://www.w3.org/ns/formats/Turtle",
                "http://www.w3.org/ns/formats/JSON-LD", "http://www.w3.org/ns/formats/N-Triples",
                "http://www.w3.org/ns/formats/RDF_XML")) {
            service.addProperty(SD.resultFormat, m.createResource(format));
        }
        Resource dataset = m.createResource(endpointUri + "#dataset").addProperty(RDF.type, SD.Dataset)
                .addProperty(SD.defaultGraph, m.createResource(endpointUri + "#union").addProperty(RDF.type, SD.Graph));
        service.addProperty(SD.defaultDataset, dataset);
        store.graphNames().forEach(g -> dataset.addProperty(SD.namedGraph,
                m.createResource().addProperty(RDF.type, SD.NamedGraph).addProperty(SD.name, m.createResource(g))));
        return m;
    }
}
