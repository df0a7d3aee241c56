package se.insatsnavet.hub.store;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.http.HttpRDF;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionFuseki;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.update.UpdateRequest;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The remote backend: a SPARQL 1.1 store (Fuseki) reached through Jena's RDFConnection. Reads are SPARQL
 * queries; an import's change set is one SPARQL Update request (one transaction on the server, so readers see
 * all of it or none); whole graphs are read and replaced with the Graph Store Protocol. Nothing is kept
 * here: every read asks the store. {@link RemoteUpdates} builds the update requests, {@link RemoteDescriptions}
 * gathers descriptions; this class holds the connection, the queries and the Graph Store Protocol.
 */
final class RemoteStore implements CatalogStore {

    /** Time limit of one of the hub's own queries (the public endpoint's are shorter). */
    private static final long QUERY_TIMEOUT_SECONDS = 120;

    private final String datasetUrl;
    private final HttpClient http;
    private volatile String linksGraph;
    private final RemoteUpdates updates = new RemoteUpdates(this::update);
    private final RemoteDescriptions descriptions = new RemoteDescriptions(this, () -> linksGraph);

    private RemoteStore(String datasetUrl, HttpClient http) {
        this.datasetUrl = datasetUrl;
        this.http = http;
    }

    static RemoteStore connect(String datasetUrl, String user, String password) {
        if (datasetUrl == null || !datasetUrl.matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("The SPARQL store URL must be an http(s) URL of a dataset, e.g. http://host:3030/ds: " + datasetUrl);
        }
        String url = datasetUrl.endsWith("/") ? datasetUrl.substring(0, datasetUrl.length() - 1) : datasetUrl;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (user != null) {
            char[] secret = password == null ? new char[0] : password.toCharArray();
            http.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, secret);
                }
            });
        }
        RemoteStore store = new RemoteStore(url, http.build());
        store.ping();
        return store;
    }

    /** Fails at once, naming the store, when it does not answer a query. */
    private void ping() {
        try {
            query(new ParameterizedSparqlString("ASK { }").asQuery(), QueryExecution::execAsk);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The SPARQL store at " + datasetUrl + " does not answer: " + e.getMessage(), e);
        }
    }

    private RDFConnection connection() {
        return RDFConnectionFuseki.service(datasetUrl).httpClient(http).build();
    }

    @Override
    public String location() {
        return "SPARQL store at " + datasetUrl;
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public <T> T query(Query query, Function<QueryExecution, T> body) {
        try (RDFConnection c = connection();
             QueryExecution qe = c.newQuery().query(query).timeout(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS).build()) {
            return body.apply(qe);
        }
    }

    @Override
    public <T> T queryUnion(Query query, long timeoutMillis, Function<QueryExecution, T> body) {
        Query q;
        if (query.hasDatasetDescription()) {
            // the dataset the query describes, held to the graphs the store has: a name it does not hold is
            // never sent (a store might try to fetch it), and stands for an empty graph
            DescribedDataset described = DescribedDataset.of(query, new HashSet<>(graphNames()));
            q = described.query();
            described.defaultGraphs().forEach(q::addGraphURI);
            described.namedGraphs().forEach(q::addNamedGraphURI);
        } else {
            // SPARQL's own way to a union default graph: the merge of every named graph (FROM), while GRAPH
            // still reaches each of them (FROM NAMED)
            q = query.cloneQuery();
            for (String g : graphNames()) {
                q.addGraphURI(g);
                q.addNamedGraphURI(g);
            }
        }
        try (RDFConnection c = connection();
             QueryExecution qe = c.newQuery().query(q).timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
            return body.apply(qe);
        } catch (RuntimeException e) {
            if (timedOut(e)) {
                QueryCancelledException cancelled = new QueryCancelledException();
                cancelled.initCause(e);
                throw cancelled;
            }
            throw e;
        }
    }

    /** A time-out of the HTTP request, or the store's own (Fuseki answers 503). */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof QueryCancelledException
                    || (t instanceof QueryExceptionHTTP q && q.getStatusCode() == 503)
                    || (t instanceof HttpException h && h.getStatusCode() == 503)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> T inOneRead(Supplier<T> work) {
        return work.get();
    }

    @Override
    public List<String> graphNames() {
        return query(new ParameterizedSparqlString("SELECT ?g WHERE { GRAPH ?g { } }").asQuery(), qe -> {
            List<String> names = new ArrayList<>();
            qe.execSelect().forEachRemaining(row -> {
                if (row.get("g").isURIResource()) {
                    names.add(row.getResource("g").getURI());
                }
            });
            return names;
        });
    }

    @Override
    public Model graph(String graphIri) {
        try (RDFConnection c = connection()) {
            return ModelFactory.createDefaultModel().add(c.fetch(graphIri));
        } catch (HttpException e) {
            if (e.getStatusCode() == 404) {
                return ModelFactory.createDefaultModel();
            }
            throw e;
        }
    }

    @Override
    public void exportGraph(String graphIri, StreamRDF sink) {
        try {
            HttpRDF.httpGetToStream(http, datasetUrl + "?graph=" + URLEncoder.encode(graphIri, StandardCharsets.UTF_8),
                    WebContent.contentTypeNTriples, sink);
        } catch (HttpException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
            sink.start();
            sink.finish();
        }
    }

    @Override
    public void exportDataset(StreamRDF sink) {
        HttpRDF.httpGetToStream(http, datasetUrl, WebContent.contentTypeNQuads, sink);
    }

    @Override
    public long size() {
        return query(new ParameterizedSparqlString("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").asQuery(),
                qe -> qe.execSelect().next().getLiteral("n").getLong());
    }

    @Override
    public void replaceGraph(String graphIri, Model content) {
        try (RDFConnection c = connection()) {
            c.put(graphIri, content);
        }
    }

    /** One SPARQL Update request; see {@link RemoteUpdates#applyChanges}. */
    @Override
    public void applyChanges(String graphIri, Map<String, Model> upserts, Collection<String> deletes) {
        updates.applyChanges(graphIri, upserts, deletes);
    }

    /** One SPARQL Update request; see {@link RemoteUpdates#replaceDataSet}. */
    @Override
    public void replaceDataSet(String graphIri, String dataSetIri, Model content) {
        updates.replaceDataSet(graphIri, dataSetIri, content);
    }

    /** Runs one update request (one transaction on the store). */
    private void update(UpdateRequest request) {
        try (RDFConnection c = connection()) {
            c.update(request);
        }
    }

    @Override
    public void useLinksGraph(String graphIri) {
        this.linksGraph = graphIri;
    }

    @Override
    public Optional<String> graphOf(String subjectIri) {
        return descriptions.graphOf(subjectIri);
    }

    @Override
    public Optional<Model> describe(String iri) {
        return descriptions.describe(iri);
    }

    @Override
    public void describeEach(List<String> iris, BiConsumer<String, Model> action) {
        descriptions.describeEach(iris, action);
    }

    @Override
    public Optional<Model> describeIn(String graphIri, String iri) {
        return descriptions.describeIn(graphIri, iri);
    }

    @Override
    public void close() {
        // nothing held open: the HTTP client's connections close when it is collected
    }
}
