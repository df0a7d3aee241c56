package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.schema.json.JsonSchemas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small vocabulary: scheme -> lower-case label -> code. */
    private static final Map<String, Map<String, String>> VOCABULARY = Map.of(
            ConceptMatcher.TARGET_GROUP, Map.of("långtidsarbetslösa", "long-term-unemployed", "unga", "young-adults"),
            ConceptMatcher.METHOD, Map.of("supported employment", "supported-employment", "ips", "ips"),
            ConceptMatcher.MUNICIPALITY, Map.of("linköping", "0580", "norrköping", "0581", "åtvidaberg", "0561"),
            ConceptMatcher.COUNTY, Map.of("östergötland", "05"),
            ConceptMatcher.STATUS, Map.of("pågår", "active", "avslutad", "ended"),
            ConceptMatcher.PROVIDER_TYPE, Map.of("kommun", "municipality", "region", "region"));

    private static final ConceptMatcher MATCHER = (scheme, text) ->
            Optional.ofNullable(VOCABULARY.getOrDefault(scheme, Map.of()).get(text.toLowerCase()));

    private static final FederationDescriptor FEDERATION = new FederationDescriptor("centrala-ostergotland",
            Map.of("sv", "Centrala Östergötland"), null, null, null, null, List.of("0580", "0581"), List.of(), null);

    private static RecordMapper mapper(String mappingJson) throws Exception {
        ObjectNode mapping = (ObjectNode) JSON.readTree(mappingJson);
        SourceDescriptor source = new SourceDescriptor("katalog", "file", "insatser.csv", "csv", null, Map.of(), null, mapping);
        return new RecordMapper(FEDERATION, source, MATCHER);
    }

    private static RawRecord row(Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new RawRecord("row 7", fields);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void mapsACsvRecordToACanonicalServiceThatPassesTheServiceSchema() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {
                   "localId": "Id", "title": "Namn", "description": "Beskrivning",
                   "targetGroups": {"path": "Målgrupp", "valueMap": "malgrupp"},
                   "methods": "Metod", "municipalities": {"path": "Kommuner", "split": ","},
                   "regions": "Län", "ageRange.min": "Ålder från", "ageRange.max": {"path": "Ålder till", "type": "integer"},
                   "admission.referralRequired": "Remiss", "admission.criteria": "Krav",
                   "period.start": "Start", "contact.email": "E-post", "provider.name": "Anordnare",
                   "provider.type": "Anordnartyp", "status": "Status", "funding": {"path": "Finansiering", "valueMap": "fin"},
                   "languages": "Språk"},
                 "valueMaps": {"malgrupp": {"Unga vuxna": "young-adults"}, "fin": {"Samordningsförbundet": "finsam"}}}
                """);

        MappingResult result = mapper.map(row("Id", "st-1", "Namn", "Steget vidare", "Beskrivning", "Stöd till arbete.",
                "Målgrupp", "unga vuxna; Långtidsarbetslösa", "Metod", "Supported Employment / IPS",
                "Kommuner", "Linköping, 0581, Linköping", "Län", "Östergötland", "Ålder från", "16", "Ålder till", "29",
                "Remiss", "Ja", "Krav", "Inskriven på AF; Bor i Linköping", "Start", "2024-01-31T08:00:00",
                "E-post", "steget@example.se", "Anordnare", "Linköpings kommun", "Anordnartyp", "Kommun", "Status", "Pågår",
                "Finansiering", "Samordningsförbundet", "Språk", "sv, EN"));

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
        assertEquals("st-1", result.localId());
        assertEquals(json("""
                {"localId": "st-1", "title": {"sv": "Steget vidare"}, "description": {"sv": "Stöd till arbete."},
                 "status": "active", "provider": {"name": {"sv": "Linköpings kommun"}, "type": "municipality"},
                 "targetGroups": ["young-adults", "long-term-unemployed"], "ageRange": {"min": 16, "max": 29},
                 "methods": ["supported-employment", "ips"], "municipalities": ["0580", "0581"], "regions": ["05"],
                 "admission": {"referralRequired": true, "criteria": [{"sv": "Inskriven på AF"}, {"sv": "Bor i Linköping"}]},
                 "period": {"start": "2024-01-31"}, "funding": ["finsam"], "contact": {"email": "steget@example.se"},
                 "languages": ["sv", "en"]}
                """), result.service());
        assertEquals(List.of(), JsonSchemas.service().validate(result.service()));
    }

    @Test
    void valueMapKeysMatchCaseAndDiacriticInsensitivelyBeforeTheConceptMatcher() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {"localId": "id", "title": "namn", "targetGroups": {"path": "grupp", "valueMap": "g"}},
                 "valueMaps": {"g": {"Nyanlända": "newly-arrived", "Unga": "youth-from-value-map", "Övrigt": null}}}
                """);

        MappingResult result = mapper.map(row("id", "a", "namn", "A", "grupp", "NYANLANDA, unga, ovrigt, Långtidsarbetslösa"));

        assertEquals(json("[\"newly-arrived\", \"youth-from-value-map\", \"long-term-unemployed\"]"),
                result.service().get("targetGroups"));
        assertEquals(List.of(), result.warnings(), "a value mapped to null is left out deliberately, without a warning");
    }

    @Test
    void unmatchedValueIsAWarningNamingFieldValueAndRecordAndIsLeftOut() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {"localId": "id", "title": "namn", "targetGroups": "grupp", "municipalities": "kommun"}}
                """);

        MappingResult result = mapper.map(row("id", "a", "namn", "A", "grupp", "Unga / Rymdvarelser", "kommun", "Atlantis"));

        assertEquals(json("[\"young-adults\"]"), result.service().get("targetGroups"));
        assertFalse(result.service().has("municipalities"));
        assertEquals(List.of("targetGroups", "municipalities"), result.warnings().stream().map(RecordMessage::field).toList());
        RecordMessage warning = result.warnings().get(0);
        assertEquals("row 7", warning.locator());
        assertEquals("a", warning.localId());
        assertEquals("Rymdvarelser", warning.value());
        assertTrue(warning.message().contains("target-group"), warning.message());
        assertEquals("Atlantis", result.warnings().get(1).value());
        assertEquals(List.of(), result.errors());
    }

    @Test
    void defaultsFillFieldsTheRecordLacksAndEmptyStringsCountAsAbsent() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {"localId": "id", "title": "namn", "municipalities": "kommun",
                            "description": {"path": "beskrivning", "default": "Beskrivning saknas"},
                            "status": {"path": "status", "default": "planned"}},
                 "defaults": {"municipalities": "$federation.municipalities", "admission.selfReferral": "ja",
                              "status": "active"}}
                """);

        MappingResult result = mapper.map(row("id", "a", "namn", "A", "kommun", "  ", "beskrivning", ""));

        assertEquals(json("""
                {"localId": "a", "title": {"sv": "A"}, "description": {"sv": "Beskrivning saknas"}, "status": "planned",
                 "municipalities": ["0580", "0581"], "admission": {"selfReferral": true}}
                """), result.service());
        assertEquals(List.of(), result.warnings());
        assertEquals(List.of(), result.errors());
    }

    @Test
    void valuesThatCannotBeCoercedAreWarningsNamingFieldAndValueAndAreLeftOut() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {"localId": "id", "title": "namn", "ageRange.min": "alder", "admission.selfReferral": "egen",
                            "period.end": "slut", "capacity.placesPerYear": "platser"}}
                """);

        MappingResult result = mapper.map(row("id", "a", "namn", "A", "alder", "sexton", "egen", "kanske",
                "slut", "31/01/2024", "platser", "2024-02-30"));

        assertFalse(result.hasErrors(), result.errors().toString());
        assertEquals(List.of("ageRange.min=sexton", "admission.selfReferral=kanske", "capacity.placesPerYear=2024-02-30",
                        "period.end=31/01/2024"),
                result.warnings().stream().map(e -> e.field() + "=" + e.value()).toList());
        assertTrue(result.warnings().get(0).message().contains("whole number"), result.warnings().get(0).message());
        assertTrue(result.warnings().get(0).message().endsWith("left out"), result.warnings().get(0).message());
        assertEquals(json("{\"localId\": \"a\", \"title\": {\"sv\": \"A\"}}"), result.service(),
                "the service as far as the mapping got");
    }

    @Test
    void coercesIntegersBooleansAndDatesFromTextAndJsonValues() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {"localId": "id", "title": "namn", "ageRange.min": "min", "ageRange.max": "max",
                            "admission.referralRequired": "remiss", "admission.selfReferral": "egen",
                            "duration.maxMonths": "man", "capacity.placesPerYear": "platser",
                            "period.start": "start", "lastReviewed": "granskad"}}
                """);

        MappingResult result = mapper.map(row("id", 42, "namn", "A", "min", "16", "max", 64.0, "remiss", "x",
                "egen", "NEJ", "man", " 12 ", "platser", "1 200", "start", "2024-01-31", "granskad", "2025-03-01 12:30"));

        assertEquals(List.of(), result.errors());
        assertEquals(json("""
                {"localId": "42", "title": {"sv": "A"}, "ageRange": {"min": 16, "max": 64},
                 "admission": {"referralRequired": true, "selfReferral": false}, "duration": {"maxMonths": 12},
                 "capacity": {"placesPerYear": 1200}, "period": {"start": "2024-01-31"}, "lastReviewed": "2025-03-01"}
                """), result.service());
    }

    @Test
    void recordWithoutLocalIdIsAnError() throws Exception {
        RecordMapper mapper = mapper("{\"fields\": {\"localId\": \"id\", \"title\": \"namn\"}}");

        MappingResult result = mapper.map(row("namn", "Utan id"));

        assertNull(result.localId());
        assertEquals(1, result.errors().size());
        assertEquals("localId", result.errors().get(0).field());
        assertEquals("row 7", result.errors().get(0).locator());
        assertEquals(json("{\"title\": {\"sv\": \"Utan id\"}}"), result.service());
    }

    @Test
    void followsDotPathsIntoNestedJsonAndKeepsLanguageTaggedTexts() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {"localId": "meta.id", "title": "title", "description": {"path": "body", "lang": "en"},
                            "contact.email": "contacts.0.email", "municipalities": {"paths": ["area.main", "area.more"]},
                            "keywords": "tags", "homepage": {"paths": ["links.web", "links.fallback"]}}}
                """);
        RawRecord record = new RawRecord("records[3]", Map.of(
                "meta", Map.of("id", "x-9"),
                "title", Map.of("sv", "Steget", "en", "The step"),
                "body", "Support into work",
                "contacts", List.of(Map.of("email", "a@example.se"), Map.of("email", "b@example.se")),
                "area", Map.of("main", "Linköping", "more", List.of("Norrköping", "0580")),
                "tags", List.of("arbete", "unga", "arbete"),
                "links", Map.of("fallback", "https://example.se")));

        MappingResult result = mapper.map(record);

        assertEquals(List.of(), result.warnings());
        assertEquals("x-9", result.localId());
        assertEquals(json("{\"sv\": \"Steget\", \"en\": \"The step\"}"), result.service().get("title"));
        assertEquals(json("{\"en\": \"Support into work\"}"), result.service().get("description"));
        assertEquals("a@example.se", result.service().path("contact").path("email").asText());
        assertEquals(json("[\"0580\", \"0581\"]"), result.service().get("municipalities"));
        assertEquals(json("[\"arbete\", \"unga\"]"), result.service().get("keywords"));
        assertEquals("https://example.se", result.service().get("homepage").asText());
    }

    @Test
    void itemsOfAJsonArrayAreTakenWholeWhileTextIsSplit() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {"localId": "id", "title": "namn", "keywords": "ord", "admission.criteria": "krav"}}
                """);

        MappingResult array = mapper.map(row("id", "a", "namn", "A", "ord", List.of("Arbete, studier", "a/b"),
                "krav", List.of("Bo i länet; ha remiss")));
        MappingResult text = mapper.map(row("id", "b", "namn", "B", "ord", "Arbete, studier/a"));

        assertEquals(json("[\"Arbete, studier\", \"a/b\"]"), array.service().get("keywords"));
        assertEquals(json("[{\"sv\": \"Bo i länet; ha remiss\"}]"), array.service().path("admission").get("criteria"));
        assertEquals(json("[\"Arbete\", \"studier\", \"a\"]"), text.service().get("keywords"));
    }

    @Test
    void aPhoneIsKeptExactlyAsWritten() throws Exception {
        RecordMapper mapper = mapper("{\"fields\": {\"localId\": \"id\", \"title\": \"namn\", \"contact.phone\": \"tel\"}}");

        for (String phone : List.of("(217) 476-3417", "Tel: 08-123 45", "\"+46 8 123\"", "1-800-LAW-REP-4", "-.08.-")) {
            MappingResult result = mapper.map(row("id", "a", "namn", "A", "tel", phone));
            assertEquals(phone, result.service().path("contact").path("phone").asText());
            assertEquals(List.of(), result.warnings());
        }
    }

    @Test
    void severalValuesForASingleValuedFieldKeepTheFirstAndWarn() throws Exception {
        RecordMapper mapper = mapper("{\"fields\": {\"localId\": \"id\", \"title\": \"namn\", \"contact.phone\": \"tel\"}}");

        MappingResult result = mapper.map(row("id", "a", "namn", "A", "tel", List.of("013-20 00 00", "013-20 00 01")));

        assertEquals("013-20 00 00", result.service().path("contact").path("phone").asText());
        assertEquals(1, result.warnings().size());
        assertEquals("013-20 00 01", result.warnings().get(0).value());
    }

    @Test
    void municipalityCodesAreKeptAndPaddedAndNamesGoThroughTheMatcher() throws Exception {
        RecordMapper mapper = mapper("""
                {"fields": {"localId": "id", "title": "namn", "municipalities": "kommuner", "provider.municipality": "hemkommun"}}
                """);

        MappingResult result = mapper.map(row("id", "a", "namn", "A", "kommuner", "580/Åtvidaberg/0581", "hemkommun", "Linköping"));

        assertEquals(json("[\"0580\", \"0561\", \"0581\"]"), result.service().get("municipalities"));
        assertEquals("0580", result.service().path("provider").path("municipality").asText());
    }

    @Test
    void mapperIsSafeToShareBetweenThreads() throws Exception {
        RecordMapper mapper = mapper("{\"fields\": {\"localId\": \"id\", \"title\": \"namn\", \"targetGroups\": \"grupp\"}}");

        List<MappingResult> results = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> mapper.map(row("id", "id-" + i, "namn", "N" + i, "grupp", i % 2 == 0 ? "Unga" : "Okänd")))
                .toList();

        for (int i = 0; i < results.size(); i++) {
            assertEquals("id-" + i, results.get(i).localId());
            assertEquals(i % 2 == 0 ? 0 : 1, results.get(i).warnings().size());
        }
    }

    @Test
    void mappingThatNamesAnUnknownValueMapOrFieldIsRejectedWhenTheMapperIsBuilt() {
        assertThrows(IllegalArgumentException.class,
                () -> mapper("{\"fields\": {\"localId\": \"id\", \"title\": \"namn\", \"methods\": {\"path\": \"m\", \"valueMap\": \"x\"}}}"));
        assertThrows(IllegalArgumentException.class,
                () -> mapper("{\"fields\": {\"localId\": \"id\", \"title\": \"namn\", \"colour\": \"c\"}}"));
        assertThrows(IllegalArgumentException.class,
                () -> mapper("{\"fields\": {\"localId\": \"id\", \"title\": \"namn\"}, \"defaults\": {\"municipalities\": \"$federation.members\"}}"));
    }
}
