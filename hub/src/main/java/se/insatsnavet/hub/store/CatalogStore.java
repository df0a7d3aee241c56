package se.insatsnavet.hub.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

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
import java.util.function.Function;

/**
 * The one Jena dataset everything is published from: one named graph per federation and one for
 * reference data. Every access runs in a transaction (TDB2: MVCC, so reads never wait for an import).
 *
 * <p>A service owns its IRI and every IRI that starts with its IRI followed by {@code #} (contact,
 * criteria, channels …); updating or deleting a service replaces exactly those subjects' triples.
 * All methods block: call them from worker threads.
 */
public final class CatalogStore implements AutoCloseable {

    /** How many links beyond the service (and its own sub-resources) a description follows. */
    static final int DESCRIBE_DEPTH = 3;

    private final Dataset dataset;

    private CatalogStore(Dataset dataset) {
        this.dataset = dataset;
    }

    /** Opens (creating if needed) a TDB2 dataset in {@code dir}. */
    public static CatalogStore openTdb2(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create TDB2 folder " + dir, e);
        }
        return new CatalogStore(TDB2Factory.connectDataset(dir.toString()));
    }

    /** An in-memory, transactional dataset (tests and tools). */
    public static CatalogStore inMemory() {
        return new CatalogStore(TDB2Factory.createDataset());
    }

    public Dataset dataset() {
        return dataset;
    }

    /** Runs a read in a read transaction. */
    public <T> T read(Function<Dataset, T> reader) {
        return Txn.calculateRead(dataset, () -> reader.apply(dataset));
    }

    /** Replaces a whole named graph in one write transaction. */
    public void replaceGraph(String graphIri, Model content) {
        Node g = NodeFactory.createURI(graphIri);
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            content.getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    /**
     * Applies one import's changes to a federation's graph in a single write transaction: each upserted
     * service's owned triples are replaced by its new description, each deleted service's owned triples
     * removed. Either all of it is committed or none.
     */
    public void applyChanges(String graphIri, Map<String, Model> upserts, Collection<String> deletes) {
        Node g = NodeFactory.createURI(graphIri);
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Set<Node> linked = new HashSet<>();
            for (String iri : deletes) {
                linked.addAll(deleteOwned(dsg, g, iri));
            }
            for (Map.Entry<String, Model> e : upserts.entrySet()) {
                linked.addAll(deleteOwned(dsg, g, e.getKey()));
                e.getValue().getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
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
        Set<Node> checked = new HashSet<>();
        Node serviceClass = NodeFactory.createURI(se.insatsnavet.schema.vocab.CPSV.PublicService.getURI());
        while (!todo.isEmpty()) {
            Node n = todo.poll();
            if (!checked.add(n) || graph.contains(Node.ANY, Node.ANY, n) || !graph.contains(n, Node.ANY, Node.ANY)
                    || graph.contains(n, org.apache.jena.vocabulary.RDF.Nodes.type, serviceClass)) {
                continue;
            }
            List<Triple> doomed = graph.find(n, Node.ANY, Node.ANY).toList();
            for (Triple t : doomed) {
                graph.delete(t);
                if (t.getObject().isURI()) {
                    todo.add(t.getObject());
                }
            }
        }
    }

    /** Replaces the triples of one subject (e.g. a federation's organisation) inside a graph. */
    public void replaceSubject(String graphIri, String subjectIri, Model content) {
        applyChanges(graphIri, Map.of(subjectIri, content), List.of());
    }

    /**
     * Replaces a Data Cube data set inside a graph in one write transaction: the data set's own triples and
     * those of every observation that names it ({@code ?obs qb:dataSet <dataSet>}) are removed, then
     * {@code content} is added.
     */
    public void replaceDataSet(String graphIri, String dataSetIri, Model content) {
        Node g = NodeFactory.createURI(graphIri);
        Node ds = NodeFactory.createURI(dataSetIri);
        Node dataSet = NodeFactory.createURI(se.insatsnavet.schema.vocab.QB.dataSet.getURI());
        Txn.executeWrite(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Graph graph = dsg.getGraph(g);
            List<Node> subjects = new ArrayList<>();
            subjects.add(ds);
            graph.find(Node.ANY, dataSet, ds).forEachRemaining(t -> subjects.add(t.getSubject()));
            for (Node subject : subjects) {
                graph.find(subject, Node.ANY, Node.ANY).toList().forEach(graph::delete);
            }
            content.getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    /** The named graph holding {@code serviceIri}, if any. */
    public Optional<String> graphOf(String subjectIri) {
        Node s = NodeFactory.createURI(subjectIri);
        return read(ds -> {
            Iterator<Quad> it = ds.asDatasetGraph().find(Node.ANY, s, Node.ANY, Node.ANY);
            return it.hasNext() ? Optional.of(it.next().getGraph().getURI()) : Optional.empty();
        });
    }

    /**
     * The description of one resource as published: its own triples, those of the resources it owns
     * ({@code <iri>#…}) and, up to {@link #DESCRIBE_DEPTH} links away within the same graph, the triples
     * (types, labels, notations) of the resources they point to. Empty if the resource is in no graph.
     */
    public Optional<Model> describe(String iri) {
        Node s = NodeFactory.createURI(iri);
        return read(ds -> {
            DatasetGraph dsg = ds.asDatasetGraph();
            Iterator<Quad> first = dsg.find(Node.ANY, s, Node.ANY, Node.ANY);
            if (!first.hasNext()) {
                return Optional.empty();
            }
            Node g = first.next().getGraph();
            Graph graph = dsg.getGraph(g);
            Model out = ModelFactory.createDefaultModel();
            Set<Node> owned = ownedSubjects(graph, iri);
            // what the service points to (authority, concepts, places, schemes), a few hops deep: their
            // types and labels travel with the description so it is complete on its own
            Set<Node> seen = new HashSet<>(owned);
            List<Node> frontier = new ArrayList<>(owned);
            for (int depth = 0; depth <= DESCRIBE_DEPTH && !frontier.isEmpty(); depth++) {
                List<Node> next = new ArrayList<>();
                for (Node subject : frontier) {
                    graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
                        out.getGraph().add(t);
                        Node o = t.getObject();
                        if (o.isURI() && seen.add(o)) {
                            next.add(o);
                        }
                    });
                }
                frontier = next;
            }
            return Optional.of(out);
        });
    }

    /** Like {@link #describe(String)}, but only from one named graph. */
    public Optional<Model> describeIn(String graphIri, String iri) {
        Node g = NodeFactory.createURI(graphIri);
        Node s = NodeFactory.createURI(iri);
        return read(ds -> {
            Graph graph = ds.asDatasetGraph().getGraph(g);
            if (!graph.contains(s, Node.ANY, Node.ANY)) {
                return Optional.empty();
            }
            Model out = ModelFactory.createDefaultModel();
            graph.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                out.getGraph().add(t);
                if (t.getObject().isURI()) {
                    graph.find(t.getObject(), Node.ANY, Node.ANY).forEachRemaining(out.getGraph()::add);
                }
            });
            return Optional.of(out);
        });
    }

    /** Deletes the triples of {@code iri} and the resources it owns; returns the other IRIs they linked to. */
    private static Set<Node> deleteOwned(DatasetGraph dsg, Node g, String iri) {
        Graph graph = dsg.getGraph(g);
        List<Triple> doomed = new ArrayList<>();
        Set<Node> owned = ownedSubjects(graph, iri);
        for (Node subject : owned) {
            graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(doomed::add);
        }
        Set<Node> linked = new HashSet<>();
        for (Triple t : doomed) {
            dsg.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
            if (t.getObject().isURI() && !owned.contains(t.getObject())) {
                linked.add(t.getObject());
            }
        }
        return linked;
    }

    /** {@code iri} and every IRI reachable from it that starts with {@code iri#}. */
    private static Set<Node> ownedSubjects(Graph graph, String iri) {
        String prefix = iri + "#";
        Set<Node> owned = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.add(NodeFactory.createURI(iri));
        while (!todo.isEmpty()) {
            Node n = todo.poll();
            if (!owned.add(n)) {
                continue;
            }
            graph.find(n, Node.ANY, Node.ANY).forEachRemaining(t -> {
                Node o = t.getObject();
                if (o.isURI() && o.getURI().startsWith(prefix) && !owned.contains(o)) {
                    todo.add(o);
                }
            });
        }
        return owned;
    }

    @Override
    public void close() {
        dataset.close();
    }
}
