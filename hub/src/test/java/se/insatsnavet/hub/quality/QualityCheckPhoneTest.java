package se.insatsnavet.hub.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quality check reads phone numbers with the parser the import uses, so it does not blame valid ones. */
class QualityCheckPhoneTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final QualityCheck check = new QualityCheck(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));

    private boolean blamed(ObjectNode contact) {
        ObjectNode s = JSON.createObjectNode().put("id", "a.1");
        s.set("contact", contact);
        return check.check(s).path("reasons").toString().contains("contact.phone is not a well-formed number");
    }

    @Test
    void aForeignNumberWithItsE164FormAndSwedishFormsAreNotBlamed() {
        assertFalse(blamed(JSON.createObjectNode().put("phone", "(217) 476-3417").put("phoneE164", "+12174763417")));
        assertFalse(blamed(JSON.createObjectNode().put("phone", "(312) 773-1068 ext. 321").put("phoneE164", "+13127731068")
                .put("phoneExtension", "321")));
        assertFalse(blamed(JSON.createObjectNode().put("phone", "08-123 456 78")));
        assertFalse(blamed(JSON.createObjectNode().put("phone", "+46 (0)8 123 456 78")));
        assertFalse(blamed(JSON.createObjectNode().put("phone", "1177")));
    }

    @Test
    void aNumberNoParserCanReadIsBlamed() {
        assertTrue(blamed(JSON.createObjectNode().put("phone", "ring oss")));
        assertTrue(blamed(JSON.createObjectNode().put("phone", "08-1")));
    }
}
