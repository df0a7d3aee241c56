package se.insatsnavet.hub.store;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.system.StreamRDF;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The linked data everything is published from: one named graph per federation and one for reference data.
 * Two backends answer it: an embedded Jena TDB2 dataset ({@link #openTdb2}, the default) and a remote SPARQL
 * 1.1 store such as Fuseki ({@link #remote}, through Jena's RDFConnection). Callers never see which one runs.
 *
 * <p>A service owns its IRI and every IRI that starts with its IRI followed by {@code #} (contact,
 * criteria, channels …); updating or deleting a service replaces exactly those subjects' triples.
 * Every method blocks (a transaction on TDB2, an HTTP request on a remote store): call them from workers.
 */
public interface CatalogStore extends AutoCloseable {

    /** How many links beyond the service (and its own sub-resources) a description follows. */
    int DESCRIBE_DEPTH = 3;

    /** Opens (creating if needed) an embedded TDB2 dataset in {@code dir}. */
    static CatalogStore openTdb2(Path dir) {
        return EmbeddedStore.openTdb2(dir);
    }

    /** An embedded, in-memory, transactional dataset (tests and tools). */
    static CatalogStore inMemory() {
        return EmbeddedStore.inMemory();
    }

    /**
     * A remote SPARQL 1.1 store whose dataset URL answers SPARQL queries, SPARQL updates and the Graph Store
     * Protocol (a Fuseki dataset such as {@code http://host:3030/ds}); {@code user}/{@code password} may be
     * null (no credentials).
     */
    static CatalogStore remote(String datasetUrl, String user, String password) {
        return RemoteStore.connect(datasetUrl, user, password);
    }

    /** Where the data lives, for logs and messages (never includes credentials). */
    String location();

    /** True when the data lives in a remote store (backups are then the store's own job). */
    boolean isRemote();

    /**
     * Runs one of the hub's own queries (they name their graphs with {@code GRAPH}) and hands the execution
     * to {@code body}, which must consume the results before it returns.
     */
    <T> T query(Query query, Function<QueryExecution, T> body);

    /**
     * Runs a public query: unless it names its own dataset (FROM / FROM NAMED), the default graph is the
     * union of every named graph; when it does, that dataset is answered over the graphs held here (a graph
     * not held is empty and its name is never fetched or sent on). Stops after {@code timeoutMillis}, throwing
     * {@link org.apache.jena.query.QueryCancelledException}.
     */
    <T> T queryUnion(Query query, long timeoutMillis, Function<QueryExecution, T> body);

    /**
     * Runs {@code work} (several reads) against one snapshot where the backend has them (TDB2: one read
     * transaction); on a remote store each request is its own transaction.
     */
    <T> T inOneRead(Supplier<T> work);

    /** The names of the named graphs that hold triples. */
    List<String> graphNames();

    /** A copy of one named graph (empty if there is none). */
    Model graph(String graphIri);

    /** Streams one named graph's triples to {@code sink}, calling its start and finish. */
    void exportGraph(String graphIri, StreamRDF sink);

    /** Streams every quad of every named graph to {@code sink}, calling its start and finish. */
    void exportDataset(StreamRDF sink);

    /** The number of quads in the named graphs. */
    long size();

    /** Replaces a whole named graph at once. */
    void replaceGraph(String graphIri, Model content);

    /**
     * Applies one import's changes to a federation's graph at once: each upserted service's owned triples are
     * replaced by its new description, each deleted service's owned triples removed, and the resources they
     * linked to (provider organisation, its places …) that nothing links to any more removed too. Either all
     * of it is committed or none.
     */
    void applyChanges(String graphIri, Map<String, Model> upserts, Collection<String> deletes);

    /** Replaces the triples of one subject (e.g. a federation's organisation) inside a graph. */
    default void replaceSubject(String graphIri, String subjectIri, Model content) {
        applyChanges(graphIri, Map.of(subjectIri, content), List.of());
    }

    /**
     * Replaces a Data Cube data set inside a graph in one write transaction: the data set's own triples and
     * those of every observation that names it ({@code ?obs qb:dataSet <dataSet>}) are removed, then
     * {@code content} is added.
     */
    void replaceDataSet(String graphIri, String dataSetIri, Model content);

    /**
     * Names the graph of links between published resources (owl:sameAs, skos:exactMatch): it never decides
     * which graph a resource lives in, and a resource's description carries its links from there.
     */
    void useLinksGraph(String graphIri);

    /** The named graph holding {@code subjectIri}, if any (the links graph aside). */
    Optional<String> graphOf(String subjectIri);

    /**
     * The description of one resource as published: its own triples, those of the resources it owns
     * ({@code <iri>#…}) and, up to {@link #DESCRIBE_DEPTH} links away within the same graph, the triples
     * (types, labels, notations) of the resources they point to, and its links (owl:sameAs, skos:exactMatch)
     * from the links graph. Empty if the resource is in no other graph.
     */
    Optional<Model> describe(String iri);

    /**
     * The descriptions ({@link #describe}) of many resources, handed to {@code action} in the order given;
     * those in no graph are skipped. For bulk work (dumps, reindexing, the search index after an import): TDB2
     * reads them in one transaction, a remote store gathers a few hundred at a time level by level, each
     * level of all of them in a few queries.
     */
    void describeEach(List<String> iris, BiConsumer<String, Model> action);

    /** The triples of {@code iri} in one named graph and those of the resources it links to. */
    Optional<Model> describeIn(String graphIri, String iri);

    @Override
    void close();
}
