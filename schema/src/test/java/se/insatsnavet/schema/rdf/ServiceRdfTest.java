package se.insatsnavet.schema.rdf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.junit.jupiter.api.Test;
import se.insatsnavet.schema.ShaclCheck;
import se.insatsnavet.schema.Shapes;
import se.insatsnavet.schema.TestSupport;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.LOCN;
import se.insatsnavet.schema.vocab.M8G;

import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceRdfTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HubIris IRIS = HubIris.defaults();
    private static final ServiceContext CTX =
            new ServiceContext(IRIS, "ostra", "catalogue", 7, Instant.parse("2025-06-01T10:15:30Z"));
    private static final String SERVICE = IRIS.service("ostra.ins-2024-007");

    private final ServiceRdf rdf = ServiceRdf.of(IRIS);

    static ObjectNode fullService() throws Exception {
        try (InputStream in = ServiceRdfTest.class.getResourceAsStream("full-service.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    static ObjectNode minimalService() throws Exception {
        return (ObjectNode) JSON.readTree("""
                { "localId": "min-1",
                  "title": { "sv": "Minsta insatsen" },
                  "description": { "sv": "Beskrivning." },
                  "status": "planned",
                  "provider": { "name": { "sv": "Samordningsförbundet Östra Östergötland" } },
                  "municipalities": ["0580"] }""");
    }

    @Test
    void theFullExampleIsAValidCanonicalServiceUsingEveryField() throws Exception {
        ObjectNode s = fullService();
        assertEquals(java.util.List.of(), JsonSchemas.service().validate(s));
        ObjectNode schema;
        try (InputStream in = JsonSchemas.class.getResourceAsStream(JsonSchemas.SERVICE_RESOURCE)) {
            schema = (ObjectNode) JSON.readTree(in);
        }
        Set<String> missing = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(f -> {
            if (!s.has(f)) {
                missing.add(f);
            }
        });
        for (String obj : new String[] {"provider", "ageRange", "admission", "duration", "capacity", "period", "contact"}) {
            schema.get("properties").get(obj).get("properties").fieldNames().forEachRemaining(f -> {
                if (!s.get(obj).has(f)) {
                    missing.add(obj + "." + f);
                }
            });
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void aServiceSurvivesTheRoundTripThroughRdf() throws Exception {
        ObjectNode in = fullService();
        Model m = rdf.toRdf(in, CTX);
        assertEquals(in, rdf.fromRdf(m, SERVICE), () -> turtle(m));
    }

    @Test
    void aServiceSurvivesTheRoundTripThroughTurtleText() throws Exception {
        ObjectNode in = fullService();
        Model parsed = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle(rdf.toRdf(in, CTX)), Lang.TURTLE).parse(parsed);
        assertEquals(in, rdf.fromRdf(parsed, SERVICE));
    }

    @Test
    void thePhoneIsPublishedAsWrittenBesideItsTelIri() throws Exception {
        Model m = rdf.toRdf(fullService(), CTX);
        Resource contact = m.createResource(IRIS.serviceFragment("ostra.ins-2024-007", "contact"));
        assertEquals("+46 13 20 00 00 ankn. 12", contact.getProperty(M8G.telephone).getString());
        assertEquals("tel:+46132000000;ext=12", contact.getPropertyResourceValue(VCARD4.hasTelephone).getURI());
    }

    @Test
    void aMinimalServiceSurvivesTheRoundTrip() throws Exception {
        ObjectNode in = minimalService();
        assertEquals(in, rdf.fromRdf(rdf.toRdf(in, CTX), IRIS.service("ostra.min-1")));
    }

    @Test
    void setValuedArraysComeBackSortedAndAMissingStatusAsActive() throws Exception {
        ObjectNode in = minimalService();
        in.remove("status");
        in.putArray("methods").add("work-training").add("assessment");
        ObjectNode out = rdf.fromRdf(rdf.toRdf(in, CTX), IRIS.service("ostra.min-1"));
        assertEquals("active", out.get("status").asText());
        assertEquals("[\"assessment\",\"work-training\"]", out.get("methods").toString());
    }

    @Test
    void theServiceAndItsPartsAreIdentifiedByIrisUnderTheServiceIri() throws Exception {
        Model m = rdf.toRdf(fullService(), CTX);
        Iterator<Statement> it = m.listStatements();
        while (it.hasNext()) {
            Statement st = it.next();
            assertFalse(st.getSubject().isAnon(), st.toString());
            assertFalse(st.getObject().isAnon(), st.toString());
        }
        for (String frag : new String[] {"contact", "criterion-1", "criterion-2", "criterion-3", "channel-apply",
                "period", "output", "opening-hours"}) {
            assertTrue(m.containsResource(m.createResource(IRIS.serviceFragment("ostra.ins-2024-007", frag))), frag);
        }
        // everything the service owns hangs off IRIs prefixed by the service IRI
        Resource s = m.createResource(SERVICE);
        for (var p : new org.apache.jena.rdf.model.Property[] {M8G.contactPoint, M8G.holdsRequirement, M8G.hasChannel,
                CPSV.produces, DCTerms.temporal}) {
            s.listProperties(p).forEachRemaining(st -> assertTrue(st.getResource().getURI().startsWith(SERVICE + "#")));
        }
    }

    @Test
    void codeListObjectsCarryTheirTypesAndLabels() throws Exception {
        Model m = rdf.toRdf(fullService(), CTX);
        Resource tg = m.createResource(IRIS.concept("target-group", "income-support"));
        assertTrue(tg.hasProperty(RDF.type, SKOS.Concept));
        assertTrue(tg.hasProperty(SKOS.prefLabel, m.createLiteral("Personer med försörjningsstöd", "sv")));
        assertTrue(tg.hasProperty(SKOS.inScheme, m.createResource(IRIS.scheme("target-group"))));
        Resource place = m.createResource(IRIS.municipality("0580"));
        assertTrue(place.hasProperty(RDF.type, DCTerms.Location));
        assertTrue(place.hasProperty(SKOS.prefLabel, m.createLiteral("Linköpings kommun", "sv")));
        assertTrue(m.createResource(SERVICE).hasProperty(ADMS.status, m.createResource(IRIS.concept("status", "active"))));
        Resource org = m.createResource(IRIS.organisation("linkopings-kommun"));
        assertTrue(org.hasProperty(RDF.type, M8G.PublicOrganisation));
        assertTrue(org.hasProperty(DCTerms.type, m.createResource(IRIS.concept("provider-type", "municipality"))));
        Resource run = m.createResource(IRIS.importRun("ostra", 7));
        assertTrue(m.createResource(SERVICE).hasProperty(se.insatsnavet.schema.vocab.PROV.wasGeneratedBy, run));
        assertTrue(m.createResource(SERVICE).hasProperty(INSV.federation, "ostra"));
    }

    @Test
    void anOrganisationWithoutMunicipalityIsPlacedInTheServicesCounties() throws Exception {
        Model m = rdf.toRdf(minimalService(), CTX);
        Resource org = m.createResource(IRIS.organisation("samordningsforbundet-ostra-ostergotland"));
        assertTrue(org.hasProperty(DCTerms.spatial, m.createResource(IRIS.county("05"))));
        assertFalse(org.hasProperty(DCTerms.identifier));
    }

    @Test
    void aServiceOfferedOnlyAbroadKeepsItsNamedPlaceAndConformsToTheShapes() throws Exception {
        ObjectNode abroad = minimalService();
        abroad.remove("municipalities");
        abroad.putArray("areas").addObject().put("name", "MyCity");
        Model m = rdf.toRdf(abroad, CTX);
        String service = IRIS.service("ostra.min-1");
        Resource area = m.createResource(service + "#area-1");
        assertTrue(m.createResource(service).hasProperty(DCTerms.spatial, area));
        assertTrue(area.hasProperty(LOCN.geographicName, "MyCity"));
        assertEquals(abroad, rdf.fromRdf(m, service));
        ShaclCheck.Result r = ShaclCheck.validate(m, Shapes.hub());
        assertTrue(r.conforms(), () -> r + "\n" + turtle(m));
    }

    @Test
    void theSourcesIdsAndCostsAreAdmsIdentifiersAndCvCosts() throws Exception {
        Model m = rdf.toRdf(fullService(), CTX);
        Resource id = m.createResource(SERVICE + "#identifier-1");
        assertTrue(m.createResource(SERVICE).hasProperty(ADMS.identifier, id));
        assertTrue(id.hasProperty(SKOS.notation, "steg-1"));
        Resource cost = m.createResource(SERVICE + "#cost-2");
        assertTrue(m.createResource(SERVICE).hasProperty(M8G.hasCost, cost));
        assertEquals("150.5", cost.getProperty(M8G.hasValue).getLiteral().getLexicalForm());
    }

    @Test
    void aConvertedServiceConformsToTheHubShapes() throws Exception {
        for (ObjectNode s : new ObjectNode[] {fullService(), minimalService()}) {
            Model m = rdf.toRdf(s, CTX);
            ShaclCheck.Result r = ShaclCheck.validate(m, Shapes.hub());
            assertTrue(r.conforms(), () -> r + "\n" + turtle(m));
        }
    }

    @Test
    void aConvertedServiceConformsToOfficialCpsvApShapes() throws Exception {
        var shapes = Shapes.cpsvAp(TestSupport.cpsvApOrSkip());
        for (ObjectNode s : new ObjectNode[] {fullService(), minimalService()}) {
            Model m = rdf.toRdf(s, CTX);
            ShaclCheck.Result r = ShaclCheck.validate(m, shapes);
            assertTrue(r.conforms(), () -> r + "\n" + turtle(m));
        }
    }

    @Test
    void aConvertedServiceUnderAnotherBaseConformsToThatBasesShapes() throws Exception {
        HubIris other = HubIris.of("https://insatsnavet.example.se/");
        ServiceContext ctx = new ServiceContext(other, "ostra", "catalogue", 1, Instant.EPOCH);
        Model m = ServiceRdf.of(other).toRdf(fullService(), ctx);
        assertTrue(ShaclCheck.validate(m, Shapes.hub(other)).conforms());
        assertFalse(ShaclCheck.validate(m, Shapes.hub()).conforms(), "default-base shapes must reject other-base concepts");
    }

    @Test
    void theHubShapesRejectUnknownConceptsMissingAuthorityAndMissingSwedishTitle() throws Exception {
        ObjectNode unknown = minimalService();
        unknown.putArray("targetGroups").add("unicorns");
        ShaclCheck.Result r1 = ShaclCheck.validate(rdf.toRdf(unknown, CTX), Shapes.hub());
        assertFalse(r1.conforms());
        assertTrue(r1.messages().stream().anyMatch(msg -> msg.contains("targetGroup")), r1.toString());

        ObjectNode noProvider = minimalService();
        noProvider.remove("provider");
        ShaclCheck.Result r2 = ShaclCheck.validate(rdf.toRdf(noProvider, CTX), Shapes.hub());
        assertFalse(r2.conforms());
        assertTrue(r2.messages().stream().anyMatch(msg -> msg.contains("competent authority")), r2.toString());

        ObjectNode english = minimalService();
        english.set("title", JSON.createObjectNode().put("en", "English only"));
        ShaclCheck.Result r3 = ShaclCheck.validate(rdf.toRdf(english, CTX), Shapes.hub());
        assertTrue(r3.conforms(), "a title in another language is enough (the import warns): " + r3);

        ObjectNode nowhere = minimalService();
        nowhere.remove("municipalities");
        assertFalse(ShaclCheck.validate(rdf.toRdf(nowhere, CTX), Shapes.hub()).conforms());
    }

    @Test
    void fromRdfReadsOneServiceOutOfAGraphWithSeveral() throws Exception {
        Model graph = ModelFactory.createDefaultModel();
        graph.add(rdf.toRdf(fullService(), CTX));
        graph.add(rdf.toRdf(minimalService(), CTX));
        assertEquals(fullService(), rdf.fromRdf(graph, SERVICE));
        assertEquals(minimalService(), rdf.fromRdf(graph, IRIS.service("ostra.min-1")));
        assertThrows(IllegalArgumentException.class, () -> rdf.fromRdf(graph, IRIS.service("ostra.none")));
    }

    @Test
    void aContextWithOtherIrisIsRefused() throws Exception {
        ServiceContext other = new ServiceContext(HubIris.of("https://x.example/"), "ostra", "s", 1, Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> rdf.toRdf(minimalService(), other));
    }

    static String turtle(Model m) {
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, m, Lang.TURTLE);
        return w.toString();
    }

}
