package se.insatsnavet.hub.store;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.http.HttpRDF;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionFuseki;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.schema.vocab.CPSV;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The remote backend: a SPARQL 1.1 store (Fuseki) reached through Jena's RDFConnection. Reads are SPARQL
 * queries; an import's change set is one SPARQL Update request (one transaction on the server, so readers see
 * all of it or none); whole graphs are read and replaced with the Graph Store Protocol. Nothing is kept
 * here: every read asks the store.
 */
final class RemoteStore implements CatalogStore {

    /** Time limit of one of the hub's own queries (the public endpoint's are shorter). */
    private static final long QUERY_TIMEOUT_SECONDS = 120;
    /** Subjects asked for in one query when a description is gathered. */
    private static final int SUBJECTS_PER_QUERY = 200;
    /** Resources described together by {@link #describeEach}. */
    private static final int RESOURCES_PER_BATCH = 500;
    /** Services whose owned triples one update operation deletes. */
    private static final int SERVICES_PER_OPERATION = 1000;
    /** How many links deep a change set follows resources nothing links to any more (organisation, its places …). */
    static final int ORPHAN_DEPTH = 8;
    /** Scratch graph (inside one update request only) of the resources that may have lost their last link. */
    private static final String CANDIDATES_GRAPH = "urn:insatsnavet:store:orphan-candidates:";
    private static final String CANDIDATE = "urn:insatsnavet:store:candidate";

    /** Stands for "no links graph" in queries that leave the links graph aside. */
    private static final String NO_GRAPH = "urn:insatsnavet:store:no-graph";

    private final String datasetUrl;
    private final HttpClient http;
    private volatile String linksGraph;

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

    /**
     * One SPARQL Update request (the store runs it as one transaction): the IRIs that the owned triples
     * ({@link OwnedResources}) of the deleted and upserted services link to are noted in a scratch graph, those
     * triples are deleted, the upserts' new triples inserted, all with a few operations over many services
     * ({@code VALUES}); then, {@link #ORPHAN_DEPTH} times, the noted resources that are still linked to, are a
     * service or have no triples are let go, the rest (orphans) lose their triples and what they linked to is
     * noted in turn; the scratch graph is dropped. Only the newly noted resources are looked at in a round, so
     * rounds after the last orphan cost next to nothing.
     */
    @Override
    public void applyChanges(String graphIri, Map<String, Model> upserts, Collection<String> deletes) {
        OwnedResources.requireWithinDepth(upserts);
        String candidates = CANDIDATES_GRAPH + UUID.randomUUID();
        UpdateRequest request = new UpdateRequest();
        Set<String> changed = new LinkedHashSet<>(deletes);
        changed.addAll(upserts.keySet());
        List<RDFNode> services = new ArrayList<>();
        changed.forEach(iri -> services.add(ResourceFactory.createResource(iri)));
        for (int from = 0; from < services.size(); from += SERVICES_PER_OPERATION) {
            deleteOwned(request, graphIri, services.subList(from, Math.min(services.size(), from + SERVICES_PER_OPERATION)), candidates);
        }
        Node g = NodeFactory.createURI(graphIri);
        QuadDataAcc quads = new QuadDataAcc();
        for (Model m : upserts.values()) {
            m.getGraph().find().forEachRemaining(t -> quads.addQuad(new Quad(g, t)));
        }
        if (!quads.getQuads().isEmpty()) {
            request.add(new UpdateDataInsert(quads));
        }
        for (int i = 0; i < ORPHAN_DEPTH; i++) {
            ParameterizedSparqlString orphans = new ParameterizedSparqlString("""
                    DELETE { GRAPH ?candidates { ?n ?candidate ?candidate } }
                    WHERE {
                      GRAPH ?candidates { ?n ?candidate ?candidate }
                      FILTER(EXISTS { GRAPH ?graph { ?anyone ?links ?n } }
                          || EXISTS { GRAPH ?graph { ?n ?type ?serviceClass } }
                          || NOT EXISTS { GRAPH ?graph { ?n ?p ?o } })
                    } ;
                    DELETE { GRAPH ?graph { ?n ?p ?o } GRAPH ?candidates { ?n ?candidate ?candidate } }
                    INSERT { GRAPH ?candidates { ?next ?candidate ?candidate } }
                    WHERE {
                      GRAPH ?candidates { ?n ?candidate ?candidate }
                      GRAPH ?graph { ?n ?p ?o }
                      BIND(IF(isIRI(?o), ?o, ?nothing) AS ?next)
                    }""");
            orphans.setIri("graph", graphIri);
            orphans.setIri("candidates", candidates);
            orphans.setIri("candidate", CANDIDATE);
            orphans.setIri("type", RDF.type.getURI());
            orphans.setIri("serviceClass", CPSV.PublicService.getURI());
            orphans.asUpdate().getOperations().forEach(request::add);
        }
        ParameterizedSparqlString drop = new ParameterizedSparqlString("DROP SILENT GRAPH ?candidates");
        drop.setIri("candidates", candidates);
        drop.asUpdate().getOperations().forEach(request::add);
        try (RDFConnection c = connection()) {
            c.update(request);
        }
    }

    /** One SPARQL Update request (one transaction on the store): the observations, the data set, the new content. */
    @Override
    public void replaceDataSet(String graphIri, String dataSetIri, Model content) {
        UpdateRequest request = new UpdateRequest();
        ParameterizedSparqlString delete = new ParameterizedSparqlString("""
                DELETE { GRAPH ?graph { ?obs ?p ?o } } WHERE { GRAPH ?graph { ?obs ?qbDataSet ?dataSet ; ?p ?o } } ;
                DELETE WHERE { GRAPH ?graph { ?dataSet ?p ?o } }""");
        delete.setIri("graph", graphIri);
        delete.setIri("dataSet", dataSetIri);
        delete.setIri("qbDataSet", se.insatsnavet.schema.vocab.QB.dataSet.getURI());
        delete.asUpdate().getOperations().forEach(request::add);
        Node g = NodeFactory.createURI(graphIri);
        QuadDataAcc quads = new QuadDataAcc();
        content.getGraph().find().forEachRemaining(t -> quads.addQuad(new Quad(g, t)));
        request.add(new UpdateDataInsert(quads));
        try (RDFConnection c = connection()) {
            c.update(request);
        }
    }

    /**
     * Notes what the owned triples of {@code services} link to (other than what they own), then deletes those
     * triples: two operations for all of them.
     */
    private static void deleteOwned(UpdateRequest request, String graphIri, List<RDFNode> services, String candidates) {
        String owned = "VALUES (?service) {?services} GRAPH ?graph { " + ownedTriples() + " }";
        ParameterizedSparqlString note = new ParameterizedSparqlString(
                "INSERT { GRAPH ?candidates { ?o ?candidate ?candidate } } WHERE { " + owned
                        + " FILTER(isIRI(?o) && ?o != ?service && !STRSTARTS(STR(?o), CONCAT(STR(?service), \"#\"))) }");
        ParameterizedSparqlString delete = new ParameterizedSparqlString(
                "DELETE { GRAPH ?graph { ?x ?p ?o } } WHERE { " + owned + " }");
        for (ParameterizedSparqlString pss : List.of(note, delete)) {
            pss.setIri("graph", graphIri);
            pss.setValues("services", services);
            pss.setIri("candidates", candidates);
            pss.setIri("candidate", CANDIDATE);
            pss.asUpdate().getOperations().forEach(request::add);
        }
    }

    /**
     * The pattern binding {@code ?x ?p ?o} to each triple of {@code ?service} and of the resources it owns: a
     * UNION with one branch per depth up to {@link OwnedResources#DEPTH}, each step to an IRI {@code ?service#…}
     * (the same resources as {@link OwnedResources#of}). Only variables, no values: those are set as parameters.
     */
    static String ownedTriples() {
        StringBuilder union = new StringBuilder("{ ?service ?p ?o BIND(?service AS ?x) }");
        for (int depth = 1; depth <= OwnedResources.DEPTH; depth++) {
            union.append(" UNION { ");
            String from = "?service";
            for (int step = 1; step <= depth; step++) {
                String to = step == depth ? "?x" : "?owned" + step;
                union.append(from).append(" ?link").append(step).append(' ').append(to)
                        .append(" FILTER(isIRI(").append(to).append(") && STRSTARTS(STR(").append(to)
                        .append("), CONCAT(STR(?service), \"#\"))) ");
                from = to;
            }
            union.append("?x ?p ?o }");
        }
        return union.toString();
    }

    @Override
    public void useLinksGraph(String graphIri) {
        this.linksGraph = graphIri;
    }

    @Override
    public Optional<String> graphOf(String subjectIri) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(
                "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?links) } LIMIT 1");
        pss.setIri("s", subjectIri);
        pss.setIri("links", linksGraph == null ? NO_GRAPH : linksGraph);
        return query(pss.asQuery(), qe -> {
            var rs = qe.execSelect();
            return rs.hasNext() ? Optional.of(rs.next().getResource("g").getURI()) : Optional.<String>empty();
        });
    }

    @Override
    public Optional<Model> describe(String iri) {
        return graphOf(iri).map(g -> {
            Model out = Descriptions.describe(source(g), iri);
            if (linksGraph != null) {
                source(linksGraph).triplesOf(List.of(NodeFactory.createURI(iri))).forEach(out.getGraph()::add);
            }
            return out;
        });
    }

    /**
     * A few hundred resources at a time: their graphs in one query per few hundred, then their descriptions
     * level by level together ({@link Descriptions#describeAll}), each level of all of them in one query per
     * few hundred subjects, instead of several queries per resource.
     */
    @Override
    public void describeEach(List<String> iris, BiConsumer<String, Model> action) {
        // the links graph is small (confirmed pairs only): read once
        org.apache.jena.graph.Graph links = linksGraph == null ? null : graph(linksGraph).getGraph();
        for (int from = 0; from < iris.size(); from += RESOURCES_PER_BATCH) {
            List<String> batch = iris.subList(from, Math.min(iris.size(), from + RESOURCES_PER_BATCH));
            Map<String, String> graphs = graphsOf(batch);
            Map<String, List<String>> byGraph = new LinkedHashMap<>();
            graphs.forEach((iri, g) -> byGraph.computeIfAbsent(g, x -> new ArrayList<>()).add(iri));
            Map<String, Model> descriptions = new HashMap<>();
            byGraph.forEach((g, members) -> descriptions.putAll(Descriptions.describeAll(source(g), members)));
            for (String iri : batch) {
                Model description = descriptions.get(iri);
                if (description == null) {
                    continue;
                }
                if (links != null) {
                    links.find(NodeFactory.createURI(iri), Node.ANY, Node.ANY).forEachRemaining(description.getGraph()::add);
                }
                action.accept(iri, description);
            }
        }
    }

    /** The graph of each of {@code iris} that is in one, a few hundred per query. */
    private Map<String, String> graphsOf(List<String> iris) {
        Map<String, String> graphs = new HashMap<>();
        for (int from = 0; from < iris.size(); from += SUBJECTS_PER_QUERY) {
            List<RDFNode> chunk = new ArrayList<>();
            for (String iri : iris.subList(from, Math.min(iris.size(), from + SUBJECTS_PER_QUERY))) {
                chunk.add(ResourceFactory.createResource(iri));
            }
            ParameterizedSparqlString pss = new ParameterizedSparqlString(
                    "SELECT DISTINCT ?s ?g WHERE { VALUES (?s) {?subjects} GRAPH ?g { ?s ?p ?o } FILTER(?g != ?links) }");
            pss.setValues("subjects", chunk);
            pss.setIri("links", linksGraph == null ? NO_GRAPH : linksGraph);
            query(pss.asQuery(), qe -> {
                qe.execSelect().forEachRemaining(row -> graphs.putIfAbsent(row.getResource("s").getURI(),
                        row.getResource("g").getURI()));
                return null;
            });
        }
        return graphs;
    }

    @Override
    public Optional<Model> describeIn(String graphIri, String iri) {
        return Descriptions.describeIn(source(graphIri), iri);
    }

    /** The triples of a level of subjects, a few hundred per query. */
    private Descriptions.Source source(String graphIri) {
        return subjects -> {
            List<Node> all = new ArrayList<>(subjects);
            List<Triple> out = new ArrayList<>();
            for (int from = 0; from < all.size(); from += SUBJECTS_PER_QUERY) {
                List<RDFNode> chunk = new ArrayList<>();
                for (Node n : all.subList(from, Math.min(all.size(), from + SUBJECTS_PER_QUERY))) {
                    chunk.add(ResourceFactory.createResource(n.getURI()));
                }
                ParameterizedSparqlString pss = new ParameterizedSparqlString(
                        "SELECT ?s ?p ?o WHERE { VALUES (?s) {?subjects} GRAPH ?graph { ?s ?p ?o } }");
                pss.setValues("subjects", chunk);
                pss.setIri("graph", graphIri);
                query(pss.asQuery(), qe -> {
                    qe.execSelect().forEachRemaining(row -> out.add(Triple.create(row.get("s").asNode(),
                            row.get("p").asNode(), row.get("o").asNode())));
                    return null;
                });
            }
            return out;
        };
    }

    @Override
    public void close() {
        // nothing held open: the HTTP client's connections close when it is collected
    }
}
