package se.insatsnavet.hub.store;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.M8G;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remote store against a real Fuseki that asks for credentials, and its change sets against the embedded
 * store's on the same changes: linked resources that lose their last link go, however long the chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteStoreTest {

    private static final String G = "http://example.org/graph/federation/f";
    private static final String BASE = "http://example.org/id/";

    @TempDir
    static Path dir;
    FusekiServer fuseki;
    String url;

    @BeforeAll
    void startFuseki() throws Exception {
        Path passwords = Files.writeString(dir.resolve("passwd"), "hub: s3cret\n");
        fuseki = FusekiServer.create().port(0).loopback(true).passwordFile(passwords.toString()).auth(AuthScheme.BASIC)
                .serverAuthPolicy(Auth.policyAllowSpecific("hub"))
                .add("/ds", DatasetGraphFactory.createTxnMem()).build().start();
        url = "http://localhost:" + fuseki.getHttpPort() + "/ds";
    }

    @AfterAll
    void stopFuseki() {
        fuseki.stop();
    }

    @Test
    void aStoreThatAsksForCredentialsRefusesTheHubWithoutThemAndNamesTheStore() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> CatalogStore.remote(url, null, null));
        assertTrue(none.getMessage().contains(url), none.getMessage());
        assertThrows(IllegalStateException.class, () -> CatalogStore.remote(url, "hub", "wrong"));
        assertThrows(IllegalArgumentException.class, () -> CatalogStore.remote("fuseki:3030/ds", null, null));
    }

    @Test
    void changeSetsLeaveTheRemoteStoreAsTheyLeaveTdb2() {
        try (CatalogStore remote = CatalogStore.remote(url, "hub", "s3cret"); CatalogStore embedded = CatalogStore.inMemory()) {
            for (CatalogStore store : List.of(remote, embedded)) {
                store.replaceGraph(G, ModelFactory.createDefaultModel());
                // s1 → its own contact s1#c → … and its provider o1 → place p1 → area a1 (only s1 leads there);
                // s2 → provider o2 (shared with s3)
                store.applyChanges(G, Map.of(BASE + "s1", service("s1", "o1", true), BASE + "s2", service("s2", "o2", false),
                        BASE + "s3", service("s3", "o2", false)), List.of());
            }
            assertSame(remote, embedded);
            assertTrue(remote.describe(BASE + "s1").orElseThrow().contains(null, SKOS.prefLabel, "area a1"),
                    "a description follows links three levels deep");
            for (CatalogStore store : List.of(remote, embedded)) {
                Map<String, Model> each = new java.util.LinkedHashMap<>();
                store.describeEach(List.of(BASE + "s3", BASE + "nowhere", BASE + "s1", BASE + "s2"), each::put);
                assertEquals(List.of(BASE + "s3", BASE + "s1", BASE + "s2"), List.copyOf(each.keySet()), "in the order given");
                each.forEach((iri, m) -> assertTrue(m.isIsomorphicWith(embedded.describe(iri).orElseThrow()),
                        () -> "describeEach of " + iri + " as describe on TDB2:\n" + m));
            }

            for (CatalogStore store : List.of(remote, embedded)) {
                store.applyChanges(G, Map.of(BASE + "s3", service("s3", "o3", false)), List.of(BASE + "s1"));
            }
            assertSame(remote, embedded);
            Model after = remote.graph(G);
            assertFalse(after.containsResource(after.createResource(BASE + "o1")), "s1's provider went with it");
            assertFalse(after.containsResource(after.createResource(BASE + "a1")), "… and its place's area, three links on");
            assertFalse(after.containsResource(after.createResource(BASE + "s1#c")));
            assertTrue(after.contains(after.createResource(BASE + "o2"), SKOS.prefLabel), "o2 is still s2's provider");
            assertTrue(remote.describe(BASE + "s1").isEmpty());
            assertEquals(remote.describe(BASE + "s3").orElseThrow().size(), embedded.describe(BASE + "s3").orElseThrow().size());
        }
    }

    @Test
    void ownedResourcesAsDeepAsTheBoundGoWithTheirServiceAndDeeperOnesAreRefusedByBothStores() {
        String g = G + "-deep";
        try (CatalogStore remote = CatalogStore.remote(url, "hub", "s3cret"); CatalogStore embedded = CatalogStore.inMemory()) {
            for (CatalogStore store : List.of(remote, embedded)) {
                store.applyChanges(g, Map.of(BASE + "d1", chainOfOwned("d1", OwnedResources.DEPTH), BASE + "d2",
                        chainOfOwned("d2", 1)), List.of());
                IllegalArgumentException tooDeep = assertThrows(IllegalArgumentException.class, () -> store.applyChanges(g,
                        Map.of(BASE + "d3", chainOfOwned("d3", OwnedResources.DEPTH + 1)), List.of()));
                assertTrue(tooDeep.getMessage().contains(BASE + "d3#r" + (OwnedResources.DEPTH + 1)), tooDeep.getMessage());
                store.applyChanges(g, Map.of(BASE + "d2", chainOfOwned("d2", 2)), List.of(BASE + "d1"));
            }
            Model r = remote.graph(g);
            assertTrue(embedded.graph(g).isIsomorphicWith(r), r::toString);
            assertFalse(r.containsResource(r.createResource(BASE + "d1#r" + OwnedResources.DEPTH)), "the deepest owned resource went");
            assertFalse(r.containsResource(r.createResource(BASE + "d3")), "nothing of a refused change set was written");
            assertTrue(r.contains(r.createResource(BASE + "d2#r2"), SKOS.prefLabel));
            assertEquals(7, r.size(), "only d2 (type, provider link), its provider (label) and its two owned resources (link, label each):\n" + r);
            remote.replaceGraph(g, ModelFactory.createDefaultModel());
        }
    }

    /** A service owning a chain {@code #r1 → #r2 → …} {@code depth} links long, and a provider. */
    private static Model chainOfOwned(String id, int depth) {
        Model m = ModelFactory.createDefaultModel();
        Resource previous = m.createResource(BASE + id).addProperty(RDF.type, CPSV.PublicService);
        previous.addProperty(M8G.hasCompetentAuthority, m.createResource(BASE + "provider-" + id).addProperty(SKOS.prefLabel, "p"));
        for (int i = 1; i <= depth; i++) {
            Resource next = m.createResource(BASE + id + "#r" + i).addProperty(SKOS.prefLabel, "level " + i);
            previous.addProperty(SKOS.related, next);
            previous = next;
        }
        return m;
    }

    private static void assertSame(CatalogStore remote, CatalogStore embedded) {
        Model r = remote.graph(G);
        Model e = embedded.graph(G);
        assertTrue(e.size() > 0);
        assertTrue(e.isIsomorphicWith(r), () -> "remote:\n" + r + "\nembedded:\n" + e);
        assertEquals(embedded.size(), remote.size());
    }

    private static Model service(String id, String provider, boolean chain) {
        Model m = ModelFactory.createDefaultModel();
        Resource s = m.createResource(BASE + id).addProperty(RDF.type, CPSV.PublicService)
                .addProperty(SKOS.prefLabel, "service " + id);
        Resource contact = m.createResource(BASE + id + "#c").addProperty(SKOS.prefLabel, "contact of " + id);
        contact.addProperty(SKOS.related, m.createResource(BASE + id + "#c-hours").addProperty(SKOS.prefLabel, "hours"));
        s.addProperty(SKOS.related, contact);
        Resource org = m.createResource(BASE + provider).addProperty(SKOS.prefLabel, "provider " + provider);
        s.addProperty(M8G.hasCompetentAuthority, org);
        if (chain) {
            Resource place = m.createResource(BASE + "p1").addProperty(SKOS.prefLabel, "place p1");
            place.addProperty(SKOS.broader, m.createResource(BASE + "a1").addProperty(SKOS.prefLabel, "area a1"));
            org.addProperty(SKOS.related, place);
        }
        return m;
    }
}
