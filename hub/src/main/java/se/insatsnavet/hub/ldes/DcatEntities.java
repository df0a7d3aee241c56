package se.insatsnavet.hub.ldes;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits a DCAT-AP catalogue into the entities SEMIC's LDES DCAT-AP shape allows as members (catalogue,
 * dataset, distribution, data service, agent, {@code vcard:Kind}, licence document; IRIs only), each with its
 * description: its own triples, and those of the blank nodes and non-entity IRIs it refers to (checksums,
 * periods, code-list concepts and their schemes, standards, media types), followed transitively. The union of
 * the descriptions is the catalogue; a consumer that replaces an entity's triples (and its blank nodes) with
 * its newest description ends with exactly the catalogue.
 */
final class DcatEntities {

    static final List<Resource> TYPES = List.of(DCAT.Catalog, DCAT.Dataset, DCAT.Distribution, DCAT.DataService,
            FOAF.Agent, VCARD4.Kind, DCTerms.LicenseDocument);

    private DcatEntities() {
    }

    /** Each entity's IRI with its description, in IRI order. */
    static Map<String, Model> of(Model catalog) {
        Set<Resource> entities = new HashSet<>();
        for (Resource type : TYPES) {
            catalog.listSubjectsWithProperty(RDF.type, type).filterKeep(Resource::isURIResource).forEachRemaining(entities::add);
        }
        Map<String, Model> out = new TreeMap<>();
        for (Resource e : entities) {
            Model description = ModelFactory.createDefaultModel();
            describe(e, description, entities, new HashSet<>());
            out.put(e.getURI(), description);
        }
        return out;
    }

    private static void describe(Resource node, Model into, Set<Resource> entities, Set<Resource> visited) {
        if (!visited.add(node)) {
            return;
        }
        for (Statement st : node.listProperties().toList()) {
            into.add(st);
            RDFNode o = st.getObject();
            if (o.isAnon() || (o.isURIResource() && !entities.contains(o.asResource()))) {
                describe(o.asResource(), into, entities, visited);
            }
        }
    }
}
