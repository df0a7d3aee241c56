package se.insatsnavet.hub;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar's options as HubOptions. */
class MainOptionsTest {

    @Test
    void theFederationsFolderIsWatchedBesideTheBundledExamplesUnlessNoExamples() {
        HubOptions plain = Main.parse(new String[]{"--data", "somewhere"});
        assertEquals(java.nio.file.Path.of("somewhere", "federations"), plain.federationsFolder());
        assertTrue(plain.examples());
        HubOptions folder = Main.parse(new String[]{"--federations", "feds", "--data", "somewhere"});
        assertEquals(java.nio.file.Path.of("feds"), folder.federationsFolder());
        assertTrue(folder.examples(), "a folder no longer hides the examples");
        assertFalse(Main.parse(new String[]{"--no-examples", "--federations", "feds"}).examples());
        assertFalse(Main.parse(new String[]{"--federations", "feds", "--no-examples"}).examples());
    }

    @Test
    void withoutSparqlStoreTheLinkedDataStaysInTdb2() {
        HubOptions o = Main.parse(new String[]{"--data", "somewhere"});
        assertNull(o.sparqlStore());
        assertTrue(o.tdb2Dir().endsWith("tdb2"));
    }

    @Test
    void sparqlStoreAndUserSelectTheRemoteStoreInEitherOrder() {
        HubOptions o = Main.parse(new String[]{"--sparql-user", "hub", "--sparql-store", "http://fuseki:3030/ds", "--port", "9090"});
        assertEquals("http://fuseki:3030/ds", o.sparqlStore().url());
        assertEquals("hub", o.sparqlStore().user());
        assertEquals(System.getenv("INSATSNAVET_SPARQL_PASSWORD"), o.sparqlStore().password());
        assertEquals(9090, o.port());
    }

    @Test
    void aSparqlUserWithoutAStoreIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[]{"--sparql-user", "hub"}));
        assertTrue(e.getMessage().contains("--sparql-store"), e.getMessage());
    }

    @Test
    void theStoresPasswordNeverShowsInTheOptions() {
        HubOptions.SparqlStore store = new HubOptions.SparqlStore("http://fuseki:3030/ds", "hub", "secret-password");
        assertTrue(!store.toString().contains("secret-password") && store.toString().contains("hub"), store.toString());
    }
}
