package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay the catalogue-feed test uses ({@link LdesDcatReplay}) is right: it passes DIGG's own test cases
 * (diggsweden/LDES-DCAT-AP-test-cases): each case's {@code before.ttl} plus {@code feed.trig} gives a graph for
 * which {@code test.sparql} answers true, isomorphic with {@code after.ttl}, and the counts and IRIs of
 * {@code report.json}.
 */
class DiggLdesTestCasesTest {

    @TestFactory
    Stream<DynamicTest> everyDiggTestCaseReplaysToItsExpectedGraphAndReport() throws Exception {
        Path suite = SharedFolder.require("standards/ldes-dcat-ap/digg-testsuite");
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(suite)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("feed.trig"))).sorted().forEach(cases::add);
        }
        assertTrue(cases.size() >= 26, "DIGG's 26 cases: " + cases);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws Exception {
        Model before = ModelFactory.createDefaultModel();
        RDFDataMgr.read(before, dir.resolve("before.ttl").toString());
        Dataset feed = DatasetFactory.create();
        RDFDataMgr.read(feed, dir.resolve("feed.trig").toString());
        LdesDcatReplay replay = new LdesDcatReplay(before);
        replay.apply(feed);

        try (QueryExecution ask = QueryExecution.model(replay.state).query(Files.readString(dir.resolve("test.sparql"))).build()) {
            assertTrue(ask.execAsk(), dir + ": test.sparql");
        }
        Model after = ModelFactory.createDefaultModel();
        RDFDataMgr.read(after, dir.resolve("after.ttl").toString());
        assertTrue(after.isIsomorphicWith(replay.state), dir + ": after.ttl");

        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(report.path("added").asInt(), replay.added.size(), dir + ": added");
        assertEquals(report.path("updated").asInt(), replay.updated.size(), dir + ": updated");
        assertEquals(report.path("removed").asInt(), replay.removed.size(), dir + ": removed");
        assertEquals(report.path("unchanged").asInt(), replay.unchanged(), dir + ": unchanged");
        assertEquals(iris(report.path("addedURIs")), new TreeSet<>(replay.added), dir + ": addedURIs");
        assertEquals(iris(report.path("updatedURIs")), new TreeSet<>(replay.updated), dir + ": updatedURIs");
        assertEquals(iris(report.path("removedURIs")), new TreeSet<>(replay.removed), dir + ": removedURIs");
    }

    private static Set<String> iris(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
