package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} is {2} ext {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "08-123 456 78|SE|+46812345678|-",
            "013-20 60 00|SE|+4613206000|-",
            "+46 (0)8 123 456 78|SE|+46812345678|-",
            "020-21 21 21|SE|+4620212121|-",
            "070-174 06 05|-|+46701740605|-",
            "013-20 00 00 ankn. 12|SE|+4613200000|12",
            "08-123 456 78 (växel)|SE|+46812345678|-",
            "\"+44 1234 234567\"|SE|+441234234567|-",
            "(217) 476-3417|US|+12174763417|-",
            "618.594.6615|US|+16185946615|-",
            "(312) 773-1068 ext. 321|US|+13127731068|321",
            "1-800-LAW-REP-4|US|+18005297374|-",
            "+1 217 476 3417|SE|+12174763417|-",
    })
    void swedishAndForeignFormsGiveTheirE164FormAndExtension(String written, String region, String e164, String extension) {
        PhoneNumbers.Phone phone = PhoneNumbers.read(written, region);

        assertEquals(written, phone.written());
        assertEquals(e164, phone.e164());
        assertEquals(extension, phone.extension());
        assertTrue(phone.valid());
    }

    @Test
    void aNumberOfAnotherCountryWithoutItsCodeIsNotValidInTheDefaultRegion() {
        assertFalse(PhoneNumbers.read("(217) 476-3417", null).valid(), "a US number read as Swedish");
        assertFalse(PhoneNumbers.read("Tel: 08-123 45", "SE").valid(), "too short");
        assertFalse(PhoneNumbers.read("ring oss", "SE").valid());
        assertNull(PhoneNumbers.read("x".repeat(300), "SE").e164());
    }

    @Test
    void aValidShortNumberIsKeptWithoutE164AndWithoutAProblem() {
        PhoneNumbers.Phone phone = PhoneNumbers.read("1177", "SE");
        assertTrue(phone.shortNumber());
        assertNull(phone.e164());

        ObjectNode contact = JsonNodeFactory.instance.objectNode().put("phone", "1177");
        assertEquals(Optional.empty(), PhoneNumbers.derive(contact, "SE"));
        assertEquals("{\"phone\":\"1177\"}", contact.toString());
    }

    @Test
    void deriveKeepsThePhoneAsWrittenAndAddsE164AndExtension() {
        ObjectNode contact = JsonNodeFactory.instance.objectNode().put("phone", "(312) 773-1068 ext. 321")
                .put(PhoneNumbers.E164, "+46000");

        assertEquals(Optional.empty(), PhoneNumbers.derive(contact, "US"));

        assertEquals("(312) 773-1068 ext. 321", contact.path("phone").asText());
        assertEquals("+13127731068", contact.path(PhoneNumbers.E164).asText());
        assertEquals("321", contact.path(PhoneNumbers.EXTENSION).asText());
    }

    @Test
    void deriveReportsAnInvalidNumberAndRemovesStaleDerivedValues() {
        ObjectNode contact = JsonNodeFactory.instance.objectNode().put("phone", "(0123) 4567 8900")
                .put(PhoneNumbers.E164, "+4681234567").put(PhoneNumbers.EXTENSION, "1");

        Optional<String> problem = PhoneNumbers.derive(contact, "US");

        assertTrue(problem.orElseThrow().contains("region US"), problem.toString());
        assertEquals("{\"phone\":\"(0123) 4567 8900\"}", contact.toString());
    }

    @Test
    void anExtensionTheSourceGaveApartIsKeptWhenTheNumberHasNone() {
        ObjectNode apart = JsonNodeFactory.instance.objectNode().put("phone", "(217) 476-3417").put(PhoneNumbers.EXTENSION, "42");
        assertEquals(Optional.empty(), PhoneNumbers.derive(apart, "US"));
        assertEquals("42", apart.path(PhoneNumbers.EXTENSION).asText(), apart.toString());

        ObjectNode own = JsonNodeFactory.instance.objectNode().put("phone", "(312) 773-1068 ext. 321").put(PhoneNumbers.EXTENSION, "42");
        assertEquals(Optional.empty(), PhoneNumbers.derive(own, "US"));
        assertEquals("321", own.path(PhoneNumbers.EXTENSION).asText(), "the number's own extension wins");

        ObjectNode letters = JsonNodeFactory.instance.objectNode().put("phone", "08-123 456 78").put(PhoneNumbers.EXTENSION, "växel");
        assertTrue(PhoneNumbers.derive(letters, "SE").orElseThrow().contains("'växel'"));
        assertFalse(letters.has(PhoneNumbers.EXTENSION));
    }

    @Test
    void theExtensionIsTakenOffTheWrittenNumberOnlyAfterAKnownMark() {
        assertEquals("(312) 773-1068", PhoneNumbers.withoutExtension("(312) 773-1068 ext. 321", "321"));
        assertEquals("013-20 00 00", PhoneNumbers.withoutExtension("013-20 00 00 ankn. 12", "12"));
        assertEquals("08-123 456 78", PhoneNumbers.withoutExtension("08-123 456 78 x5", "5"));
        assertEquals("08-123 456 78 (växel 5)", PhoneNumbers.withoutExtension("08-123 456 78 (växel 5)", "5"));
        assertEquals("(217) 476-3417", PhoneNumbers.withoutExtension("(217) 476-3417", null));
    }

    @Test
    void telIrisFollowRfc3966() {
        assertEquals("tel:+13127731068;ext=321", PhoneNumbers.telIri("+13127731068", "321"));
        assertEquals("tel:+46812345678", PhoneNumbers.telIri("+46812345678", null));
    }
}
