package se.exempelby.insatsnavet;

import org.junit.jupiter.api.Test;
import se.insatsnavet.plugin.api.MappingException;
import se.insatsnavet.plugin.testkit.PluginTestKit;
import se.insatsnavet.plugin.testkit.TestFederation;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestFederation(id = "exempelby", municipalities = {"0580", "0561"},
        enrichers = ExempelbyEnricher.class, validators = ExempelbyValidator.class)
class ExempelbyPluginTest {

    private final PluginTestKit kit;

    /** The testkit's JUnit extension gives each test a kit for Exempelby with the enricher and validator. */
    ExempelbyPluginTest(PluginTestKit kit) {
        this.kit = kit;
    }

    private static Map<String, Object> row(String vem, String kontakt, String text) {
        return Map.of("Nr", "E-7", "Rubrik", "Jobbspår", "Om insatsen", text, "Vem", vem,
                "Orter", "0580 0561", "Ålder", "16-29", "Kontakt", kontakt);
    }

    private static final String LONG_TEXT = "Stöd att hitta och behålla ett arbete, med en coach som följer dig hela vägen.";

    @Test
    void anOddRowBecomesAPublishableService() {
        var result = kit.map(new ExempelbyMapper(), row("unga+Sjukskrivna", "Kim Samordnare <kim@exempelby.se>", LONG_TEXT));
        assertTrue(result.valid(), result.toString());
        assertEquals("[\"young-adults\",\"sick-leave\"]", result.service().path("targetGroups").toString());
        assertEquals(16, result.service().path("ageRange").path("min").asInt());
        assertEquals("kim@exempelby.se", result.service().path("contact").path("email").asText());
    }

    @Test
    void theEnricherAddsFinsamFundingAndTheFederationAsProvider() {
        var result = kit.map(new ExempelbyMapper(), row("unga", "Kim <kim@exempelby.se>", LONG_TEXT));
        assertEquals("[\"finsam\"]", result.service().path("funding").toString());
        assertEquals("federation", result.service().path("provider").path("type").asText());
    }

    @Test
    void theValidatorWarnsAboutShortDescriptionsAndRejectsForeignAddresses() {
        var result = kit.map(new ExempelbyMapper(), row("unga", "Kim <kim@example.com>", "Kort text."));
        assertFalse(result.valid());
        assertTrue(result.pluginMessages().stream().anyMatch(m -> !m.error() && m.field().equals("description")));
        assertTrue(result.pluginMessages().stream().anyMatch(m -> m.error() && m.field().equals("contact.email")));
    }

    @Test
    void anUnknownWordIsAMappingErrorNamingFieldAndValue() {
        MappingException e = assertThrows(MappingException.class,
                () -> kit.map(new ExempelbyMapper(), row("unga+pensionärer", "Kim <kim@exempelby.se>", LONG_TEXT)));
        assertEquals("targetGroups", e.field());
        assertEquals("pensionärer", e.value());
    }

    @Test
    void anUnknownMunicipalityFailsTheVocabularyShapes() {
        Map<String, Object> record = new java.util.HashMap<>(row("unga", "Kim <kim@exempelby.se>", LONG_TEXT));
        record.put("Orter", "9999");
        var result = kit.map(new ExempelbyMapper(), record);
        assertFalse(result.valid());
        assertFalse(result.shacl().conforms(), result.toString());
    }
}
