package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a valid record leaves for the next run to skip it: its raw hash, and its warnings as kept. */
class ValidRecordsTest {

    private static Mapping.Mapped record(String localId) {
        return new Mapping.Mapped("row 2", localId, JsonNodeFactory.instance.objectNode().put("localId", localId));
    }

    @Test
    void aRecordKeepsItsRawHashAndItsWarningsWithoutWhereTheyWereRead() {
        ValidRecords valid = new ValidRecords();
        RunMessage warning = RunMessage.warning("row 2", "a1", "contact.phone", "123", "Not a phone number");
        valid.add(record("a1"), "raw-a1", List.of(warning));
        assertEquals("raw-a1", valid.rawHash("a1"));
        assertEquals(List.of(RunMessage.warning(null, "a1", "contact.phone", "123", "Not a phone number")),
                RecordWarnings.read("a1", valid.warnings("a1")));
    }

    @Test
    void aRecordWithoutWarningsKeepsNone() {
        ValidRecords valid = new ValidRecords();
        valid.add(record("a1"), "raw-a1", List.of());
        assertEquals("raw-a1", valid.rawHash("a1"));
        assertNull(valid.warnings("a1"));
    }

    @Test
    void warningsTooLongToKeepLeaveNoRawHashSoTheRecordIsMappedAgain() {
        ValidRecords valid = new ValidRecords();
        String value = "x".repeat(RecordWarnings.MAX_CHARS);
        valid.add(record("a1"), "raw-a1", List.of(RunMessage.warning("row 2", "a1", "description", value, "Too long")));
        assertNull(valid.rawHash("a1"));
        assertNull(valid.warnings("a1"));
        assertEquals(1, valid.services().size(), "the record itself is still valid");
    }
}
