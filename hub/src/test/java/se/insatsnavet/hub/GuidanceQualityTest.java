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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality of a federation's guidance articles on {@code /api/quality/{federation}} and on the editors' page:
 * long sentences (standard text over 25 words, lättläst text over 15), rare (long) words, a missing lättläst version
 * as information and links to services that are not published, with true counts.
 */
class GuidanceQualityTest {

    private static final String ARTICLES = """
            [ {"id": "lang", "kind": "vagval", "title": "Jobbspåret",
               "text": "Jobbspåret ger dig arbetslivsinriktade insatser. Du som vill komma tillbaka till ett arbete eller till studier efter en lång tid hemma kan få stöd av en coach som följer dig hela vägen och hjälper dig med allt.",
               "easyText": "Vi hjälper dig att få ett jobb. Du får en egen coach."},
              {"id": "sara", "kind": "story", "title": "Saras väg", "text": "Jag fick hjälp och nu har jag ett jobb."},
              {"id": "kostar", "kind": "question", "title": "Kostar det något?", "question": "Kostar det något?",
               "answer": "Nej, det är gratis.", "services": ["s1", "finns-inte"]},
              {"id": "halsa", "kind": "vagval", "title": "Hälsoteket", "text": "Hälsoteket ger stöd för hälsan.",
               "easyText": "Du kan prata med oss om allt som är svårt för dig och vi lyssnar på dig hela tiden."} ]
            """;

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;

    @BeforeEach
    void start() throws Exception {
        Path alfa = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(alfa.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [
                  {"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}},
                  {"id": "artiklar", "kind": "file", "location": "artiklar.json", "format": "json", "records": "articles"}
                 ]}
                """, StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("lista.csv"), "Id;Namn;Text\ns1;Jobbspåret;Stöd till arbete.\n", StandardCharsets.UTF_8);
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
    void theQualityReportCountsTheArticlesFindingsTruly() {
        JsonNode articles = http.json("/api/quality/alfa").path("articles");
        assertEquals(4, articles.path("articles").asInt(), articles.toString());
        assertEquals(1, articles.path("withLongSentences").asInt());
        assertEquals(1, articles.path("withLongSentencesInEasyText").asInt());
        assertEquals(1, articles.path("withRareWords").asInt());
        assertEquals(2, articles.path("withoutEasyToRead").asInt());
        assertEquals(1, articles.path("withUnresolvedLinks").asInt());
    }

    @Test
    void eachArticleSaysWhatToImproveInWhichText() {
        JsonNode articles = http.json("/api/quality/alfa").path("articles");
        assertEquals(List.of("long-sentences:text:Du som vill komma tillbaka till …", "rare-words:text:arbetslivsinriktade"),
                findings(articles, "alfa/lang"));
        assertEquals(List.of("long-sentences:easyText:Du kan prata med oss om …"), findings(articles, "alfa/halsa"));
        assertEquals(List.of("no-easy-to-read:easyText:"), findings(articles, "alfa/sara"));
        assertEquals(List.of("no-easy-to-read:easyText:", "unresolved-links:services:finns-inte"), findings(articles, "alfa/kostar"));
        assertEquals("information", item(articles, "alfa/sara").path("findings").get(0).path("severity").asText());
    }

    @Test
    void theEditorsPageHasASectionVagledningWithTheSameCounts() {
        HttpResponse<String> page = http.get("/kvalitet/alfa", "text/html");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<h2>Vägledning</h2>"), html);
        assertTrue(html.contains("<li>Texter: 4</li>"), html);
        assertTrue(html.contains("<li>Med en mening på fler än 25 ord: 1</li>"), html);
        assertTrue(html.contains("<li>Med en mening på fler än 15 ord i den lättlästa texten: 1</li>"), html);
        assertTrue(html.contains("<li>Utan lättläst version: 2</li>"), html);
        assertTrue(html.contains("<li>Med länkar till insatser som inte finns: 1</li>"), html);
        assertTrue(html.contains("Länkar till insatser som inte finns: ”finns-inte”"), html);
        assertTrue(html.contains("<a href=\"/vagledning/alfa/lang\">Jobbspåret</a>"), html);
    }

    private static JsonNode item(JsonNode articles, String id) {
        for (JsonNode a : articles.path("items")) {
            if (a.path("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError(id + " not in " + articles);
    }

    private static List<String> findings(JsonNode articles, String id) {
        List<String> out = new ArrayList<>();
        item(articles, id).path("findings").forEach(f -> out.add(f.path("type").asText() + ":" + f.path("field").asText() + ":"
                + (f.path("values").isEmpty() ? "" : f.path("values").get(0).asText())));
        return out;
    }
}
