package se.insatsnavet.hub.linkeddata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema.org JSON-LD of services of my own making: languages, providers' kinds, contact points, outputs. */
class SchemaOrgTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HubIris IRIS = HubIris.of("https://hub.example/");
    private static final ServiceRdf RDF = ServiceRdf.of(IRIS);

    private static ObjectNode schemaOrg(String canonical) throws Exception {
        ObjectNode service = (ObjectNode) JSON.readTree(canonical);
        var model = RDF.toRdf(service, new ServiceContext(IRIS, "testforbund", "src", 1, Instant.parse("2026-01-01T00:00:00Z")));
        return SchemaOrg.of(model, IRIS.service(HubIris.serviceId("testforbund", service.path("localId").asText())));
    }

    private static List<String> values(JsonNode v) {
        List<String> out = new ArrayList<>();
        (v.isArray() ? v : JSON.createArrayNode().add(v)).forEach(x -> out.add(x.isObject()
                ? x.path("@value").asText() + "@" + x.path("@language").asText() : x.asText()));
        return out;
    }

    @Test
    void bothLanguagesOfTitleAndDescriptionAreKeptWithTheirLanguage() throws Exception {
        ObjectNode o = schemaOrg("""
                {"localId": "a1", "title": {"sv": "Jobbspår", "en": "Job track"},
                 "description": {"en": "Support to work.", "sv": "Stöd till arbete."}, "municipalities": ["1980"]}""");
        assertEquals(List.of("Jobbspår@sv", "Job track@en"), values(o.path("name")));
        assertEquals(List.of("Stöd till arbete.@sv", "Support to work.@en"), values(o.path("description")));
        assertEquals("testforbund.a1", o.path("identifier").asText());
        assertEquals("GovernmentService", o.path("@type").asText());
    }

    @Test
    void inLanguageNamesEveryLanguageOfTheRecordAndIsLeftOutWhenItNamesNone() throws Exception {
        ObjectNode two = schemaOrg("""
                {"localId": "a2", "title": {"sv": "Språkstöd"}, "languages": ["en", "sv", "ar"], "municipalities": ["1980"]}""");
        assertEquals(List.of("sv", "ar", "en"), values(two.path("inLanguage")));
        ObjectNode none = schemaOrg("""
                {"localId": "a3", "title": {"sv": "Utan språk"}, "municipalities": ["1980"]}""");
        assertFalse(none.has("inLanguage"), none.toString());
    }

    @Test
    void aProviderIsTypedByItsKind() throws Exception {
        for (String[] kind : new String[][] {{"civil-society", "NGO"}, {"municipality", "GovernmentOrganization"},
                {"federation", "GovernmentOrganization"}, {"employer", "Organization"}, {"other", "Organization"}}) {
            ObjectNode o = schemaOrg("""
                    {"localId": "p-%s", "title": {"sv": "Insats"}, "municipalities": ["0180"],
                     "provider": {"id": "anordnare-%s", "name": {"sv": "Anordnaren", "en": "The provider"}, "type": "%s"}}"""
                    .formatted(kind[0], kind[0], kind[0]));
            JsonNode provider = o.path("provider");
            assertEquals(kind[1], provider.path("@type").asText(), kind[0]);
            assertEquals("https://hub.example/id/organisation/anordnare-" + kind[0], provider.path("@id").asText());
            assertEquals(List.of("Anordnaren@sv", "The provider@en"), values(provider.path("name")));
            assertEquals("anordnare-" + kind[0], provider.path("identifier").asText());
        }
        assertEquals("Organization", SchemaOrg.organisationType(null));
    }

    @Test
    void contactPointKeywordsOutputAndChannelArePublished() throws Exception {
        ObjectNode o = schemaOrg("""
                {"localId": "c1", "title": {"sv": "Kontakt"}, "municipalities": ["0580"], "keywords": ["arbete", "studier"],
                 "contact": {"name": "Mottagningen", "email": "a@b.se", "phone": "013-12 34 56",
                             "url": "https://b.se/kontakt", "openingHours": "Vardagar 8–16"},
                 "output": {"sv": "En plan", "en": "A plan"},
                 "admission": {"howToApply": {"sv": "Ring oss."}},
                 "ageRange": {"min": 16, "max": 29}, "targetGroups": ["young-adults"]}""");
        String service = "https://hub.example/id/service/testforbund.c1";
        JsonNode cp = o.path("contactPoint");
        assertEquals(service + "#contact", cp.path("@id").asText());
        assertEquals("ContactPoint", cp.path("@type").asText());
        assertEquals("a@b.se", cp.path("email").asText());
        assertEquals("013-12 34 56", cp.path("telephone").asText());
        assertEquals("https://b.se/kontakt", cp.path("mainEntityOfPage").path("@id").asText());
        assertEquals(List.of("Vardagar 8–16@sv"), values(cp.path("openingHours")));
        assertEquals(List.of("arbete@sv", "studier@sv"), values(o.path("keywords")));
        JsonNode output = o.path("serviceOutput");
        assertEquals(service + "#output", output.path("@id").asText());
        assertEquals(List.of("En plan@sv", "A plan@en"), values(output.path("description")));
        assertTrue(values(o.path("availableChannel")).size() >= 1);
        JsonNode apply = o.path("availableChannel").get(0);
        assertEquals(service + "#channel-apply", apply.path("@id").asText());
        assertEquals(List.of("Ring oss.@sv"), values(apply.path("description")));
        assertEquals("https://b.se/kontakt", o.path("availableChannel").get(1).path("serviceUrl").asText());
        JsonNode audience = o.path("audience");
        assertEquals("https://hub.example/id/concept/target-group/young-adults", audience.get(0).path("@id").asText());
        assertEquals(16, audience.get(1).path("suggestedMinAge").asInt());
        assertEquals(29, audience.get(1).path("suggestedMaxAge").asInt());
        JsonNode area = o.path("areaServed");
        assertEquals("https://hub.example/id/place/municipality/0580", area.path("@id").asText());
        assertEquals("0580", area.path("identifier").asText());
    }

    @Test
    void aScriptElementCannotBeClosedByAValue() throws Exception {
        ObjectNode o = schemaOrg("""
                {"localId": "x1", "title": {"sv": "</script><script>alert(1)</script><!--"}, "municipalities": ["1980"]}""");
        String script = SchemaOrg.forScriptElement(o);
        assertFalse(script.contains("</"), script);
        assertFalse(script.contains("<!--"), script);
        assertEquals("</script><script>alert(1)</script><!--", JSON.readTree(script).path("name").path("@value").asText());
    }
}
