package se.insatsnavet.hub.duplicates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Phone numbers are compared by what the import read them as, not by every digit of their written form. */
class PhoneFingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceFingerprint withContact(String id, ObjectNode contact) {
        ObjectNode item = JSON.createObjectNode().put("id", id).put("federation", id.substring(0, id.indexOf('.')));
        item.putObject("title").put("sv", "Juridisk rådgivning");
        item.set("contact", contact);
        return ServiceFingerprint.of(item);
    }

    @Test
    void aNumberWithAnExtensionOrLettersMatchesTheSameNumberWrittenOtherwise() {
        ServiceFingerprint ext = withContact("a.1", JSON.createObjectNode().put("phone", "(312) 773-1068 ext. 321")
                .put("phoneE164", "+13127731068").put("phoneExtension", "321"));
        ServiceFingerprint plain = withContact("b.1", JSON.createObjectNode().put("phone", "312.773.1068")
                .put("phoneE164", "+13127731068"));
        ServiceFingerprint swedish = withContact("c.1", JSON.createObjectNode().put("phone", "08-123 456 78"));
        ServiceFingerprint e164 = withContact("d.1", JSON.createObjectNode().put("phone", "+46 (0)8 123 456 78")
                .put("phoneE164", "+46812345678"));

        assertEquals(plain.phones(), ext.phones());
        assertEquals(swedish.phones(), e164.phones());
    }
}
