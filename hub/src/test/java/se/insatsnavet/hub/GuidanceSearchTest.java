package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/search}: guidance articles found by Swedish words (inflected forms, compound parts) beside the
 * services, a kind per hit and a facet with counts per kind, kinds to narrow by, bounded paging, 400s naming an
 * unknown parameter or kind; {@code /api/services} stays services only; the index follows a deleted article.
 */
class GuidanceSearchTest {

    private static final String ARTICLES = """
            [ {"id": "jobbsparet", "kind": "vagval", "title": "Jobbspåret på lätt svenska",
               "text": "Hos Jobbspåret kan du få arbetsträning på en arbetsplats nära dig.", "services": ["s1"]},
              {"id": "sara", "kind": "story", "title": "Saras väg tillbaka",
               "text": "Jag var sjukskriven länge. Sedan fick jag arbetsträning på ett kafé och nu har jag ett jobb."},
              {"id": "kostar", "kind": "question", "title": "Kostar det något?",
               "question": "Kostar arbetsträning något?", "answer": "Nej, det är gratis för dig."},
              {"id": "sjukskriven", "kind": "situation-guide", "title": "Om du är sjukskriven",
               "steps": [{"title": "Prata med din läkare", "text": "Läkaren skriver ett intyg till Försäkringskassan."}],
               "situations": ["sjukskriven"]} ]
            """;

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;
    Path alfa;

    @BeforeEach
    void start() throws Exception {
        alfa = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(alfa.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [
                  {"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}},
                  {"id": "artiklar", "kind": "file", "location": "artiklar.json", "format": "json", "records": "articles"}
                 ]}
                """, StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("lista.csv"),
                "Id;Namn;Text\ns1;Jobbspåret;Arbetsträning och stöd till arbete.\ns2;Hälsoteket;Stöd för hälsan.\n",
                StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("artiklar.json"), ARTICLES, StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        hub.syncNow("alfa", "test");
        http = new TestHttp(hub.port());
    }

    @AfterEach
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    @Test
    void anInflectedSwedishWordFindsArticlesBesideTheServicesWithAKindPerHitAndCountsPerKind() {
        JsonNode body = http.json("/api/search?q=arbetstr%C3%A4ningen");
        assertEquals(4, body.path("total").asInt(), body.toString());
        assertEquals(List.of("vagval", "story", "question", "service"), kinds(body).stream().sorted((a, b) ->
                Integer.compare(order(a), order(b))).toList());
        assertEquals("service", body.path("items").get(3).path("kind").asText(), "guidance first, then the services");
        assertEquals("alfa.s1", body.path("items").get(3).path("id").asText());
        JsonNode facet = body.path("facets").path("kind");
        assertEquals(1, facet.path("service").asInt());
        assertEquals(1, facet.path("vagval").asInt());
        assertEquals(1, facet.path("story").asInt());
        assertEquals(1, facet.path("question").asInt());
        assertEquals(0, facet.path("situation-guide").asInt());
        JsonNode story = find(body, "alfa/sara");
        assertEquals("Saras väg tillbaka", story.path("title").asText());
        assertEquals("/vagledning/alfa/sara", story.path("page").asText());
        assertTrue(story.path("iri").asText().endsWith("/id/article/alfa/sara"), story.toString());
        assertTrue(story.path("summary").asText().startsWith("Jag var sjukskriven länge."), story.toString());
    }

    @Test
    void aPartOfACompoundAndAStepOfAGuideAreFound() {
        // "träningen" is a part of "arbetsträning" (compound split), "intyget" the definite form of a step's "intyg"
        assertEquals(List.of("alfa/jobbsparet", "alfa/kostar", "alfa/sara"),
                ids(http.json("/api/search?q=tr%C3%A4ningen&kind=vagval&kind=story&kind=question")).stream().sorted().toList());
        JsonNode guide = http.json("/api/search?q=intyget");
        assertEquals(List.of("alfa/sjukskriven"), ids(guide));
        assertEquals("situation-guide", guide.path("items").get(0).path("kind").asText());
    }

    @Test
    void kindsNarrowTheHitsWhileTheFacetStillCountsEveryKind() {
        JsonNode stories = http.json("/api/search?q=arbetstr%C3%A4ning&kind=story");
        assertEquals(1, stories.path("total").asInt());
        assertEquals(List.of("alfa/sara"), ids(stories));
        assertEquals(1, stories.path("facets").path("kind").path("service").asInt());
        assertEquals(1, stories.path("facets").path("kind").path("question").asInt());
        JsonNode two = http.json("/api/search?q=arbetstr%C3%A4ning&kind=story&kind=service");
        assertEquals(List.of("alfa/sara", "alfa.s1"), ids(two));
        JsonNode services = http.json("/api/search?kind=service");
        assertEquals(2, services.path("total").asInt(), "no words: every current service");
        assertEquals(List.of("service", "service"), kinds(services));
    }

    @Test
    void pagesRunOverTheArticlesThenTheServices() {
        JsonNode second = http.json("/api/search?q=arbetstr%C3%A4ning&perPage=2&page=2");
        assertEquals(4, second.path("total").asInt());
        assertEquals(2, second.path("items").size());
        assertEquals("service", second.path("items").get(1).path("kind").asText());
        assertEquals("alfa.s1", second.path("items").get(1).path("id").asText());
        JsonNode third = http.json("/api/search?q=arbetstr%C3%A4ning&perPage=2&page=3");
        assertEquals(0, third.path("items").size());
        List<String> all = new ArrayList<>(ids(http.json("/api/search?q=arbetstr%C3%A4ning&perPage=2&page=1")));
        all.addAll(ids(second));
        assertEquals(ids(http.json("/api/search?q=arbetstr%C3%A4ning")), all);
    }

    @Test
    void anUnknownParameterOrKindOrAPageBeyondTheBoundIsA400NamingIt() {
        HttpResponse<String> sort = http.get("/api/search?q=jobb&sort=title", null);
        assertEquals(400, sort.statusCode());
        assertTrue(sort.body().contains("'sort'"), sort.body());
        HttpResponse<String> kind = http.get("/api/search?kind=blog", null);
        assertEquals(400, kind.statusCode());
        assertTrue(kind.body().contains("'kind'") && kind.body().contains("'blog'"), kind.body());
        HttpResponse<String> deep = http.get("/api/search?page=100000", null);
        assertEquals(400, deep.statusCode());
        assertTrue(deep.body().contains("'page'"), deep.body());
        HttpResponse<String> perPage = http.get("/api/search?perPage=101", null);
        assertEquals(400, perPage.statusCode());
        assertTrue(perPage.body().contains("'perPage'"), perPage.body());
    }

    @Test
    void theSearchPageListsTheGuidanceBesideTheServicesWithAKindFacetInSwedish() {
        HttpResponse<String> page = http.get("/?q=arbetstr%C3%A4ningen", "text/html");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<h2 id=\"vagledning-rubrik\">Vägledning (3)</h2>"), html);
        assertTrue(html.contains("<a href=\"/vagledning/alfa/sara\">Saras väg tillbaka</a>"), html);
        assertTrue(html.contains("slag=story\">Berättelser om livet</a> (1)"), html);
        assertTrue(html.contains("slag=vagval\">Vägval</a> (1)"), html);
        assertFalse(html.contains("slag=situation-guide"), "no link to a kind without hits");
        assertTrue(html.contains("<h2>1 insats</h2>"), "the services as before");
        String stories = http.get("/?q=arbetstr%C3%A4ningen&slag=story", "text/html").body();
        assertTrue(stories.contains("Vägledning (1)"), stories);
        assertTrue(stories.contains("aria-current=\"true\">Berättelser om livet</a> (1)"), stories);
        assertFalse(stories.contains("/vagledning/alfa/kostar\""), stories);
        assertFalse(http.get("/?q=h%C3%A4lsan", "text/html").body().contains("Vägledning ("), "no section without matching articles");
    }

    @Test
    void anArticlesTitleAndTextAreEscapedOnTheSearchPageAndTheQualityPage() throws Exception {
        Files.writeString(alfa.resolve("artiklar.json"), ARTICLES.replaceFirst("\\[", """
                [ {"id": "elak", "kind": "story", "title": "<script>alert(1)</script> Arbetsträning",
                   "text": "Arbetsträning <img src=x onerror=alert(2)> hjälpte mig."},"""), StandardCharsets.UTF_8);
        hub.syncNow("alfa", "test");
        String search = http.get("/?q=arbetstr%C3%A4ning&slag=story", "text/html").body();
        assertTrue(search.contains("&lt;script&gt;alert(1)&lt;/script&gt; Arbetsträning"), search);
        assertTrue(search.contains("&lt;img src=x onerror=alert(2)&gt;"), search);
        String quality = http.get("/kvalitet/alfa", "text/html").body();
        assertTrue(quality.contains("&lt;script&gt;alert(1)&lt;/script&gt; Arbetsträning"), quality);
        for (String html : List.of(search, quality)) {
            assertFalse(html.contains("<script>alert") || html.contains("<img src=x"), html);
        }
    }

    @Test
    void theServicesSearchStaysServicesOnly() {
        JsonNode services = http.json("/api/services?q=arbetstr%C3%A4ningen");
        assertEquals(1, services.path("total").asInt());
        assertEquals("alfa.s1", services.path("items").get(0).path("id").asText());
        assertFalse(services.path("items").get(0).has("kind"), "the services' items keep their shape");
        assertFalse(services.path("facets").has("kind"));
    }

    @Test
    void anArticleGoneFromItsSourceIsNoLongerFoundAndANewOneIs() throws Exception {
        // Sara's story is gone (the others stay: the deletion guard keeps a source that lost most of its records)
        Files.writeString(alfa.resolve("artiklar.json"), ARTICLES.replaceFirst("(?s)\\{\"id\": \"sara\".*?\\},", """
                {"id": "ny", "kind": "story", "title": "Amirs första lön",
                   "text": "Efter ett år fick Amir en anställning på lagret."},"""), StandardCharsets.UTF_8);
        hub.syncNow("alfa", "test");
        assertEquals(0, http.json("/api/search?q=arbetstr%C3%A4ning&kind=story").path("total").asInt());
        assertEquals(List.of("alfa/ny"), ids(http.json("/api/search?q=anst%C3%A4llningen")));
    }

    private static JsonNode find(JsonNode body, String id) {
        for (JsonNode item : body.path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + body);
    }

    private static List<String> ids(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("items").forEach(i -> out.add(i.path("id").asText()));
        return out;
    }

    private static List<String> kinds(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("items").forEach(i -> out.add(i.path("kind").asText()));
        return out;
    }

    private static int order(String kind) {
        return List.of("vagval", "story", "question", "situation-guide", "service").indexOf(kind);
    }
}
