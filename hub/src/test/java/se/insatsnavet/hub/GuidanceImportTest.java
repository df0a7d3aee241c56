package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.changes.ChangeLog;
import se.insatsnavet.hub.guidance.Article;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.imports.RecordType;
import se.insatsnavet.hub.imports.RunMessage;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guidance articles imported like services: from a JSON file, a WordPress site (served by a local server) and a
 * push, through the same runs, record hashes and change log (type article); an unresolved link is a warning naming
 * the record and field while the article is published; an article gone from its source is deleted.
 */
class GuidanceImportTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ARTICLES = """
            [ {"id": "s1", "kind": "vagval", "title": "Jobbspåret på lätt svenska",
               "text": "Jobbspåret hjälper dig att hitta ett arbete.", "easyText": "Vi hjälper dig att få ett jobb.",
               "services": ["s1"], "targetGroups": ["young-adults"], "municipalities": ["0580"]},
              {"id": "guide-sjuk", "kind": "situation-guide", "title": "Om du är sjukskriven",
               "steps": [{"title": "Prata med din läkare", "text": "Läkaren skriver ett intyg."},
                         {"title": "Ansök om sjukpenning", "text": "Du ansöker hos Försäkringskassan."}],
               "situations": ["sjukskriven"], "services": ["s1", "s2"]},
              {"id": "fraga-1", "kind": "question", "title": "Kostar det något?",
               "question": "Kostar det något att vara med?", "answer": "Nej, det är gratis.",
               "services": ["s2", "finns-inte"], "situations": ["aktivitetsersattning", "pa-manen"]} ]
            """;

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Vertx vertx;
    HttpServer wordpress;
    Hub hub;
    Path alfa;
    final List<Change> articleChanges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/wp-json/wp/v2/posts").handler(ctx -> ctx.response().putHeader("X-WP-TotalPages", "1")
                .putHeader("Content-Type", "application/json").end(new JsonArray()
                        .add(new JsonObject().put("id", 501).put("link", "https://alfa.example/fragor/resor")
                                .put("date", "2026-01-15T09:00:00").put("modified", "2026-02-03T10:30:00")
                                .put("title", new JsonObject().put("rendered", "Får jag ersättning för resor?"))
                                .put("content", new JsonObject().put("rendered", "<p>Ja, <strong>resor</strong> till insatsen ersätts.</p>"))
                                .put("_embedded", new JsonObject().put("wp:term", new JsonArray().add(new JsonArray()
                                        .add(new JsonObject().put("name", "Vanliga frågor").put("taxonomy", "category"))))))
                        .add(new JsonObject().put("id", 502).put("link", "https://alfa.example/berattelser/sara")
                                .put("modified", "2026-03-01T08:00:00")
                                .put("title", new JsonObject().put("rendered", "Saras väg tillbaka"))
                                .put("content", new JsonObject().put("rendered", "<p>Jag var sjukskriven i två år.</p>"))
                                .put("acf", new JsonObject().put("services", "s1").put("situations", "Sjukskriven"))
                                .put("_embedded", new JsonObject().put("wp:term", new JsonArray().add(new JsonArray()
                                        .add(new JsonObject().put("name", "Nyheter").put("taxonomy", "category"))
                                        .add(new JsonObject().put("name", "Berättelser om livet").put("taxonomy", "category"))))))
                        .encode()));
        wordpress = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);

        alfa = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(alfa.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [
                  {"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}},
                  {"id": "artiklar", "kind": "file", "location": "artiklar.json", "format": "json", "records": "articles"},
                  {"id": "webb", "kind": "wordpress", "location": "http://127.0.0.1:%d/", "records": "articles"}
                 ]}
                """.formatted(wordpress.actualPort()), StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("lista.csv"), "Id;Namn;Text\ns1;Jobbspåret;Stöd till arbete.\ns2;Hälsoteket;Stöd för hälsan.\n",
                StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("artiklar.json"), ARTICLES, StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        hub.imports().onArticleChanges(articleChanges::addAll);
    }

    @AfterEach
    void stop() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
        vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }

    private Map<String, RunReport> sync() {
        return hub.syncNow("alfa", "test").stream().collect(Collectors.toMap(RunReport::sourceId, r -> r));
    }

    private ArticleCatalog catalog() {
        return hub.articleCatalog();
    }

    @Test
    void articlesFromAJsonFileArePublishedAndFoundByServiceSituationAndKind() {
        Map<String, RunReport> runs = sync();
        RunReport run = runs.get("artiklar");
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(3, run.counts().added());
        assertEquals(2, runs.get("lista").counts().added(), "the services sharing a local id with an article are there too");

        Article vagval = catalog().byId("alfa/s1").orElseThrow();
        assertEquals("vagval", vagval.kind());
        assertEquals("Vi hjälper dig att få ett jobb.", vagval.easyText());
        assertEquals(List.of("alfa.s1"), vagval.serviceIds());
        assertEquals(List.of("0580"), vagval.municipalities());

        assertEquals(List.of("alfa/s1", "alfa/guide-sjuk", "alfa/502"), catalog().byService("alfa.s1").stream()
                .map(Article::id).toList(), "by title: the file's two and the WordPress story");
        Article guide = catalog().bySituation("sjukskriven").get(0);
        assertEquals("alfa/guide-sjuk", guide.id());
        assertEquals(List.of(new Article.Step("Prata med din läkare", "Läkaren skriver ett intyg."),
                new Article.Step("Ansök om sjukpenning", "Du ansöker hos Försäkringskassan.")), guide.steps());
        assertEquals(List.of("alfa/501", "alfa/fraga-1"), catalog().byKind("question").stream().map(Article::id).toList());
        Article question = catalog().byKind("question").get(1);
        assertEquals("Kostar det något att vara med?", question.question());
        assertEquals("Nej, det är gratis.", question.answer());
        assertEquals(5, catalog().count(new ArticleCatalog.Filter("alfa", null, null, null)), "3 from the file, 2 from WordPress");
        assertEquals(1, catalog().count(new ArticleCatalog.Filter("alfa", "alfa.s2", null, "situation-guide")));
        assertEquals(0, catalog().count(new ArticleCatalog.Filter("beta", null, null, null)));

        assertEquals(5, articleChanges.stream().filter(c -> c.type() == RecordType.ARTICLE).count());
        assertTrue(articleChanges.stream().allMatch(c -> c.action() == Change.Action.ADDED));
        // a second sync changes nothing: the article named s1 does not disturb the service s1, nor the other way round
        Map<String, RunReport> again = sync();
        assertEquals(3, again.get("artiklar").counts().unchanged());
        assertEquals(2, again.get("lista").counts().unchanged());
        assertEquals(0, again.get("lista").counts().deleted() + again.get("artiklar").counts().deleted());
    }

    @Test
    void anUnresolvedLinkIsAWarningNamingTheRecordAndFieldAndTheArticleIsStillPublished() {
        RunReport run = sync().get("artiklar");
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals(2, run.counts().warnings(), run.messages().toString());
        RunMessage service = run.messages().stream().filter(m -> "services".equals(m.field())).findFirst().orElseThrow();
        assertEquals(RunMessage.WARNING, service.level());
        assertEquals("fraga-1", service.localId());
        assertEquals("finns-inte", service.value());
        RunMessage situation = run.messages().stream().filter(m -> "situations".equals(m.field())).findFirst().orElseThrow();
        assertEquals("fraga-1", situation.localId());
        assertEquals("pa-manen", situation.value());

        Article question = catalog().byId("alfa/fraga-1").orElseThrow();
        assertEquals(List.of("aktivitetsersattning"), question.situations(), "an unknown situation is left out");
        assertEquals(List.of("finns-inte", "s2"), question.services(), "a service link is kept until the service exists");
    }

    @Test
    void wordPressPostsBecomeArticlesThroughTheBuiltInMapping() {
        RunReport run = sync().get("webb");
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(2, run.counts().added());

        Article question = catalog().byId("alfa/501").orElseThrow();
        assertEquals("question", question.kind());
        assertEquals("Får jag ersättning för resor?", question.question());
        assertEquals("Ja, resor till insatsen ersätts.", question.answer());
        assertEquals("2026-02-03", question.modified());
        assertEquals("2026-01-15", question.published());
        assertEquals("https://alfa.example/fragor/resor", question.url());

        Article story = catalog().byId("alfa/502").orElseThrow();
        assertEquals("story", story.kind(), "the first category that names a kind");
        assertEquals("Jag var sjukskriven i två år.", story.text());
        assertEquals(List.of("s1"), story.services());
        assertEquals(List.of("sjukskriven"), story.situations(), "a situation matched by its label");
    }

    @Test
    void pushedArticlesNeedTheFederationsTokenAndArePublished() throws Exception {
        sync();
        String alfaToken = hub.tokens().create("alfa", "test alfa").secret();
        String otherToken = hub.tokens().create("beta", "test beta").secret();
        String body = """
                [{"id": "push-1", "kind": "story", "title": "Omars första lön", "text": "Efter ett år fick jag jobb.",
                  "services": ["s2"]},
                 {"id": "push-2", "kind": "question", "title": "Saknar svar"}]""";
        assertEquals(401, put("/api/federations/alfa/articles", null, body).statusCode());
        assertEquals(403, put("/api/federations/alfa/articles", otherToken, body).statusCode());

        HttpResponse<String> r = put("/api/federations/alfa/articles", alfaToken, body);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = TestHttp.JSON.readTree(r.body());
        assertEquals("push-articles", report.path("source").asText(), r.body());
        assertEquals(1, report.path("counts").path("added").asInt(), r.body());
        assertEquals(1, report.path("counts").path("rejected").asInt(), "a question without its question and answer");
        assertTrue(r.body().contains("push-2") && r.body().contains("answer"), r.body());

        Article story = catalog().byId("alfa/push-1").orElseThrow();
        assertEquals("Efter ett år fick jag jobb.", story.text());
        assertEquals(List.of("alfa/push-1"), catalog().byService("alfa.s2").stream().filter(a -> a.kind().equals("story"))
                .map(Article::id).toList());
        assertTrue(catalog().byId("alfa/fraga-1").isPresent(), "a push leaves the file's articles alone");
    }

    @Test
    void anArticleGoneFromItsSourceIsDeletedThroughTheChangeLog() throws Exception {
        sync();
        long before = hub.changeLog().newestSeq();
        JsonNode all = TestHttp.JSON.readTree(ARTICLES);
        Files.writeString(alfa.resolve("artiklar.json"), "[" + all.get(0) + "," + all.get(1) + "]", StandardCharsets.UTF_8);
        RunReport run = sync().get("artiklar");
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.toString());
        assertEquals(1, run.counts().deleted());
        assertTrue(catalog().byId("alfa/fraga-1").isEmpty());
        assertEquals(List.of("alfa/s1", "alfa/guide-sjuk"), catalog().byFederation("alfa").stream()
                .filter(a -> !a.localId().startsWith("50")).map(Article::id).toList());

        List<ChangeLog.RunEntry> logged = hub.changeLog().withRunsAfter(before, 100);
        assertEquals(1, logged.size(), logged.toString());
        assertEquals("alfa/fraga-1", logged.get(0).serviceId());
        assertEquals("deleted", logged.get(0).action());
        assertEquals("article", logged.get(0).recordType());
        assertFalse(hub.imports().runs().hashes("alfa", RecordType.ARTICLE).containsKey("fraga-1"));
        assertTrue(hub.imports().runs().hashes("alfa", RecordType.SERVICE).containsKey("s1"));
    }

    private HttpResponse<String> put(String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path))
                .timeout(TestHttp.REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
