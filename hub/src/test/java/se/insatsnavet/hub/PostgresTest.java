package se.insatsnavet.hub;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub on a real PostgreSQL server as its operational database: the same Flyway migrations, imports, runs,
 * change log, tokens and the audit log, surviving a restart. .ci/run installs and starts the server
 * (Debian's postgresql) and sets INSATSNAVET_PG_URL/USER/PASSWORD; elsewhere the test is skipped, saying so.
 */
class PostgresTest {

    @TempDir
    Path data;

    @Test
    void theHubRunsOnPostgresqlAndKeepsItsStateAcrossARestart() throws Exception {
        String url = System.getenv("INSATSNAVET_PG_URL");
        if (System.getenv("INSATSNAVET_REQUIRE_POSTGRES") == null) {
            Assumptions.assumeTrue(url != null, "No PostgreSQL server (set INSATSNAVET_PG_URL, _USER, _PASSWORD; .ci/run does)");
        }
        String user = System.getenv("INSATSNAVET_PG_USER");
        String password = System.getenv("INSATSNAVET_PG_PASSWORD");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        HubOptions options = HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withDatabase(url, user, password);
        Hub hub = Hub.start(options).toCompletionStage().toCompletableFuture().get();
        long services;
        String token;
        try {
            TestHttp http = new TestHttp(hub.port());
            await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
            services = http.json("/api/services?perPage=1").path("total").asLong();
            assertTrue(services > 40);
            token = hub.tokens().create("vasteras", "pg test").secret();
            HttpResponse<String> sync = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + hub.port() + "/api/federations/vasteras/sync"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, sync.statusCode(), sync.body());
            http.json("/api/services?targetGroup=young-adults");
            http.json("/api/services?targetGroup=young-adults");
        } finally {
            hub.stop().get(5, TimeUnit.MINUTES);
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT COUNT(*) FROM import_run");
            rs.next();
            assertTrue(rs.getLong(1) >= 5, "runs are in PostgreSQL");
            rs = s.executeQuery("SELECT COUNT(*) FROM audit_log WHERE path = '/api/federations/vasteras/sync'");
            rs.next();
            assertEquals(1, rs.getLong(1), "the write is audit-logged in PostgreSQL");
            // versions are text in Flyway's table ("10" sorts before "9"): ask for the newest one by name
            rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '" + newestMigration() + "' AND success");
            rs.next();
            assertEquals(1, rs.getLong(1), "every Flyway migration ran on PostgreSQL, the newest (V" + newestMigration() + ") too");
            rs = s.executeQuery("SELECT times FROM usage_daily WHERE kind = 'target-group' AND item = 'young-adults'");
            assertTrue(rs.next(), "the usage counts are written to PostgreSQL at the latest when the hub stops");
            assertEquals(2, rs.getLong(1));
        }
        Hub again = Hub.start(options.withImportOnStart(false)).toCompletionStage().toCompletableFuture().get();
        try {
            TestHttp http = new TestHttp(again.port());
            assertEquals(services, http.json("/api/services?perPage=1").path("total").asLong());
            assertTrue(http.json("/api/federations/vasteras/runs").path("items").size() >= 2);
            assertTrue(again.tokens().authenticate(token).isPresent(), "tokens live in PostgreSQL");
        } finally {
            again.stop().get(5, TimeUnit.MINUTES);
        }
    }

    /** The highest version among the hub's migration scripts ({@code db/migration/V<n>__*.sql}). */
    private static String newestMigration() throws Exception {
        java.net.URL dir = PostgresTest.class.getClassLoader().getResource("db/migration");
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
            return String.valueOf(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9]+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        }
    }
}
