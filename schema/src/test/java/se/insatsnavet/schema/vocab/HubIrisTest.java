package se.insatsnavet.schema.vocab;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubIrisTest {

    private final HubIris iris = HubIris.of("http://localhost:8080");

    @Test
    void buildsTheDocumentedIris() {
        assertEquals("http://localhost:8080/", iris.base());
        assertEquals("ostra.ins-1", HubIris.serviceId("ostra", "ins-1"));
        assertEquals("http://localhost:8080/id/service/ostra.ins-1", iris.service("ostra.ins-1"));
        assertEquals("http://localhost:8080/id/service/ostra.ins-1#contact", iris.serviceFragment("ostra.ins-1", "contact"));
        assertEquals("http://localhost:8080/id/organisation/linkopings-kommun", iris.organisation("linkopings-kommun"));
        assertEquals("http://localhost:8080/id/concept/target-group", iris.scheme("target-group"));
        assertEquals("http://localhost:8080/id/concept/target-group/sick-leave", iris.concept("target-group", "sick-leave"));
        assertEquals("http://localhost:8080/id/place/municipality/0580", iris.municipality("0580"));
        assertEquals("http://localhost:8080/id/place/county/05", iris.county("05"));
        assertEquals("http://localhost:8080/graph/federation/ostra", iris.federationGraph("ostra"));
        assertEquals("http://localhost:8080/graph/reference", iris.referenceGraph());
        assertEquals("http://localhost:8080/id/import/ostra/42", iris.importRun("ostra", 42));
        assertEquals("http://id.loc.gov/vocabulary/iso639-1/sv", HubIris.language("sv"));
    }

    @Test
    void takesIrisApartAgain() {
        assertEquals(Optional.of("ostra.ins-1.a"), iris.serviceIdOf(iris.service("ostra.ins-1.a")));
        assertEquals(Optional.of("ostra.ins-1"), iris.serviceIdOf(iris.serviceFragment("ostra.ins-1", "criterion-2")));
        assertEquals(Optional.of("criterion-2"), iris.fragmentOf(iris.serviceFragment("ostra.ins-1", "criterion-2")));
        assertEquals("ostra", HubIris.federationIdOf("ostra.ins-1.a"));
        assertEquals("ins-1.a", HubIris.localIdOf("ostra.ins-1.a"));
        assertEquals(Optional.of(new HubIris.ConceptRef("method", "ips")), iris.conceptOf(iris.concept("method", "ips")));
        assertEquals(Optional.of("ips"), iris.codeOf("method", iris.concept("method", "ips")));
        assertTrue(iris.codeOf("funding", iris.concept("method", "ips")).isEmpty());
        assertEquals(Optional.of("0580"), iris.municipalityCodeOf(iris.municipality("0580")));
        assertEquals(Optional.of("05"), iris.countyCodeOf(iris.county("05")));
        assertEquals(Optional.of("x"), iris.organisationSlugOf(iris.organisation("x")));
        assertEquals(Optional.of("ostra"), iris.federationIdOfGraph(iris.federationGraph("ostra")));
        assertEquals(Optional.of(42L), iris.importRunIdOf(iris.importRun("ostra", 42)));
        assertEquals(Optional.of("sme"), HubIris.languageCodeOf(HubIris.language("sme")));
        assertTrue(iris.serviceIdOf("https://elsewhere.org/id/service/a.b").isEmpty());
        assertTrue(iris.belongsToService(iris.serviceFragment("a.b", "contact"), "a.b"));
        assertTrue(!iris.belongsToService(iris.service("a.bc"), "a.b"));
    }

    @Test
    void slugsAreLowerCaseAsciiWithDashes() {
        assertEquals("samordningsforbundet-ostra-ostergotland", HubIris.slug("Samordningsförbundet Östra Östergötland"));
        assertEquals("linkopings-kommun", HubIris.slug("  Linköpings  kommun! "));
        assertEquals("arbetsformedlingen", HubIris.slug("Arbetsförmedlingen"));
        assertEquals("cafe-aa", HubIris.slug("Café ÅÄ"));
    }

    @Test
    void rejectsInputThatWouldChangeAnIrisMeaning() {
        assertThrows(IllegalArgumentException.class, () -> HubIris.serviceId("a.b", "c"));
        assertThrows(IllegalArgumentException.class, () -> HubIris.serviceId("a", "c/d"));
        assertThrows(IllegalArgumentException.class, () -> iris.concept("method", "IPS"));
        assertThrows(IllegalArgumentException.class, () -> iris.municipality("580"));
        assertThrows(IllegalArgumentException.class, () -> iris.serviceFragment("a.b", "x#y"));
        assertThrows(IllegalArgumentException.class, () -> HubIris.of("urn:x"));
        assertThrows(IllegalArgumentException.class, () -> HubIris.slug("!!!"));
    }

    @Test
    void indicatorDataSetsAndObservationsAreBuiltUnderTheBase() {
        assertEquals("http://localhost:8080/id/indicators/vasteras", iris.indicatorDataSet("vasteras"));
        assertEquals("http://localhost:8080/id/indicators/vasteras#ST-100/2024/F/participants",
                iris.indicatorObservation("vasteras", "ST-100", "2024", "F", "participants"));
        assertEquals("http://localhost:8080/id/dataset/usage", iris.usageDataset());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> iris.indicatorObservation("vasteras", "ST-100", "2024", "X", "participants"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> iris.indicatorObservation("vasteras", "a/b", "2024", "F", "participants"));
    }
}
