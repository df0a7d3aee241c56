package se.insatsnavet.hub.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The reads of {@link RemoteStore} that gather descriptions of resources ({@link Descriptions}): the graph a
 * resource is in, its description (with its confirmed links), many descriptions a few hundred at a time, each
 * level of subjects in one SPARQL query per few hundred.
 */
final class RemoteDescriptions {

    /** Subjects asked for in one query when a description is gathered. */
    private static final int SUBJECTS_PER_QUERY = 200;
    /** Resources described together by {@link #describeEach}. */
    private static final int RESOURCES_PER_BATCH = 500;
    /** Stands for "no links graph" in queries that leave the links graph aside. */
    private static final String NO_GRAPH = "urn:insatsnavet:store:no-graph";

    private final RemoteStore store;
    private final Supplier<String> linksGraph;

    /** @param linksGraph the links graph the store was told of (null while none) */
    RemoteDescriptions(RemoteStore store, Supplier<String> linksGraph) {
        this.store = store;
        this.linksGraph = linksGraph;
    }

    Optional<String> graphOf(String subjectIri) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(
                "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?links) } LIMIT 1");
        pss.setIri("s", subjectIri);
        String linksGraph = this.linksGraph.get();
        pss.setIri("links", linksGraph == null ? NO_GRAPH : linksGraph);
        return store.query(pss.asQuery(), qe -> {
            var rs = qe.execSelect();
            return rs.hasNext() ? Optional.of(rs.next().getResource("g").getURI()) : Optional.<String>empty();
        });
    }

    Optional<Model> describe(String iri) {
        String linksGraph = this.linksGraph.get();
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
    void describeEach(List<String> iris, BiConsumer<String, Model> action) {
        // the links graph is small (confirmed pairs only): read once
        String linksGraph = this.linksGraph.get();
        Graph links = linksGraph == null ? null : store.graph(linksGraph).getGraph();
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
            String linksGraph = this.linksGraph.get();
            pss.setValues("subjects", chunk);
            pss.setIri("links", linksGraph == null ? NO_GRAPH : linksGraph);
            store.query(pss.asQuery(), qe -> {
                qe.execSelect().forEachRemaining(row -> graphs.putIfAbsent(row.getResource("s").getURI(),
                        row.getResource("g").getURI()));
                return null;
            });
        }
        return graphs;
    }

    Optional<Model> describeIn(String graphIri, String iri) {
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
                store.query(pss.asQuery(), qe -> {
                    qe.execSelect().forEachRemaining(row -> out.add(Triple.create(row.get("s").asNode(),
                            row.get("p").asNode(), row.get("o").asNode())));
                    return null;
                });
            }
            return out;
        };
    }
}
