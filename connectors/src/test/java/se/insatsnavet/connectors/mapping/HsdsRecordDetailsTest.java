package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.RawRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an HSDS record keeps beyond the built-in mapping, with messy values of our own. */
class HsdsRecordDetailsTest {

    private static final FederationDescriptor FEDERATION = new FederationDescriptor("demo", Map.of("sv", "Demo"), null,
            null, null, null, List.of("0580"), List.of(), null);
    private static final ConceptMatcher MATCHER = (scheme, text) ->
            scheme.equals(ConceptMatcher.MUNICIPALITY) && text.equalsIgnoreCase("Linköping") ? Optional.of("0580") : Optional.empty();

    private static MappingResult map(Map<String, Object> fields) {
        SourceDescriptor source = new SourceDescriptor("hsds", "hsds", "paket", null, "sv", Map.of(), null, null);
        return new RecordMapper(FEDERATION, source, MATCHER).map(new RawRecord("services.csv row 1", fields));
    }

    private static Map<String, Object> service(Object... more) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("id", "s-1", "name", "Stöd", "description", "Text"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return fields;
    }

    @Test
    void costOptionsKeepTheirTextWhenTheAmountOrCurrencyIsNoNumberOrCode() {
        ObjectNode s = map(service("fees_description", "Gratis", "cost_options", List.of(
                Map.of("id", "c1", "option", "Vuxna", "amount", "ca 100 kr", "currency", "kronor"),
                Map.of("id", "c2", "amount", "250.50", "currency", "sek")))).service();
        assertEquals("Gratis", s.at("/costs/0/description/sv").asText(), s.toString());
        assertEquals("c1", s.at("/costs/1/id").asText());
        assertFalse(s.at("/costs/1").has("amount"));
        assertFalse(s.at("/costs/1").has("currency"));
        assertEquals(250.5, s.at("/costs/2/amount").asDouble());
        assertEquals("SEK", s.at("/costs/2/currency").asText());
        // the source's own values stay in hsds, as sent
        assertEquals("ca 100 kr", s.at("/hsds/cost_options/0/amount").asText());
        assertEquals("sek", s.at("/hsds/cost_options/1/currency").asText());
    }

    @Test
    void aLastModifiedThatIsNoDateTimeStaysInTheHsdsPart() {
        ObjectNode odd = map(service("last_modified", "igår")).service();
        assertFalse(odd.has("sourceModified"));
        assertEquals("igår", odd.at("/hsds/last_modified").asText());
        ObjectNode good = map(service("last_modified", "2026-11-30T08:00:00+01:00")).service();
        assertEquals("2026-11-30T08:00:00+01:00", good.path("sourceModified").asText());
        assertFalse(good.path("hsds").has("last_modified"));
    }

    @Test
    void swedishAreasAreMunicipalitiesAndOthersNamedPlacesWithoutTheDefault() {
        MappingResult r = map(service("service_areas", List.of(Map.of("name", "Linköping"),
                Map.of("name", "Tromsø", "description", "Norska deltagare"))));
        ObjectNode s = r.service();
        assertEquals("[\"0580\"]", s.path("municipalities").toString());
        assertEquals("[{\"name\":\"Tromsø\",\"description\":\"Norska deltagare\"}]", s.path("areas").toString());
        assertTrue(r.warnings().stream().noneMatch(w -> "municipalities".equals(w.field())), r.warnings().toString());
        ObjectNode abroad = map(service("service_areas", List.of(Map.of("name", "Tromsø")))).service();
        assertFalse(abroad.has("municipalities"), abroad.toString());
    }

    @Test
    void aRecordTooLargeToKeepWholeReportsItsLargestFieldNotCarried() {
        MappingResult r = map(service("notes", "x".repeat(HsdsRecordDetails.MAX_HSDS_CHARS + 10), "wait_time", "en vecka"));
        assertFalse(r.service().path("hsds").has("notes"));
        assertEquals("en vecka", r.service().at("/hsds/wait_time").asText());
        assertTrue(r.warnings().stream().anyMatch(w -> "hsds.notes".equals(w.field())
                && w.message().startsWith(RecordMessage.NOT_CARRIED)), r.warnings().toString());
    }
}
