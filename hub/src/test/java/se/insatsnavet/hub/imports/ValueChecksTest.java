package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode service(String extra) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"localId": "s1", "title": {"en": "Legal aid"}, "description": {"en": "Free advice."},
                 "municipalities": ["0580"]%s}""".formatted(extra));
    }

    private static List<String> fieldsAndValues(List<RunMessage> messages) {
        return messages.stream().map(m -> m.field() + "=" + m.value()).toList();
    }

    @Test
    void formatProblemsInOptionalFieldsAreOneWarningEachAndTheValueIsLeftOut() throws Exception {
        ObjectNode s = service("""
                , "contact": {"email": "info(at)example.org", "url": "www.example.org", "name": "Desk"},
                  "homepage": "example .org", "lastReviewed": "2024-13-45", "ageRange": {"min": -1, "max": 30},
                  "languages": ["en", "English", "es"]""");

        ValueChecks.Outcome outcome = ValueChecks.check("row 3", "s1", s, "US");

        assertFalse(outcome.rejected(), outcome.errors().toString());
        assertEquals(List.of("ageRange.min=-1", "contact.email=info(at)example.org", "contact.url=www.example.org",
                        "homepage=example .org", "languages[1]=English", "lastReviewed=2024-13-45"),
                fieldsAndValues(outcome.warnings()).stream().sorted().toList(), outcome.warnings().toString());
        RunMessage email = outcome.warnings().stream().filter(w -> w.field().equals("contact.email")).findFirst().orElseThrow();
        assertEquals("not an e-mail address; left out, the service is published without it", email.message());
        assertEquals("row 3", email.locator());
        assertEquals("s1", email.localId());
        assertEquals(RunMessage.WARNING, email.level());
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.message().startsWith("not an ISO 639 language code")),
                outcome.warnings().toString());
        assertEquals(JSON.readTree("""
                {"localId": "s1", "title": {"en": "Legal aid"}, "description": {"en": "Free advice."},
                 "municipalities": ["0580"], "contact": {"name": "Desk"}, "ageRange": {"max": 30},
                 "languages": ["en", "es"]}"""), s);
    }

    @Test
    void aPhoneIsNeverAReasonToRejectAndItsMeaningIsDerived() throws Exception {
        ObjectNode valid = service(", \"contact\": {\"phone\": \"(312) 773-1068 ext. 321\"}");
        ValueChecks.Outcome ok = ValueChecks.check("row 1", "s1", valid, "US");
        assertEquals(List.of(), ok.errors());
        assertEquals(List.of(), ok.warnings());
        assertEquals("(312) 773-1068 ext. 321", valid.path("contact").path("phone").asText());
        assertEquals("+13127731068", valid.path("contact").path("phoneE164").asText());
        assertEquals("321", valid.path("contact").path("phoneExtension").asText());

        ObjectNode odd = service(", \"contact\": {\"phone\": \"ring växeln och fråga efter Anna\"}");
        ValueChecks.Outcome warned = ValueChecks.check("row 2", "s1", odd, null);
        assertEquals(List.of(), warned.errors());
        assertEquals(List.of("contact.phone=ring växeln och fråga efter Anna"), fieldsAndValues(warned.warnings()));
        assertTrue(warned.warnings().get(0).message().contains("published as written"), warned.warnings().toString());
        assertEquals("ring växeln och fråga efter Anna", odd.path("contact").path("phone").asText());
    }

    @Test
    void aRecordWithoutTitleOrWithAnUnknownStatusIsRejected() throws Exception {
        ObjectNode noTitle = service("");
        noTitle.remove("title");
        ValueChecks.Outcome outcome = ValueChecks.check("row 4", "s1", noTitle, null);
        assertTrue(outcome.rejected());
        assertEquals(List.of("title=null"), fieldsAndValues(outcome.errors()));

        ValueChecks.Outcome status = ValueChecks.check("row 5", "s1", service(", \"status\": \"closed\""), null);
        assertEquals(List.of("status=closed"), fieldsAndValues(status.errors()), "a wrong status must not read as active");
    }

    @Test
    void theFormatAndPatternMessagesOfOneBadValueBecomeOneMessage() throws Exception {
        ObjectNode s = service(", \"homepage\": \"not a url\", \"status\": \"closed\"");
        List<SchemaProblem> problems = JsonSchemas.service().validate(s);
        assertTrue(problems.stream().filter(p -> p.field().equals("homepage")).count() >= 2,
                "the validator reports the homepage more than once: " + problems);

        assertEquals(1, ValueChecks.distinct(problems).values().stream().filter(p -> p.field().equals("homepage")).count());
    }

    @Test
    void anInvertedAgeRangeOrPeriodIsAWarningInsteadOfARejectionByTheShapes() throws Exception {
        ObjectNode s = service(", \"ageRange\": {\"min\": 64, \"max\": 16}, \"period\": {\"start\": \"2025-06-01\", \"end\": \"2024-01-01\"}");

        ValueChecks.Outcome outcome = ValueChecks.check("row 7", "s1", s, null);

        assertFalse(outcome.rejected(), outcome.errors().toString());
        assertEquals(List.of("ageRange={\"min\":64,\"max\":16}", "period={\"start\":\"2025-06-01\",\"end\":\"2024-01-01\"}"),
                fieldsAndValues(outcome.warnings()));
        assertFalse(s.has("ageRange"));
        assertFalse(s.has("period"));
    }

    @Test
    void anOptionalObjectEmptiedByLeavingOutGoesToo() throws Exception {
        ObjectNode s = service(", \"contact\": {\"email\": \"nope\"}, \"keywords\": [\"" + "x".repeat(300) + "\"]");

        ValueChecks.Outcome outcome = ValueChecks.check("row 6", "s1", s, null);

        assertFalse(outcome.rejected(), outcome.errors().toString());
        assertFalse(s.has("contact"), s.toString());
        assertFalse(s.has("keywords"), s.toString());
        assertEquals(2, outcome.warnings().size(), outcome.warnings().toString());
    }
}
