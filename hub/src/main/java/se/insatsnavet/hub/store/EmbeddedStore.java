package se.insatsnavet.hub.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.QB;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The embedded backend: a Jena TDB2 dataset (MVCC, so reads never wait for an import), with a transaction
 * around every access.
 */
final class EmbeddedStore implements CatalogStore {

    private final Dataset dataset;
    private final String location;
    private volatile Node linksGraph;

    private EmbeddedStore(Dataset dataset, String location) {
        this.dataset = dataset;
        this.location = location;
    }

    /** Opens (creating if needed) a TDB2 dataset in {@code dir}. */
    static EmbeddedStore openTdb2(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create TDB2 folder " + dir, e);
        }
        return new EmbeddedStore(TDB2Factory.connectDataset(dir.toString()), "TDB2 in " + dir.toAbsolutePath());
    }

    /** An in-memory, transactional dataset (tests and tools). */
    static EmbeddedStore inMemory() {
        return new EmbeddedStore(TDB2Factory.createDataset(), "TDB2 in memory");
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    private <T> T read(Function<Dataset, T> reader) {
        return Txn.calculateRead(dataset, () -> reader.apply(dataset));
    }

    @Override
    public <T> T query(Query query, Function<QueryExecution, T> body) {
        return read(ds -> {
            try (QueryExecution qe = local(QueryExecution.dataset(ds)).query(query).build()) {
                return body.apply(qe);
            }
        });
    }

    @Override
    public <T> T queryUnion(Query query, long timeoutMillis, Function<QueryExecution, T> body) {
        return read(ds -> {
            QueryExecutionDatasetBuilder execution;
            if (query.hasDatasetDescription()) {
                // the dataset the query describes, over the graphs held here (an unknown graph is empty, nothing
                // is loaded from elsewhere); the query runs without its FROM / FROM NAMED against that view
                DescribedDataset described = DescribedDataset.of(query, graphNamesIn(ds));
                DatasetGraph view = DynamicDatasets.dynamicDataset(nodes(described.defaultGraphs()),
                        nodes(described.namedGraphs()), ds.asDatasetGraph(), false);
                execution = QueryExecution.dataset(DatasetFactory.wrap(view)).query(described.query());
            } else {
                execution = QueryExecution.dataset(ds).query(query).set(TDB2.symUnionDefaultGraph, true);
            }
            try (QueryExecution qe = local(execution).timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
                return body.apply(qe);
            }
        });
    }

    /**
     * No SPARQL {@code SERVICE} leaves this store: remote calls are switched off and no service executor is
     * registered, whatever the query says (the public endpoint refuses such queries before they get here).
     */
    private static QueryExecutionDatasetBuilder local(QueryExecutionDatasetBuilder execution) {
        return execution.set(Service.httpServiceAllowed, false)
                .set(ARQConstants.registryServiceExecutors, new ServiceExecutorRegistry());
    }

    private static List<Node> nodes(List<String> iris) {
        return iris.stream().map(NodeFactory::createURI).toList();
    }

    private static Set<String> graphNamesIn(Dataset ds) {
        Set<String> names = new HashSet<>();
        ds.asDatasetGraph().listGraphNodes().forEachRemaining(g -> names.add(g.getURI()));
        return names;
    }

    @Override
    public <T> T inOneRead(Supplier<T> work) {
        return Txn.calculateRead(dataset, work);
    }

    @Override
    public List<String> graphNames() {
        return read(ds -> {
            List<String> names = new ArrayList<>();
            ds.asDatasetGraph().listGraphNodes().forEachRemaining(g -> names.add(g.getURI()));
            return names;
        });
    }

    @Override
    public Model graph(String graphIri) {
        return read(ds -> ModelFactory.createDefaultModel().add(ds.getNamedModel(graphIri)));
    }

    @Override
    public void exportGraph(String graphIri, StreamRDF sink) {
        read(ds -> {
            sink.start();
            ds.asDatasetGraph().getGraph(NodeFactory.createURI(graphIri)).find().forEachRemaining(sink::triple);
            sink.finish();
            return null;
        });
    }

    @Override
    public void exportDataset(StreamRDF sink) {
        read(ds -> {
            sink.start();
            ds.asDatasetGraph().find().forEachRemaining(sink::quad);
            sink.finish();
            return null;
        });
    }

    @Override
    public long size() {
        return read(ds -> ds.asDatasetGraph().stream().count());
    }

    @Override
    public void replaceGraph(String graphIri, Model content) {
        Node g = NodeFactory.createURI(graphIri);
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            content.getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    @Override
    public void applyChanges(String graphIri, Map<String, Model> upserts, Collection<String> deletes) {
        OwnedResources.requireWithinDepth(upserts);
        Node g = NodeFactory.createURI(graphIri);
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Set<Node> linked = new HashSet<>();
            // the descriptions of one change set repeat the triples they share (provider, its places, the
            // reference concepts' types and labels) once per service: each is written once (a TDB2 add of a
            // present quad costs its index lookups all the same); what a later delete takes out is forgotten
            Set<Triple> added = new HashSet<>();
            for (String iri : deletes) {
                linked.addAll(deleteOwned(dsg, g, iri, added));
            }
            for (Map.Entry<String, Model> e : upserts.entrySet()) {
                linked.addAll(deleteOwned(dsg, g, e.getKey(), added));
                e.getValue().getGraph().find().forEachRemaining(t -> {
                    if (added.add(t)) {
                        dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                    }
                });
            }
            deleteOrphans(dsg.getGraph(g), linked);
        });
    }

    /**
     * Removes the descriptions of resources the changed services linked to (their provider organisation, the
     * organisation's places …) that nothing in the graph links to any more, following their own links in
     * turn. Services themselves are never removed this way.
     */
    private static void deleteOrphans(Graph graph, Set<Node> candidates) {
        Deque<Node> todo = new ArrayDeque<>(candidates);
        Set<Node> deleted = new HashSet<>();
        Node serviceClass = NodeFactory.createURI(CPSV.PublicService.getURI());
        while (!todo.isEmpty()) {
            Node n = todo.poll();
            // a candidate still linked to may lose its last link later on, when another orphan goes: it is
            // looked at again then
            if (deleted.contains(n) || graph.contains(Node.ANY, Node.ANY, n) || !graph.contains(n, Node.ANY, Node.ANY)
                    || graph.contains(n, RDF.Nodes.type, serviceClass)) {
                continue;
            }
            deleted.add(n);
            List<Triple> doomed = graph.find(n, Node.ANY, Node.ANY).toList();
            for (Triple t : doomed) {
                graph.delete(t);
                if (t.getObject().isURI()) {
                    todo.add(t.getObject());
                }
            }
        }
    }

    @Override
    public void replaceDataSet(String graphIri, String dataSetIri, Model content) {
        Node g = NodeFactory.createURI(graphIri);
        Node ds = NodeFactory.createURI(dataSetIri);
        Node dataSetProperty = QB.dataSet.asNode();
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Graph graph = dsg.getGraph(g);
            List<Node> subjects = new ArrayList<>();
            subjects.add(ds);
            graph.find(Node.ANY, dataSetProperty, ds).forEachRemaining(t -> subjects.add(t.getSubject()));
            for (Node subject : subjects) {
                graph.find(subject, Node.ANY, Node.ANY).toList().forEach(graph::delete);
            }
            content.getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    @Override
    public void useLinksGraph(String graphIri) {
        this.linksGraph = NodeFactory.createURI(graphIri);
    }

    /** The first graph holding triples of {@code s}, the links graph aside. */
    private Node homeGraph(DatasetGraph dsg, Node s) {
        Node links = linksGraph;
        Iterator<Quad> it = dsg.find(Node.ANY, s, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            Node g = it.next().getGraph();
            if (!g.equals(links)) {
                return g;
            }
        }
        return null;
    }

    @Override
    public Optional<String> graphOf(String subjectIri) {
        Node s = NodeFactory.createURI(subjectIri);
        return read(ds -> Optional.ofNullable(homeGraph(ds.asDatasetGraph(), s)).map(Node::getURI));
    }

    @Override
    public Optional<Model> describe(String iri) {
        Node s = NodeFactory.createURI(iri);
        return read(ds -> {
            DatasetGraph dsg = ds.asDatasetGraph();
            Node g = homeGraph(dsg, s);
            if (g == null) {
                return Optional.empty();
            }
            Model out = Descriptions.describe(Descriptions.of(dsg.getGraph(g)), iri);
            Node links = linksGraph;
            if (links != null) {
                dsg.getGraph(links).find(s, Node.ANY, Node.ANY).forEachRemaining(out.getGraph()::add);
            }
            return Optional.of(out);
        });
    }

    @Override
    public void describeEach(List<String> iris, BiConsumer<String, Model> action) {
        inOneRead(() -> {
            for (String iri : iris) {
                describe(iri).ifPresent(m -> action.accept(iri, m));
            }
            return null;
        });
    }

    @Override
    public Optional<Model> describeIn(String graphIri, String iri) {
        return read(ds -> Descriptions.describeIn(Descriptions.of(ds.asDatasetGraph().getGraph(NodeFactory.createURI(graphIri))), iri));
    }

    /**
     * Deletes the triples of {@code iri} and the resources it owns ({@link OwnedResources}), forgetting them in
     * {@code added}; returns the other IRIs they linked to.
     */
    private static Set<Node> deleteOwned(DatasetGraph dsg, Node g, String iri, Set<Triple> added) {
        Graph graph = dsg.getGraph(g);
        List<Triple> doomed = new ArrayList<>();
        Set<Node> owned = OwnedResources.of(graph, iri, OwnedResources.DEPTH);
        for (Node subject : owned) {
            graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(doomed::add);
        }
        Set<Node> linked = new HashSet<>();
        for (Triple t : doomed) {
            dsg.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
            added.remove(t);
            if (t.getObject().isURI() && !owned.contains(t.getObject())) {
                linked.add(t.getObject());
            }
        }
        return linked;
    }

    @Override
    public void close() {
        dataset.close();
    }
}
