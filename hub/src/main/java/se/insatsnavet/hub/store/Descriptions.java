package se.insatsnavet.hub.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a resource's published description is gathered from one named graph, level by level, so both backends
 * give the same answer: the embedded one looks subjects up in its graph, the remote one asks for a whole level
 * in one query.
 */
final class Descriptions {

    /** The triples of some subjects in one named graph. */
    @FunctionalInterface
    interface Source {
        List<Triple> triplesOf(Collection<Node> subjects);
    }

    private Descriptions() {
    }

    /** The triples of subjects looked up in a graph at hand. */
    static Source of(org.apache.jena.graph.Graph graph) {
        return subjects -> {
            List<Triple> out = new ArrayList<>();
            for (Node subject : subjects) {
                graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(out::add);
            }
            return out;
        };
    }

    /** See {@link CatalogStore#describe(String)}; the graph is the one that holds {@code iri}. */
    static Model describe(Source source, String iri) {
        String prefix = iri + "#";
        Model out = ModelFactory.createDefaultModel();
        // the resource and what it owns (<iri>#…, reached through what it owns)
        Set<Node> seen = new HashSet<>();
        Node root = NodeFactory.createURI(iri);
        seen.add(root);
        List<Node> frontier = List.of(root);
        List<Node> linked = new ArrayList<>();
        while (!frontier.isEmpty()) {
            List<Node> next = new ArrayList<>();
            for (Triple t : source.triplesOf(frontier)) {
                out.getGraph().add(t);
                Node o = t.getObject();
                if (o.isURI() && o.getURI().startsWith(prefix)) {
                    if (seen.add(o)) {
                        next.add(o);
                    }
                } else if (o.isURI()) {
                    linked.add(o);
                }
            }
            frontier = next;
        }
        // what it points to (authority, concepts, places, schemes), a few hops deep: their types and labels
        // travel with the description so it is complete on its own
        frontier = linked.stream().filter(seen::add).toList();
        for (int depth = 1; depth <= CatalogStore.DESCRIBE_DEPTH && !frontier.isEmpty(); depth++) {
            List<Node> next = new ArrayList<>();
            for (Triple t : source.triplesOf(frontier)) {
                out.getGraph().add(t);
                Node o = t.getObject();
                if (o.isURI() && seen.add(o)) {
                    next.add(o);
                }
            }
            frontier = next;
        }
        return out;
    }

    /** See {@link CatalogStore#describeIn(String, String)}. */
    static Optional<Model> describeIn(Source source, String iri) {
        List<Triple> own = source.triplesOf(List.of(NodeFactory.createURI(iri)));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Model out = ModelFactory.createDefaultModel();
        Set<Node> objects = new HashSet<>();
        for (Triple t : own) {
            out.getGraph().add(t);
            if (t.getObject().isURI()) {
                objects.add(t.getObject());
            }
        }
        if (!objects.isEmpty()) {
            source.triplesOf(objects).forEach(out.getGraph()::add);
        }
        return Optional.of(out);
    }
}
