package se.insatsnavet.hub.dumps;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild after a change of some federations writes again only their Turtle dumps and their parts of the
 * N-Quads dump (a gzip member per named graph), and the N-Quads dump still holds every graph as the store has it.
 */
class DumpsIncrementalTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L);

    @TempDir
    Path dir;
    private final HubIris iris = HubIris.of("http://localhost/");
    private final List<String> federations = List.of("steget", "kompassen");
    private CatalogStore store;
    private ServiceCatalog catalog;

    @BeforeEach
    void openStore() {
        store = CatalogStore.inMemory();
        for (String f : federations) {
            label(f, f + "-org", "Organisation of " + f);
            try {
                service(f, "s1", "Insats i " + f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        store.useLinksGraph(iris.linksGraph());
        Model reference = ModelFactory.createDefaultModel();
        reference.createResource("http://localhost/def/concept").addProperty(RDFS.label, "Concept");
        store.replaceGraph(iris.referenceGraph(), reference);
        catalog = new ServiceCatalog(store, ServiceRdf.of(iris));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Adds a service to a federation's graph. */
    private void service(String federation, String localId, String title) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode service = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("""
                { "localId": "%s", "title": { "sv": "%s" }, "description": { "sv": "Beskrivning." },
                  "status": "active", "municipalities": ["0580"],
                  "provider": { "name": { "sv": "Jobbtorget" }, "type": "municipality", "municipality": "0580" } }"""
                .formatted(localId, title));
        Model m = store.graph(iris.federationGraph(federation));
        m.add(ServiceRdf.of(iris).toRdf(service, new ServiceContext(iris, federation, "main", 1, java.time.Instant.parse("2026-01-01T00:00:00Z"))));
        store.replaceGraph(iris.federationGraph(federation), m);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The published items as the catalogue reads them from the store, as JSON lines. */
    private Set<String> storeItems() {
        Set<String> out = new HashSet<>();
        catalog.forEachItem(i -> out.add(i.toString()));
        return out;
    }

    private Set<String> dumpedItems() throws IOException {
        return new HashSet<>(Files.readAllLines(dir.resolve("services.ndjson"), StandardCharsets.UTF_8));
    }

    /** Adds a labelled resource to a federation's graph. */
    private void label(String federation, String org, String label) {
        Model m = store.graph(iris.federationGraph(federation));
        m.createResource(iris.organisation(org)).addProperty(RDFS.label, label);
        store.replaceGraph(iris.federationGraph(federation), m);
    }

    private Dumps dumps() {
        return new Dumps(dir, store, catalog, iris, List.of());
    }

    private Path part(String federation) throws IOException {
        // the part whose quads are all in the federation's graph
        try (Stream<Path> parts = Files.list(dir.resolve(Dumps.PARTS))) {
            for (Path p : parts.filter(p -> p.toString().endsWith(".nq.gz")).toList()) {
                Set<Quad> quads = quads(p);
                if (!quads.isEmpty() && quads.stream().allMatch(q -> q.getGraph().getURI().equals(iris.federationGraph(federation)))) {
                    return p;
                }
            }
        }
        throw new AssertionError("no part of " + federation);
    }

    /** The NDJSON part of a federation: the one whose lines are its services' items. */
    private Path itemsPart(String federation) throws IOException {
        try (Stream<Path> parts = Files.list(dir.resolve(Dumps.PARTS))) {
            for (Path p : parts.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
                List<String> lines = Files.readAllLines(p);
                if (!lines.isEmpty() && lines.stream().allMatch(l -> l.contains("\"federation\":\"" + federation + "\""))) {
                    return p;
                }
            }
        }
        throw new AssertionError("no NDJSON part of " + federation);
    }

    private static Set<Quad> quads(Path gzipped) throws IOException {
        Set<Quad> out = new HashSet<>();
        RDFParser.source(gzipped.toString()).lang(Lang.NQUADS).parse(collect(out));
        return out;
    }

    private static StreamRDF collect(Set<Quad> out) {
        return new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                out.add(quad);
            }
        };
    }

    private Set<Quad> storeQuads() {
        Set<Quad> out = new HashSet<>();
        store.exportDataset(collect(out));
        return out;
    }

    /** The file's identity (device and inode) and modification time: the same only if it was not written again. */
    private static List<Object> identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(a.fileKey() == null ? "" : a.fileKey(), a.lastModifiedTime());
    }

    @Test
    void aRebuildAfterAChangeOfOneFederationRewritesOnlyItsTurtleAndPartAndTheCatalogueHoldsEveryGraph() throws Exception {
        try (Dumps d = dumps()) {
            d.rebuild(federations);
            Path otherTtl = dir.resolve("kompassen.ttl");
            Path otherPart = part("kompassen");
            Files.setLastModifiedTime(otherTtl, LONG_AGO);
            Files.setLastModifiedTime(otherPart, LONG_AGO);
            Files.setLastModifiedTime(dir.resolve("steget.ttl"), LONG_AGO);
            List<Object> ttlBefore = identity(otherTtl);
            List<Object> partBefore = identity(otherPart);
            Path otherItems = itemsPart("kompassen");
            Files.setLastModifiedTime(otherItems, LONG_AGO);
            List<Object> itemsBefore = identity(otherItems);

            label("steget", "steget-new", "Ny organisation");
            service("steget", "s2", "Ny insats");
            d.rebuild(federations, Set.of("steget"));

            assertEquals(ttlBefore, identity(otherTtl), "kompassen.ttl is not written again");
            assertEquals(itemsBefore, identity(otherItems), "kompassen's NDJSON part is not written again");
            assertEquals(storeItems(), dumpedItems());
            assertEquals(3, dumpedItems().size());
            assertTrue(dumpedItems().stream().anyMatch(l -> l.contains("Ny insats")));
            assertEquals(partBefore, identity(otherPart), "kompassen's part is not written again");
            assertNotEquals(LONG_AGO, Files.getLastModifiedTime(dir.resolve("steget.ttl")));
            assertTrue(Files.readString(dir.resolve("steget.ttl")).contains("Ny organisation"));
            Set<Quad> dumped = quads(dir.resolve("catalogue.nq.gz"));
            assertEquals(storeQuads(), dumped);
            assertTrue(dumped.contains(Quad.create(NodeFactory.createURI(iris.federationGraph("steget")),
                    NodeFactory.createURI(iris.organisation("steget-new")), RDFS.label.asNode(), NodeFactory.createLiteralString("Ny organisation"))));
            assertTrue(d.list().stream().noneMatch(i -> i.name().startsWith(".")), "parts are never listed");
            assertFalse(d.file(Dumps.PARTS).isPresent());
        }
    }

    @Test
    void theCatalogueIsOneGzipStreamOfAllPartsThatGzipAndJavaRead() throws Exception {
        try (Dumps d = dumps()) {
            d.rebuild(federations);
            Path nq = dir.resolve("catalogue.nq.gz");
            try (Stream<Path> parts = Files.list(dir.resolve(Dumps.PARTS))) {
                assertEquals(3, parts.filter(p -> p.toString().endsWith(".nq.gz")).count(), "one part per named graph");
            }
            String javaRead;
            try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(nq))) {
                javaRead = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertEquals(storeQuads().size(), javaRead.lines().count());
            Process gzip;
            try {
                gzip = new ProcessBuilder("gzip", "-d", "-c", nq.toString()).redirectErrorStream(false).start();
            } catch (IOException e) {
                org.junit.jupiter.api.Assumptions.abort("no gzip command here");
                return;
            }
            String gzipRead = new String(gzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(gzip.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, gzip.exitValue());
            assertEquals(javaRead, gzipRead);
        }
    }

    @Test
    void aRebuildOfEverythingOrAMissingPartExportsGraphsNoRequestNamed() throws Exception {
        try (Dumps d = dumps()) {
            d.rebuild(federations);
            // changed behind the dumps' back (no federation named): a rebuild of everything has it
            label("kompassen", "kompassen-2", "Andra");
            d.rebuild(federations);
            assertEquals(storeQuads(), quads(dir.resolve("catalogue.nq.gz")));
            assertTrue(Files.readString(dir.resolve("kompassen.ttl")).contains("Andra"));
            // a part gone: exported again even though its federation is not named
            label("kompassen", "kompassen-3", "Tredje");
            Files.delete(part("kompassen"));
            d.rebuild(federations, Set.of("steget"));
            assertEquals(storeQuads(), quads(dir.resolve("catalogue.nq.gz")));
        }
    }

    @Test
    void theGraphsNoFederationOwnsAreExportedByEveryRebuildAndAGraphGoneLeavesTheDump() throws Exception {
        try (Dumps d = dumps()) {
            d.rebuild(federations);
            Model reference = store.graph(iris.referenceGraph());
            reference.createResource("http://localhost/def/other").addProperty(RDFS.label, "Annat begrepp");
            store.replaceGraph(iris.referenceGraph(), reference);
            store.replaceGraph(iris.federationGraph("kompassen"), ModelFactory.createDefaultModel());
            d.rebuild(federations, Set.of("steget"));
            Set<Quad> dumped = quads(dir.resolve("catalogue.nq.gz"));
            assertEquals(storeQuads(), dumped);
            assertTrue(dumped.stream().anyMatch(q -> q.getObject().isLiteral() && q.getObject().getLiteralLexicalForm().equals("Annat begrepp")));
            try (Stream<Path> parts = Files.list(dir.resolve(Dumps.PARTS))) {
                assertEquals(2, parts.filter(p -> p.toString().endsWith(".nq.gz")).count(), "the emptied graph's part is gone");
            }
        }
    }

    @Test
    void aChangeOfTheLinksGraphWritesEveryFederationsItemsAgain() throws Exception {
        try (Dumps d = dumps()) {
            d.rebuild(federations);
            Path otherItems = itemsPart("kompassen");
            Files.setLastModifiedTime(otherItems, LONG_AGO);
            List<Object> before = identity(otherItems);
            // an editor confirms that kompassen's service is steget's: the link is part of both services' items
            Model links = ModelFactory.createDefaultModel();
            links.createResource(iris.service("kompassen.s1")).addProperty(org.apache.jena.vocabulary.OWL.sameAs,
                    links.createResource(iris.service("steget.s1")));
            store.replaceGraph(iris.linksGraph(), links);
            d.rebuild(federations, Set.of("steget"));
            assertNotEquals(before, identity(otherItems));
            assertEquals(storeItems(), dumpedItems());
            // and unchanged graphs no federation owns do not make every part be written again
            Files.setLastModifiedTime(otherItems, LONG_AGO);
            List<Object> after = identity(otherItems);
            d.rebuild(federations, Set.of("steget"));
            assertEquals(after, identity(otherItems));
        }
    }

    @Test
    void aStartAfterAChangeNotYetDumpedWritesEveryPartAgain() throws Exception {
        try (Dumps first = dumps()) {
            first.rebuild(federations);
            // kompassen changes, its run asks for a rebuild, and the hub stops before it ran: its part is behind
            label("kompassen", "kompassen-5", "Femte");
            first.requestRebuild(federations, List.of("kompassen"));
        }
        try (Dumps next = dumps()) {
            next.loadExisting();
            assertTrue(next.rebuildAtStartIfBehind(federations, false));
            await().atMost(30, TimeUnit.SECONDS).until(() -> !Files.exists(dir.resolve(Dumps.STALE_MARKER)));
            assertEquals(storeQuads(), quads(dir.resolve("catalogue.nq.gz")));
            assertTrue(Files.readString(dir.resolve("kompassen.ttl")).contains("Femte"));
        }
    }

    /** Each entry of a zip as its sorted lines. */
    private static java.util.Map<String, List<String>> entries(InputStream zip) throws IOException {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(zip)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().sorted().toList());
            }
        }
        return out;
    }

    @Test
    void theHsdsPackageIsJoinedFromPartsOfEachFederationAndHoldsWhatAWholeWriteHolds() throws Exception {
        se.insatsnavet.hub.hsds.HsdsTabularPackage hsds = new se.insatsnavet.hub.hsds.HsdsTabularPackage(catalog,
                se.insatsnavet.schema.Vocabulary.load(iris));
        service("kompassen", "s2", "Delad insats"); // the same provider as steget's services: one organisation row
        try (Dumps d = new Dumps(dir, store, catalog, iris, List.of(hsds))) {
            d.rebuild(federations);
            Path otherPart;
            try (Stream<Path> parts = Files.list(dir.resolve(Dumps.PARTS))) {
                List<Path> hsdsParts = parts.filter(p -> p.toString().endsWith(".hsds.zip.part")).toList();
                assertEquals(2, hsdsParts.size(), "one part per federation");
                String kompassenItems = itemsPart("kompassen").getFileName().toString().replace(".ndjson", "");
                otherPart = hsdsParts.stream().filter(p -> p.getFileName().toString().startsWith(kompassenItems)).findFirst().orElseThrow();
            }
            Files.setLastModifiedTime(otherPart, LONG_AGO);
            List<Object> before = identity(otherPart);
            service("steget", "s3", "Tredje insatsen");
            d.rebuild(federations, Set.of("steget"));
            assertEquals(before, identity(otherPart), "kompassen's HSDS part is not written again");
            java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
            hsds.write(whole);
            java.util.Map<String, List<String>> joined;
            try (InputStream in = Files.newInputStream(dir.resolve("hsds.zip"))) {
                joined = entries(in);
            }
            assertEquals(entries(new java.io.ByteArrayInputStream(whole.toByteArray())), joined);
            assertTrue(joined.get("services.csv").stream().anyMatch(l -> l.contains("Tredje insatsen")));
            assertEquals(5, joined.get("services.csv").size(), "a header and four services");
            assertEquals(2, joined.get("organizations.csv").size(), "the provider both federations name, once");
        }
    }

    @Test
    void requestsForDifferentFederationsMakeOneRebuildOfBoth() throws Exception {
        try (Dumps d = dumps()) {
            d.rebuild(federations);
            Files.setLastModifiedTime(dir.resolve("steget.ttl"), LONG_AGO);
            Files.setLastModifiedTime(dir.resolve("kompassen.ttl"), LONG_AGO);
            label("steget", "steget-4", "Fjärde");
            d.requestRebuild(federations, List.of("steget"));
            label("kompassen", "kompassen-4", "Fjärde K");
            d.requestRebuild(federations, List.of("kompassen"));
            await().atMost(30, TimeUnit.SECONDS).until(() -> !Files.exists(dir.resolve(Dumps.STALE_MARKER)));
            assertTrue(Files.readString(dir.resolve("steget.ttl")).contains("Fjärde"));
            assertTrue(Files.readString(dir.resolve("kompassen.ttl")).contains("Fjärde K"));
            assertEquals(storeQuads(), quads(dir.resolve("catalogue.nq.gz")));
            assertEquals(storeItems(), dumpedItems());
        }
    }
}
