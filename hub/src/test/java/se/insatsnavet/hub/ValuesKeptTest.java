package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.VCARD4;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.hsds.HsdsIds;
import se.insatsnavet.hub.imports.RunMessage;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.schema.vocab.M8G;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a source says comes out as the source said it: every string field of the canonical service, filled
 * with values that start and end with brackets, quotes, dashes and dots, carry {@code ext.} suffixes, letters in
 * numbers, non-Latin scripts and emoji, is byte-identical in canonical JSON, in Turtle and in
 * {@code /hsds/services/{id}}; phone numbers of a US catalogue (region US) keep their written form beside their
 * E.164 form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuesKeptTest {

    /** Source column → canonical field, for every free-text field of the canonical service. */
    private static final Map<String, String> TEXT_FIELDS = new LinkedHashMap<>();

    static {
        TEXT_FIELDS.put("name", "title");
        TEXT_FIELDS.put("description", "description");
        TEXT_FIELDS.put("org", "provider.name");
        TEXT_FIELDS.put("apply", "admission.howToApply");
        TEXT_FIELDS.put("durationText", "duration.text");
        TEXT_FIELDS.put("capacityText", "capacity.text");
        TEXT_FIELDS.put("output", "output");
        TEXT_FIELDS.put("contactName", "contact.name");
        TEXT_FIELDS.put("hours", "contact.openingHours");
    }

    private static final String[] LEADING = {"(", "\"", "-", ".", "'", "[", "«", "“", "–", "…"};
    private static final String[] TRAILING = {")", "\"", "-", ".", "'", "]", "»", "”", "–", "…"};
    private static final Map<String, String> PHONES = Map.of(
            "v1", "(217) 476-3417",
            "v2", "(312) 773-1068 ext. 321",
            "v3", "1-800-LAW-REP-4",
            "v4", "618.594.6615",
            "v5", "ring oss 🙂");
    private static final String EMAIL = "o'brien+hjälp@example.org";
    private static final String URL = "https://example.org/a_(b)/c-.d?x=1&y=%C3%B6#frag";

    @TempDir
    static Path data;
    @TempDir
    static Path federations;
    Hub hub;
    TestHttp http;
    RunReport run;

    /** A messy value: the i-th leading and trailing character, an ext. suffix, letters in a number, scripts, emoji. */
    static String messy(String record, int i) {
        return LEADING[i % LEADING.length] + "Råd (" + record + ") \"citat\" – 'x' ext. 321 1-800-LAW-REP-4 Ελληνικά 中文 "
                + "العربية עברית 🙂👍🏽 tab\there" + TRAILING[i % TRAILING.length];
    }

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("varden"));
        ArrayNode records = TestHttp.JSON.createArrayNode();
        for (String id : List.of("v1", "v2", "v3", "v4", "v5")) {
            ObjectNode r = records.addObject().put("id", id);
            int i = 0;
            for (String column : TEXT_FIELDS.keySet()) {
                r.put(column, messy(id, i++));
            }
            r.putArray("keywords").add(messy(id, i++)).add("-" + id + ".");
            r.putArray("criteria").add(messy(id, i));
            r.put("phone", PHONES.get(id)).put("email", EMAIL).put("url", URL).put("home", URL);
        }
        Files.writeString(dir.resolve("services.json"), records.toPrettyString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "varden", "name": {"sv": "Värden förbund", "en": "Legal aid network"}, "municipalities": ["0180"],
                 "sources": [{"id": "katalog", "kind": "file", "location": "services.json", "format": "json",
                   "region": "US",
                   "mapping": {"fields": {"localId": "id", "title": "name", "description": "description", "provider.name": "org",
                     "admission.howToApply": "apply", "duration.text": "durationText", "capacity.text": "capacityText",
                     "output": "output", "contact.name": "contactName", "contact.openingHours": "hours",
                     "keywords": "keywords", "admission.criteria": "criteria", "contact.phone": "phone",
                     "contact.email": "email", "contact.url": "url", "homepage": "home"},
                     "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        List<RunReport> runs = hub.syncNow("varden", "test");
        assertEquals(1, runs.size());
        run = runs.get(0);
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    /** The expected value of a canonical text field of a record. */
    private static Map<String, String> expectedTexts(String id) {
        Map<String, String> expected = new LinkedHashMap<>();
        int i = 0;
        for (String field : TEXT_FIELDS.values()) {
            expected.put(field, messy(id, i++));
        }
        return expected;
    }

    @Test
    void everyServiceIsPublishedAndOnlyTheUnreadablePhoneIsAWarning() {
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(5, run.counts().added(), run.toString());
        assertEquals(0, run.counts().rejected(), run.toString());
        List<RunMessage> warnings = run.messages().stream().filter(m -> m.level().equals(RunMessage.WARNING))
                .filter(m -> !"title".equals(m.field())).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("v5", warnings.get(0).localId());
        assertEquals("contact.phone", warnings.get(0).field());
        assertEquals("ring oss 🙂", warnings.get(0).value());
    }

    @Test
    void everyStringFieldIsByteIdenticalInCanonicalJson() {
        for (String id : PHONES.keySet()) {
            JsonNode s = http.json("/id/service/varden." + id + "?format=json");
            expectedTexts(id).forEach((field, value) -> {
                JsonNode node = s.at("/" + field.replace('.', '/'));
                String actual = node.isObject() ? node.path("sv").asText() : node.asText();
                assertEquals(value, actual, id + " " + field + " in " + s);
            });
            assertEquals(Set.of(messy(id, TEXT_FIELDS.size()), "-" + id + "."), set(s.path("keywords")), s.toString());
            assertEquals(messy(id, TEXT_FIELDS.size() + 1), s.path("admission").path("criteria").get(0).path("sv").asText());
            assertEquals(PHONES.get(id), s.path("contact").path("phone").asText());
            assertEquals(EMAIL, s.path("contact").path("email").asText());
            assertEquals(URL, s.path("contact").path("url").asText());
            assertEquals(URL, s.path("homepage").asText());
        }
    }

    @Test
    void phonesKeepTheirWrittenFormBesideTheirE164Form() {
        Map<String, String> e164 = Map.of("v1", "+12174763417", "v2", "+13127731068", "v3", "+18005297374", "v4", "+16185946615");
        for (String id : PHONES.keySet()) {
            JsonNode contact = http.json("/id/service/varden." + id + "?format=json").path("contact");
            assertEquals(e164.getOrDefault(id, ""), contact.path("phoneE164").asText(""), contact.toString());
            assertEquals(id.equals("v2") ? "321" : "", contact.path("phoneExtension").asText(""), contact.toString());
        }
    }

    @Test
    void everyStringFieldIsByteIdenticalInTurtleAndThePhoneHasItsTelIri() {
        for (String id : PHONES.keySet()) {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(http.get("/id/service/varden." + id + "?format=ttl", null).body(), Lang.TURTLE).parse(m);
            Set<String> literals = new HashSet<>();
            m.listObjects().forEachRemaining(o -> {
                if (o.isLiteral()) {
                    literals.add(o.asLiteral().getLexicalForm());
                }
            });
            for (String value : expectedTexts(id).values()) {
                assertTrue(literals.contains(value), id + ": " + value + " in " + literals);
            }
            assertTrue(literals.contains(messy(id, TEXT_FIELDS.size())), id + " keyword");
            assertTrue(literals.contains(messy(id, TEXT_FIELDS.size() + 1)), id + " criterion");
            assertTrue(literals.contains(EMAIL), id + " email");
            Resource contact = m.listSubjectsWithProperty(M8G.telephone).next();
            assertEquals(PHONES.get(id), contact.getProperty(M8G.telephone).getString());
            if (id.equals("v2")) {
                assertEquals("tel:+13127731068;ext=321", contact.getPropertyResourceValue(VCARD4.hasTelephone).getURI());
            }
            if (id.equals("v5")) {
                assertFalse(contact.hasProperty(VCARD4.hasTelephone), "no tel: IRI for an unreadable number");
            }
        }
    }

    @Test
    void everyStringFieldIsByteIdenticalInHsds() {
        for (JsonNode item : http.json("/api/services?federation=varden&perPage=10").path("items")) {
            String id = item.path("id").asText().substring("varden.".length());
            JsonNode h = http.json("/hsds/services/" + HsdsIds.of(item.path("uri").asText()));
            Map<String, String> texts = expectedTexts(id);
            assertEquals(texts.get("title"), h.path("name").asText(), h.toString());
            assertEquals(texts.get("description"), h.path("description").asText());
            assertEquals(texts.get("provider.name"), h.path("organization").path("name").asText());
            assertEquals(texts.get("admission.howToApply"), h.path("application_process").asText());
            assertEquals(texts.get("contact.name"), h.path("contacts").get(0).path("name").asText());
            assertEquals(texts.get("contact.openingHours"), h.path("schedules").get(0).path("description").asText());
            assertEquals(messy(id, TEXT_FIELDS.size() + 1), h.path("eligibility_description").asText());
            assertEquals(EMAIL, h.path("email").asText());
            assertEquals(URL, h.path("url").asText());
            JsonNode phone = h.path("phones").get(0);
            if (id.equals("v2")) {
                assertEquals("(312) 773-1068", phone.path("number").asText(), phone.toString());
                assertEquals(321, phone.path("extension").asInt(), phone.toString());
            } else {
                assertEquals(PHONES.get(id), phone.path("number").asText(), phone.toString());
                assertFalse(phone.has("extension"), phone.toString());
            }
            assertEquals(phone.path("number"), h.path("contacts").get(0).path("phones").get(0).path("number"));
        }
    }

    private static Set<String> set(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
