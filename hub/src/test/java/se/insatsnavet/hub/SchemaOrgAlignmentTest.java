package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.M8G;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema.org representation of every bundled example service against SEMIC's CPSV-AP 3.2.0 → schema.org
 * alignment ({@code ../shared/standards/cpsv-ap-3.2.0/schemaorg-alignment/}), read with Jena: for each triple
 * of the service's CPSV-AP description whose property the alignment maps (from the service, and on through
 * the nodes the schema.org document names by the same IRI), the schema.org document has the aligned property
 * on the same node with the same value (same text and language; the same IRI; a language IRI as its ISO 639
 * code; opening hours, free text in the hub, as their text). Aligned classes are checked the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaOrgAlignmentTest {

    private static final String ALIGN = "http://knowledgeweb.semanticweb.org/heterogeneity/alignment#";
    private static final Property ENTITY1 = ResourceFactory.createProperty(ALIGN, "entity1");
    private static final Property ENTITY2 = ResourceFactory.createProperty(ALIGN, "entity2");
    private static final Property ANNOTATED = OWL.annotatedProperty;
    private static final String SDO = "https://schema.org/";
    /** The schema.org subclasses the hub uses for an aligned class mapped with rdfs:subClassOf. */
    private static final Map<String, Set<String>> SUBCLASSES = Map.of("Organization", Set.of("GovernmentOrganization", "NGO"));

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;

    @BeforeAll
    void startHub() {
        Path alignment = SharedFolder.require("standards/cpsv-ap-3.2.0/schemaorg-alignment/Alignment-CPSV-AP-3.2.0-schemaorg.ttl");
        assertTrue(alignment.toFile().isFile());
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1")).toCompletionStage().toCompletableFuture().join();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** CPSV-AP IRI → the schema.org local names it is aligned with, for cells of the given annotated properties. */
    private static Map<String, Set<String>> aligned(Model alignment, Property... annotated) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Property a : annotated) {
            alignment.listSubjectsWithProperty(ANNOTATED, a).forEachRemaining(cell -> {
                Resource from = cell.getPropertyResourceValue(ENTITY1);
                Resource to = cell.getPropertyResourceValue(ENTITY2);
                if (from != null && to != null && to.getURI().contains("schema.org/")) {
                    out.computeIfAbsent(from.getURI(), k -> new TreeSet<>())
                            .add(to.getURI().substring(to.getURI().indexOf("schema.org/") + "schema.org/".length()));
                }
            });
        }
        return out;
    }

    @Test
    void everyAlignedPropertyOfEveryBundledServiceHasItsSchemaOrgCounterpartWithTheSameValue() throws Exception {
        Model alignment = RDFDataMgr.loadModel(SharedFolder.require(
                "standards/cpsv-ap-3.2.0/schemaorg-alignment/Alignment-CPSV-AP-3.2.0-schemaorg.ttl").toString());
        Map<String, Set<String>> properties = aligned(alignment, RDFS.subPropertyOf, OWL.equivalentProperty);
        Map<String, Set<String>> classes = aligned(alignment, RDFS.subClassOf, OWL.equivalentClass);
        assertTrue(properties.size() > 30 && classes.size() > 10, properties + " " + classes);

        JsonNode services = http.json("/api/services?perPage=100").path("items");
        assertTrue(services.size() >= 50, "the bundled examples have ~59 services: " + services.size());
        Map<String, Integer> checked = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode item : services) {
            String id = item.path("id").asText();
            String uri = item.path("uri").asText();
            Model cpsv = ModelFactory.createDefaultModel();
            RDFParser.fromString(http.get("/id/service/" + id, "text/turtle").body(), Lang.TURTLE).parse(cpsv);
            Model sdo = schemaOrgAsRdf(id);
            compare(cpsv, sdo, uri, properties, classes, checked, missing);
        }
        System.out.println("SchemaOrgAlignmentTest: aligned CPSV-AP values checked in " + services.size() + " services: " + checked);
        assertEquals(List.of(), missing, "aligned CPSV-AP values without their schema.org counterpart");
        // the bundled examples exercise every aligned property the hub publishes (so this test can fail)
        for (String p : List.of(DCTerms.identifier.getURI(), DCTerms.title.getURI(), DCTerms.description.getURI(),
                "http://www.w3.org/ns/dcat#keyword", DCTerms.language.getURI(), DCTerms.spatial.getURI(),
                DCTerms.audience.getURI(), M8G.hasCompetentAuthority.getURI(), M8G.contactPoint.getURI(),
                M8G.email.getURI(), M8G.telephone.getURI(), M8G.contactPage.getURI(), M8G.hasChannel.getURI(),
                CPSV.produces.getURI(), "http://www.w3.org/2004/02/skos/core#prefLabel", RDF.type.getURI())) {
            assertTrue(checked.getOrDefault(p, 0) > 0, "no bundled service has " + p + "; checked: " + checked);
        }
    }

    /** The service's {@code ?format=schemaorg} as RDF (its context, https://schema.org, read as {@code @vocab}, offline). */
    private Model schemaOrgAsRdf(String id) throws Exception {
        HttpResponse<String> r = http.get("/id/service/" + id + "?format=schemaorg", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        ObjectNode doc = (ObjectNode) TestHttp.JSON.readTree(r.body());
        assertEquals("https://schema.org", doc.path("@context").asText());
        doc.set("@context", TestHttp.JSON.createObjectNode().put("@vocab", SDO));
        Model sdo = ModelFactory.createDefaultModel();
        RDFParser.fromString(doc.toString(), Lang.JSONLD).parse(sdo);
        return sdo;
    }

    private static void compare(Model cpsv, Model sdo, String serviceUri, Map<String, Set<String>> properties,
                                Map<String, Set<String>> classes, Map<String, Integer> checked, List<String> missing) {
        Deque<Resource> todo = new ArrayDeque<>(List.of(cpsv.getResource(serviceUri)));
        Set<Resource> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Resource node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            Resource target = sdo.getResource(node.getURI());
            for (Statement st : node.listProperties().toList()) {
                String p = st.getPredicate().getURI();
                if (st.getPredicate().equals(RDF.type)) {
                    Set<String> types = classes.get(st.getResource().getURI());
                    if (types != null) {
                        checked.merge(p, 1, Integer::sum);
                        if (types.stream().noneMatch(t -> hasType(sdo, target, t))) {
                            missing.add(node + " a " + st.getObject() + ": no @type " + types);
                        }
                    }
                    continue;
                }
                for (String name : properties.getOrDefault(p, Set.of())) {
                    checked.merge(p, 1, Integer::sum);
                    Property q = sdo.createProperty(SDO + name);
                    RDFNode match = counterpart(cpsv, sdo, target, q, st);
                    if (match == null) {
                        missing.add(node + " " + p + " " + st.getObject() + " → no " + name + " with that value; has "
                                + sdo.listObjectsOfProperty(target, q).toList());
                    } else if (match.isURIResource() && sdo.contains(match.asResource(), null)) {
                        todo.push(st.getResource());
                    }
                }
            }
        }
    }

    private static boolean hasType(Model sdo, Resource r, String type) {
        for (String t : SUBCLASSES.getOrDefault(type, Set.of())) {
            if (sdo.contains(r, RDF.type, sdo.getResource(SDO + t))) {
                return true;
            }
        }
        return sdo.contains(r, RDF.type, sdo.getResource(SDO + type));
    }

    /** The value of {@code q} on {@code target} that corresponds to the CPSV-AP statement's object, or null. */
    private static RDFNode counterpart(Model cpsv, Model sdo, Resource target, Property q, Statement st) {
        List<RDFNode> values = sdo.listObjectsOfProperty(target, q).toList();
        RDFNode o = st.getObject();
        if (o.isLiteral()) {
            return values.stream().filter(v -> sameText(v, o.asLiteral())).findFirst().orElse(null);
        }
        if (st.getPredicate().equals(DCTerms.language)) {
            String code = HubIris.languageCodeOf(o.asResource().getURI()).orElseThrow();
            return values.stream().filter(v -> v.isLiteral() && v.asLiteral().getLexicalForm().equals(code)).findFirst().orElse(null);
        }
        if (st.getPredicate().equals(M8G.openingHours)) {
            List<Statement> texts = o.asResource().listProperties(DCTerms.description).toList();
            boolean all = !texts.isEmpty() && texts.stream().allMatch(t -> values.stream().anyMatch(v -> sameText(v, t.getLiteral())));
            return all ? values.get(0) : null;
        }
        return values.stream().filter(v -> v.equals(o)).findFirst().orElse(null);
    }

    private static boolean sameText(RDFNode v, Literal expected) {
        return v.isLiteral() && v.asLiteral().getLexicalForm().equals(expected.getLexicalForm())
                && v.asLiteral().getLanguage().equalsIgnoreCase(expected.getLanguage());
    }
}
