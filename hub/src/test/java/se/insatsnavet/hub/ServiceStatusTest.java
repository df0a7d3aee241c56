package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.StatusFilter;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status of a service everywhere, over the bundled examples (49 active, 6 ended, 4 paused, 4 planned): the
 * search page, Hittaguiden, {@code /api/services} and the HSDS list show current services unless asked for
 * more; every card of a service that is not active says so in Swedish.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceStatusTest {

    @TempDir
    static Path data;
    Hub hub;
    TestHttp http;
    /** Every service of the examples, by status (status=all). */
    final Map<String, Set<String>> idsByStatus = new TreeMap<>();
    final Map<String, JsonNode> byId = new TreeMap<>();

    @BeforeAll
    void start() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1"))
                .toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        await().atMost(Duration.ofMinutes(5)).until(http::allFederationsImported);
        for (int page = 1; page <= 3; page++) {
            for (JsonNode s : http.json("/api/services?status=all&perPage=100&page=" + page).path("items")) {
                idsByStatus.computeIfAbsent(StatusFilter.status(s), k -> new HashSet<>()).add(s.path("id").asText());
                byId.put(s.path("id").asText(), s);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private Set<String> ids(String path) {
        Set<String> ids = new HashSet<>();
        http.json(path).path("items").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    @Test
    void theExamplesHaveServicesOfEveryStatus() {
        assertEquals(63, byId.size());
        assertEquals(Set.of("active", "ended", "paused", "planned"), idsByStatus.keySet());
        assertEquals(49, idsByStatus.get("active").size());
        assertEquals(6, idsByStatus.get("ended").size());
        assertEquals(4, idsByStatus.get("paused").size());
        assertEquals(4, idsByStatus.get("planned").size());
    }

    @Test
    void theApiListsOnlyCurrentServicesByDefault() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> expected = new HashSet<>();
        byId.forEach((id, s) -> {
            if (StatusFilter.isCurrent(s, today)) {
                expected.add(id);
            }
        });
        assertTrue(expected.containsAll(idsByStatus.get("active")));
        Set<String> shown = ids("/api/services?perPage=100");
        assertEquals(expected, shown);
        assertEquals(expected.size(), http.json("/api/services?perPage=1").path("total").asInt());
        assertEquals(shown, ids("/api/services?perPage=100&status=current"));
        idsByStatus.get("ended").forEach(id -> assertFalse(shown.contains(id), id));
        idsByStatus.get("paused").forEach(id -> assertFalse(shown.contains(id), id));
    }

    @Test
    void theStatusParameterWidensOrNarrowsTheList() {
        assertEquals(63, http.json("/api/services?status=all&perPage=1").path("total").asInt());
        assertEquals(idsByStatus.get("ended"), ids("/api/services?status=ended&perPage=100"));
        Set<String> pausedOrEnded = new HashSet<>(idsByStatus.get("ended"));
        pausedOrEnded.addAll(idsByStatus.get("paused"));
        assertEquals(pausedOrEnded, ids("/api/services?status=paused,ended&perPage=100"));
        HttpResponse<String> bad = http.get("/api/services?status=gone", "application/json");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("'status'"), bad.body());
        assertEquals(400, http.get("/api/services?status=all,ended", "application/json").statusCode());
    }

    @Test
    void theJobCoachsQueryNoLongerReturnsTheEndedSamordningsbron() {
        String query = "/api/services?municipality=0580&age=24&targetGroup=activity-compensation&perPage=100";
        Set<String> titles = new HashSet<>();
        http.json(query).path("items").forEach(s -> titles.add(ServicePage.text(s.path("title"))));
        assertFalse(titles.stream().anyMatch(t -> t.startsWith("Samordningsbron")), titles.toString());
        Set<String> all = new HashSet<>();
        http.json(query + "&status=all").path("items").forEach(s -> all.add(ServicePage.text(s.path("title"))));
        assertTrue(all.stream().anyMatch(t -> t.startsWith("Samordningsbron")), all.toString());
    }

    @Test
    void hittaguidenNeverAnswersWithAnEndedService() {
        String html = http.get("/hittaguiden?alder=24&kommun=0580&situation=aktivitetsersattning&hjalp=arbete&flera=ja",
                "text/html").body();
        assertFalse(html.contains("Samordningsbron"), html);
        for (String id : idsByStatus.get("ended")) {
            assertFalse(html.contains("/id/service/" + id + "\""), id);
        }
    }

    @Test
    void theSearchPageShowsCurrentServicesAndBadgesTheOthersWhenAskedForAll() {
        String html = http.get("/?kommun=0580", "text/html").body();
        for (String id : idsByStatus.get("ended")) {
            assertFalse(html.contains("/id/service/" + id + "\""), id);
        }
        assertFalse(html.contains("Avslutad"), "no ended service by default");
        assertTrue(html.contains("status=alla"), "a link to widen the list");
        String all = http.get("/?status=alla&sida=1", "text/html").body() + http.get("/?status=alla&sida=2", "text/html").body()
                + http.get("/?status=alla&sida=3", "text/html").body();
        assertTrue(all.contains("<p class=\"status status-ended\"><strong>Avslutad"), all);
        assertTrue(all.contains("<p class=\"status status-paused\"><strong>Pausad"), all);
        assertTrue(all.contains("status=alla&amp;") || all.contains("name=\"status\" value=\"alla\""), "the choice is kept");
    }

    @Test
    void anEndedServicesOwnPageSaysSoAtTheTop() {
        String id = idsByStatus.get("ended").iterator().next();
        String html = http.get("/id/service/" + id, "text/html").body();
        int badge = html.indexOf("<p class=\"status status-ended\"><strong>Avslutad");
        assertTrue(badge > html.indexOf("<h1>") && badge < html.indexOf("<dl>"), html);
        String active = http.get("/id/service/" + idsByStatus.get("active").iterator().next(), "text/html").body();
        assertFalse(active.contains("class=\"status "), "no badge on an active service");
    }

    @Test
    void theHsdsListIsCurrentServicesByDefaultAndWidens() {
        int current = http.json("/api/services?perPage=1").path("total").asInt();
        assertEquals(current, http.json("/hsds/services?per_page=1").path("total_items").asInt());
        assertEquals(63, http.json("/hsds/services?per_page=1&status=all").path("total_items").asInt());
    }

    @Test
    void withoutTheSearchIndexSparqlFiltersTheStatusesAlike() {
        ServiceCatalog bySparql = new ServiceCatalog(hub.store(), ServiceRdf.of(HubIris.of(hub.options().baseUri())));
        for (String status : List.of(StatusFilter.CURRENT, StatusFilter.ALL, "paused,ended", "planned")) {
            ServiceFilter filter = new ServiceFilter(List.of(), null, null, null, 1, ServiceFilter.MAX_PER_PAGE,
                    new ServiceFilter.More(null, null, null, null, status));
            Set<String> viaSparql = new HashSet<>();
            bySparql.findBySparql(filter).items().forEach(i -> viaSparql.add(i.path("id").asText()));
            assertEquals(ids("/api/services?perPage=100&status=" + status), viaSparql, status);
        }
    }

    @Test
    void aPlannedServiceIsShownWithItsStart() {
        for (String id : idsByStatus.getOrDefault("planned", Set.of())) {
            JsonNode s = byId.get(id);
            String html = http.get("/id/service/" + id, "text/html").body();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String expected = StatusFilter.start(s).map(d -> d.isBefore(today) ? "Planerad – skulle starta " + d
                    : "Planerad – startar " + d).orElse("Planerad – startdatum är inte bestämt");
            assertTrue(html.contains(Html.escape(expected)), id + ": " + expected);
        }
    }
}
