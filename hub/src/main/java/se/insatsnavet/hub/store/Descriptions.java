package se.insatsnavet.hub.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;

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
    static Source of(Graph graph) {
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

    /**
     * The descriptions ({@link #describe}) of many resources of one graph, each the same as alone: the
     * resources go level by level side by side, each level's subjects (all resources together, none asked
     * twice) fetched from {@code source} at once. Resources without triples are left out.
     */
    static Map<String, Model> describeAll(Source source, Collection<String> iris) {
        Map<Node, List<Triple>> fetched = new HashMap<>();
        Source cached = subjects -> {
            List<Triple> out = new ArrayList<>();
            subjects.forEach(n -> out.addAll(fetched.get(n)));
            return out;
        };
        List<Walk> walks = new ArrayList<>();
        iris.forEach(iri -> walks.add(new Walk(iri)));
        List<Walk> going = walks;
        while (!going.isEmpty()) {
            Set<Node> wanted = new LinkedHashSet<>();
            for (Walk w : going) {
                w.frontier.stream().filter(n -> !fetched.containsKey(n)).forEach(wanted::add);
            }
            if (!wanted.isEmpty()) {
                wanted.forEach(n -> fetched.put(n, new ArrayList<>()));
                for (Triple t : source.triplesOf(wanted)) {
                    fetched.get(t.getSubject()).add(t);
                }
            }
            List<Walk> next = new ArrayList<>();
            for (Walk w : going) {
                if (w.step(cached)) {
                    next.add(w);
                }
            }
            going = next;
        }
        Map<String, Model> out = new LinkedHashMap<>();
        for (Walk w : walks) {
            if (!w.out.isEmpty()) {
                out.put(w.iri, w.out);
            }
        }
        return out;
    }

    /** One resource's description gathered a level at a step, as {@link #describe} does in one go. */
    private static final class Walk {
        final String iri;
        final String prefix;
        final Model out = ModelFactory.createDefaultModel();
        final Set<Node> seen = new HashSet<>();
        final List<Node> linked = new ArrayList<>();
        List<Node> frontier;
        /** 0 while its own resources are gathered, then the links followed so far. */
        int depth;

        Walk(String iri) {
            this.iri = iri;
            this.prefix = iri + "#";
            Node root = NodeFactory.createURI(iri);
            seen.add(root);
            frontier = List.of(root);
        }

        /** Takes in the current level; returns whether there is another. */
        boolean step(Source source) {
            List<Node> next = new ArrayList<>();
            for (Triple t : source.triplesOf(frontier)) {
                out.getGraph().add(t);
                Node o = t.getObject();
                if (depth == 0) {
                    if (o.isURI() && o.getURI().startsWith(prefix)) {
                        if (seen.add(o)) {
                            next.add(o);
                        }
                    } else if (o.isURI()) {
                        linked.add(o);
                    }
                } else if (o.isURI() && seen.add(o)) {
                    next.add(o);
                }
            }
            if (depth == 0 && next.isEmpty()) {
                next = linked.stream().filter(seen::add).toList();
                depth = 1;
            } else if (depth > 0) {
                depth++;
            }
            frontier = next;
            return !frontier.isEmpty() && depth <= CatalogStore.DESCRIBE_DEPTH;
        }
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
