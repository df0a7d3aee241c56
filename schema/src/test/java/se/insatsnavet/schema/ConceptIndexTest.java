package se.insatsnavet.schema;

import org.junit.jupiter.api.Test;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConceptIndexTest {

    private final Vocabulary vocab = Vocabulary.load(HubIris.defaults());
    private final ConceptIndex index = vocab.conceptIndex();

    @Test
    void targetGroupsAreFoundByTheWordsFederationsWrite() {
        assertEquals(Optional.of("income-support"), index.match("target-group", "Försörjningsstöd"));
        assertEquals(Optional.of("income-support"), index.match("target-group", "ekonomiskt bistånd"));
        assertEquals(Optional.of("income-support"), index.match("target-group", "  EKONOMISKT   BISTAND "));
        assertEquals(Optional.of("activity-compensation"), index.match("target-group", "aktivitetsersättning"));
        assertEquals(Optional.of("young-adults"), index.match("target-group", "Unga 16–29"));
        assertEquals(Optional.of("sick-leave"), index.match("target-group", "sjukskrivna"));
        assertEquals(Optional.of("long-term-sick-leave"), index.match("target-group", "Långtidssjukskrivna"));
        assertEquals(Optional.of("income-support"), index.match("target-group", "income-support"));
    }

    @Test
    void methodsAreFoundBySwedishAndEnglishNames() {
        assertEquals(Optional.of("supported-employment"), index.match("method", "Individuellt stöd i arbete"));
        assertEquals(Optional.of("supported-employment"), index.match("method", "Supported Employment"));
        assertEquals(Optional.of("work-training"), index.match("method", "arbetsträning"));
        assertEquals(Optional.of("ips"), index.match("method", "IPS"));
        assertEquals(Optional.of("coordinated-individual-plan"), index.match("method", "SIP"));
        assertEquals(Optional.of("motivational-interviewing"), index.match("method", "Motiverande samtal."));
    }

    @Test
    void methodsHaveSwedishLabelsWithTheEstablishedEnglishNameInParentheses() {
        assertEquals(Optional.of("Stöd i arbete (Supported employment)"), vocab.prefLabel(Vocabulary.METHOD, "supported-employment", "sv"));
        assertEquals(Optional.of("Samordnad kontaktperson (case management)"), vocab.prefLabel(Vocabulary.METHOD, "case-management", "sv"));
        assertEquals(Optional.of("Individanpassat stöd till arbete (IPS)"), vocab.prefLabel(Vocabulary.METHOD, "ips", "sv"));
        assertEquals(Optional.of("Case management"), vocab.prefLabel(Vocabulary.METHOD, "case-management", "en"));
        // what federations write still finds them: the English names (both spellings) are alternative labels
        assertEquals(Optional.of("case-management"), index.match("method", "Case Management"));
        assertEquals(Optional.of("case-management"), index.match("method", "case management"));
        assertEquals(Optional.of("supported-employment"), index.match("method", "Stöd i arbete (Supported employment)"));
    }

    @Test
    void municipalitiesAreFoundByNameOrCode() {
        assertEquals(Optional.of("0580"), index.match("municipality", "LINKÖPING"));
        assertEquals(Optional.of("0580"), index.match("municipality", "linkopings kommun"));
        assertEquals(Optional.of("0580"), index.match("municipality", "Linköpings kommun"));
        assertEquals(Optional.of("0580"), index.match("municipality", "0580"));
        assertEquals(Optional.of("1480"), index.match("municipality", "Göteborg"));
        assertEquals(Optional.of("0509"), index.match("municipality", "Ödeshög kommun"));
    }

    @Test
    void countiesAreFoundByNameRegionOrCode() {
        assertEquals(Optional.of("05"), index.match("county", "Östergötland"));
        assertEquals(Optional.of("05"), index.match("county", "östergötlands län"));
        assertEquals(Optional.of("05"), index.match("county", "Region Östergötland"));
        assertEquals(Optional.of("14"), index.match("county", "Västra Götalandsregionen"));
        assertEquals(Optional.of("01"), index.match("county", "01"));
    }

    @Test
    void unknownTextMatchesNothing() {
        assertTrue(index.match("target-group", "enhörningar").isEmpty());
        assertTrue(index.match("municipality", "Atlantis").isEmpty());
        assertTrue(index.match("method", null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> index.match("no-such-scheme", "x"));
    }

    @Test
    void everyLabelOfEveryConceptMatchesItsOwnConceptUnambiguously() {
        for (String scheme : Vocabulary.CONCEPT_SCHEMES) {
            for (String code : vocab.codes(scheme)) {
                assertEquals(Optional.of(code), index.match(scheme, code), scheme + "/" + code);
                for (String label : vocab.prefLabels(scheme, code).values()) {
                    assertEquals(Optional.of(code), index.match(scheme, label), scheme + " '" + label + "'");
                }
                for (String label : vocab.altLabels(scheme, code)) {
                    assertEquals(Optional.of(code), index.match(scheme, label), scheme + " '" + label + "'");
                }
            }
        }
    }

    @Test
    void normalisationStripsCaseDiacriticsAndPunctuation() {
        assertEquals("hallo varlden 16 29", ConceptIndex.normalise("  HÄLLÖ, Världen! 16–29 "));
    }
}
