package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TREE community's LDES client ({@code ldes-client} from npm, the version {@code .ci/run} installs) replays
 * the service event stream of a hub that imported the bundled examples and emits every published service's
 * title: the members' descriptions reach it (each in its member's named graph).
 *
 * <p>Needs {@code node} and the client's {@code cli.js} in {@code INSATSNAVET_LDES_CLIENT}; skipped, saying so,
 * without them, unless {@code INSATSNAVET_REQUIRE_LDES_CLIENT} is set (as {@code .ci/run} does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdesClientTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;
    Path cli;

    @BeforeAll
    void start() throws Exception {
        String configured = System.getenv("INSATSNAVET_LDES_CLIENT");
        cli = configured == null ? null : Path.of(configured);
        boolean present = cli != null && Files.isRegularFile(cli) && nodeRuns();
        if (System.getenv("INSATSNAVET_REQUIRE_LDES_CLIENT") == null) {
            Assumptions.assumeTrue(present, "Skipped: no node or no ldes-client (INSATSNAVET_LDES_CLIENT=<dir>/node_modules/"
                    + "ldes-client/dist/bin/cli.js after npm install ldes-client@0.3.0; .ci/run does this)");
        }
        assertTrue(present, "INSATSNAVET_REQUIRE_LDES_CLIENT is set but node or INSATSNAVET_LDES_CLIENT (" + configured + ") is missing");
        // the stream's IRIs carry the base URI, which the client follows: the hub listens on the port in its base,
        // a free one the system hands out
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HubOptions o = HubOptions.defaults(data).withPort(port).withHost("127.0.0.1");
        HubOptions options = new HubOptions(o.port(), o.host(), o.dataDir(), o.federations(), "http://127.0.0.1:" + port + "/",
                o.jdbcUrl(), o.jdbcUser(), o.jdbcPassword(), o.importOnStart(), o.readRetries(), o.readRetryDelayMillis(),
                o.fileWatchMillis(), o.peers(), o.sparqlStore(), o.cluster());
        hub = Hub.start(options).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(3)).until(http::allFederationsImported);
    }

    @AfterAll
    void stop() throws Exception {
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> publishedTitles() {
        List<String> titles = new ArrayList<>();
        JsonNode items = http.json("/api/services?perPage=100").path("items");
        items.forEach(s -> titles.add(s.path("title").path("sv").asText()));
        assertEquals(http.json("/api/services?perPage=1").path("total").asInt(), titles.size(), "every service on one page");
        return titles;
    }

    @Test
    void theLdesClientEmitsEveryPublishedServicesTitle() throws Exception {
        List<String> titles = publishedTitles();
        assertTrue(titles.size() >= 50, "the bundled examples: " + titles.size());
        Path out = Files.createTempFile(data, "ldes-client", ".nq");
        Path err = Files.createTempFile(data, "ldes-client", ".log");
        Process p = new ProcessBuilder("node", cli.toString(), hub.options().baseUri() + "ldes")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the client finished replaying");
        assertEquals(0, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        String emitted = Files.readString(out, StandardCharsets.UTF_8);
        List<String> missing = titles.stream().filter(t -> !emitted.contains("\"" + escaped(t) + "\"@sv")).toList();
        assertEquals(List.of(), missing, "titles the client did not emit");
    }

    /** A literal's text as N-Quads writes it. */
    private static String escaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
