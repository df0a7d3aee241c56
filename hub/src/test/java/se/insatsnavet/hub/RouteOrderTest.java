package se.insatsnavet.hub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub's HTTP routes are those it had before its wiring became a list of feature modules
 * ({@code routes-before-modules.txt}, {@link Hub#routes()} of the hub before), and every two routes that can
 * answer the same request are still tried in the same order (Vert.x matches routes in order). Routes that
 * can never match the same request may be mounted in another order: each feature mounts its own together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteOrderTest {

    @TempDir
    static Path data;
    Hub hub;

    @BeforeAll
    void startHub() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withExamples(false))
                .toCompletionStage().toCompletableFuture().get();
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
    }

    @Test
    void theHubHasExactlyTheRoutesItHadBeforeTheFeatureModules() throws IOException {
        List<String> before = before();
        List<String> now = hub.routes();
        assertEquals(before.stream().sorted().toList(), now.stream().sorted().toList(), "routes now: " + String.join("\n", now));
    }

    @Test
    void routesThatCanMatchTheSameRequestKeepTheirOrder() throws IOException {
        List<String> before = before();
        List<String> now = hub.routes();
        List<String> reordered = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            for (int j = i + 1; j < before.size(); j++) {
                String a = before.get(i);
                String b = before.get(j);
                if (overlap(a, b) && now.indexOf(a) > now.lastIndexOf(b)) {
                    reordered.add(a + " / " + b);
                }
            }
        }
        assertTrue(reordered.isEmpty(), "overlapping routes now in another order: " + reordered);
    }

    @Test
    void theOverlapCheckSeesRoutesThatShareARequest() {
        assertTrue(overlap("GET /assets/*", "GET /assets/site.css"));
        assertTrue(overlap("GET /id/service/:id", "GET /id/service/abc"));
        assertTrue(!overlap("GET /id/service/:id", "PUT /id/service/:id"));
        assertTrue(!overlap("GET /api/federations/:id", "GET /api/federations/:id/runs"));
    }

    private static List<String> before() throws IOException {
        try (InputStream in = RouteOrderTest.class.getResourceAsStream("/routes-before-modules.txt")) {
            assertNotNull(in, "routes-before-modules.txt");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Whether one request (method, path) could match both routes ("GET /a/:b", "GET /a/*"). */
    static boolean overlap(String a, String b) {
        String[] ma = a.split(" ", 2);
        String[] mb = b.split(" ", 2);
        if (!ma[0].equals(mb[0])) {
            return false;
        }
        return segmentsOverlap(ma[1].split("/", -1), mb[1].split("/", -1));
    }

    private static boolean segmentsOverlap(String[] a, String[] b) {
        for (int i = 0; ; i++) {
            boolean endA = i >= a.length;
            boolean endB = i >= b.length;
            if (!endA && a[i].equals("*") || !endB && b[i].equals("*")) {
                return true; // a prefix route takes whatever follows
            }
            if (endA || endB) {
                return endA && endB;
            }
            if (!(a[i].equals(b[i]) || a[i].startsWith(":") || b[i].startsWith(":")
                    || a[i].contains(":") || b[i].contains(":"))) {
                return false;
            }
        }
    }
}
