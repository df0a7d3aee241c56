package se.insatsnavet.hub.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.QB;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The writes of {@link RemoteStore} that change many resources at once: an import's change set and an indicators
 * data set's replacement, each built as one SPARQL Update request (the store runs it as one transaction, so readers
 * see all of it or none) and handed to the store to send.
 */
final class RemoteUpdates {

    /** Services whose owned triples one update operation deletes. */
    private static final int SERVICES_PER_OPERATION = 1000;
    /** How many links deep a change set follows resources nothing links to any more (organisation, its places …). */
    static final int ORPHAN_DEPTH = 8;
    /** Scratch graph (inside one update request only) of the resources that may have lost their last link. */
    private static final String CANDIDATES_GRAPH = "urn:insatsnavet:store:orphan-candidates:";
    private static final String CANDIDATE = "urn:insatsnavet:store:candidate";

    private final Consumer<UpdateRequest> send;

    /** @param send runs one update request on the store */
    RemoteUpdates(Consumer<UpdateRequest> send) {
        this.send = send;
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
    void applyChanges(String graphIri, Map<String, Model> upserts, Collection<String> deletes) {
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
        send.accept(request);
    }

    /** One SPARQL Update request (one transaction on the store): the observations, the data set, the new content. */
    void replaceDataSet(String graphIri, String dataSetIri, Model content) {
        UpdateRequest request = new UpdateRequest();
        ParameterizedSparqlString delete = new ParameterizedSparqlString("""
                DELETE { GRAPH ?graph { ?obs ?p ?o } } WHERE { GRAPH ?graph { ?obs ?qbDataSet ?dataSet ; ?p ?o } } ;
                DELETE WHERE { GRAPH ?graph { ?dataSet ?p ?o } }""");
        delete.setIri("graph", graphIri);
        delete.setIri("dataSet", dataSetIri);
        delete.setIri("qbDataSet", QB.dataSet.getURI());
        delete.asUpdate().getOperations().forEach(request::add);
        Node g = NodeFactory.createURI(graphIri);
        QuadDataAcc quads = new QuadDataAcc();
        content.getGraph().find().forEachRemaining(t -> quads.addQuad(new Quad(g, t)));
        request.add(new UpdateDataInsert(quads));
        send.accept(request);
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
}
