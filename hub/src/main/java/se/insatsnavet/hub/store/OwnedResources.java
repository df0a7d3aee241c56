package se.insatsnavet.hub.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources a service owns ({@code <iri>#…}) as both backends find them: {@code <iri>} itself and the
 * {@code <iri>#…} IRIs reached from it through owned resources only, at most {@link #DEPTH} links away. The
 * bound lets the remote store find them with one bounded query (a UNION per depth) instead of a property path
 * that explores everything reachable; a change set whose new description owns anything deeper is refused by
 * both backends before it is written ({@link #requireWithinDepth}), so no owned resource is ever left behind.
 */
final class OwnedResources {

    /**
     * Links between a service and the deepest resource it owns. The vocabulary uses two (service → contact
     * point → opening hours, see ServiceRdf); one more is room to grow.
     */
    static final int DEPTH = 3;

    private OwnedResources() {
    }

    /** {@code iri} and the {@code iri#…} IRIs reachable from it through owned resources, {@code maxDepth} links at most. */
    static Set<Node> of(Graph graph, String iri, int maxDepth) {
        String prefix = iri + "#";
        Set<Node> owned = new HashSet<>();
        Node root = NodeFactory.createURI(iri);
        owned.add(root);
        List<Node> frontier = List.of(root);
        for (int depth = 1; depth <= maxDepth && !frontier.isEmpty(); depth++) {
            List<Node> next = new ArrayList<>();
            for (Node n : frontier) {
                graph.find(n, Node.ANY, Node.ANY).forEachRemaining(t -> {
                    Node o = t.getObject();
                    if (o.isURI() && o.getURI().startsWith(prefix) && owned.add(o)) {
                        next.add(o);
                    }
                });
            }
            frontier = next;
        }
        return owned;
    }

    /**
     * Refuses (IllegalArgumentException naming the service and the resource) an upsert whose description owns
     * a resource more than {@link #DEPTH} links from the service.
     */
    static void requireWithinDepth(Map<String, Model> upserts) {
        for (Map.Entry<String, Model> e : upserts.entrySet()) {
            Graph g = e.getValue().getGraph();
            Set<Node> within = of(g, e.getKey(), DEPTH);
            for (Node n : of(g, e.getKey(), Integer.MAX_VALUE)) {
                if (!within.contains(n)) {
                    throw new IllegalArgumentException("Service " + e.getKey() + " owns " + n.getURI() + " more than "
                            + DEPTH + " links away from it: the store finds a service's own resources within " + DEPTH + " links");
                }
            }
        }
    }
}
