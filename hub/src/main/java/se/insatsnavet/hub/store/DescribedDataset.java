package se.insatsnavet.hub.store;

import org.apache.jena.query.Query;

import java.util.Collection;
import java.util.List;

/**
 * The RDF dataset a public query describes with {@code FROM} / {@code FROM NAMED} (SPARQL 1.1 §13.2), held to
 * the graphs the store has: a graph it does not hold is an empty graph, and its name is never handed to
 * anything that could fetch it (Jena's dataset loader, a remote store). When every default graph is unknown the
 * default graph is {@link #NO_GRAPH}, a name no store holds or fetches; unknown named graphs are left out.
 *
 * @param defaultGraphs the graphs whose merge is the default graph (empty: the default graph is empty)
 * @param namedGraphs   the named graphs
 * @param query         the query without its dataset description, to run against that dataset
 */
record DescribedDataset(List<String> defaultGraphs, List<String> namedGraphs, Query query) {

    /** Stands for "a graph no store holds": the default graph when every graph of FROM is unknown. */
    static final String NO_GRAPH = "urn:insatsnavet:store:no-graph";

    /** The dataset {@code query} describes, restricted to {@code storedGraphs}. */
    static DescribedDataset of(Query query, Collection<String> storedGraphs) {
        List<String> defaults = query.getGraphURIs().stream().filter(storedGraphs::contains).distinct().toList();
        if (defaults.isEmpty()) {
            // FROM naming only unknown graphs, or only FROM NAMED (§13.2: the default graph is then empty)
            defaults = List.of(NO_GRAPH);
        }
        List<String> named = query.getNamedGraphURIs().stream().filter(storedGraphs::contains).distinct().toList();
        Query bare = query.cloneQuery();
        bare.getGraphURIs().clear();
        bare.getNamedGraphURIs().clear();
        return new DescribedDataset(defaults, named, bare);
    }
}
