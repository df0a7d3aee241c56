package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.security.AuditLog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Likely duplicates across federations on a real hub: listed with their reasons, per federation and on the
 * editors' page; confirmed or rejected by a token of either federation (audit-logged); confirmed pairs
 * published as owl:sameAs and skos:exactMatch in Turtle, JSON-LD and SPARQL; rejected ones not listed again.
 */
class DuplicatesTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SERVICE = """
            {"localId": "%s", "title": {"sv": "%s"}, "description": {"sv": "Stöd på vägen mot arbete."},
             "municipalities": [%s], "targetGroups": ["young-adults"],
             "provider": {"name": {"sv": "%s"}, "type": "municipality"}, "contact": {"email": "%s"}}""";

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    TestHttp http;
    String alfaToken;
    String betaToken;
    String gammaToken;

    @BeforeEach
    void startHub() throws Exception {
        for (String id : List.of("alfa", "beta", "gamma")) {
            Path dir = Files.createDirectories(federations.resolve(id));
            Files.writeString(dir.resolve("federation.json"), """
                    {"id": "%s", "name": {"sv": "Samordningsförbundet %s"}, "municipalities": ["0580", "0581"],
                     "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                       "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                                   "defaults": {"municipalities": "$federation.municipalities"}}}]}
                    """.formatted(id, id), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("lista.csv"), "Id;Namn;Text\n", StandardCharsets.UTF_8);
        }
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(1, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
        http = new TestHttp(hub.port());
        alfaToken = hub.tokens().create("alfa", "test alfa").secret();
        betaToken = hub.tokens().create("beta", "test beta").secret();
        gammaToken = hub.tokens().create("gamma", "test gamma").secret();
        push("alfa", alfaToken, service("p1", "Arbetsträning i Linköping", "\"0580\"", "Linköpings kommun", "jobb@linkoping.se"),
                service("p2", "Studiestöd för unga", "\"0580\"", "Alfa förbund", "alfa@example.se"));
        push("beta", betaToken, service("q1", "Arbetsträning Linköping <b>", "\"0580\"", "Linköpings kommun", "jobb@linkoping.se"),
                service("q2", "Simskola för vuxna", "\"0580\"", "Beta förbund", "beta@example.se"),
                service("q3", "Studiestöd unga", "\"0581\"", "Beta förbund", "beta@example.se"));
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.stop().get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    private static String service(String id, String title, String municipalities, String provider, String email) {
        return SERVICE.formatted(id, title, municipalities, provider, email);
    }

    private void push(String federation, String token, String... services) throws Exception {
        HttpResponse<String> r = send("PUT", "/api/federations/" + federation + "/services", token,
                "[" + String.join(",", services) + "]");
        assertEquals(200, r.statusCode(), r.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String decision(String d) {
        return "{\"decision\": \"" + d + "\"}";
    }

    private static boolean lists(JsonNode page, String a, String b) {
        for (JsonNode item : page.path("items")) {
            if (item.path("a").path("id").asText().equals(a) && item.path("b").path("id").asText().equals(b)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theSameServiceListedByTwoFederationsIsListedWithItsReasons() {
        JsonNode page = http.json("/api/duplicates");
        assertEquals(1, page.path("total").asInt(), "only the Linköping pair scores high enough: " + page);
        JsonNode pair = page.path("items").get(0);
        assertEquals("alfa.p1", pair.path("a").path("id").asText());
        assertEquals("beta.q1", pair.path("b").path("id").asText());
        assertTrue(pair.path("score").asInt() >= 50 && pair.path("score").asInt() <= 100, pair.toString());
        String reasons = pair.path("reasons").toString();
        assertTrue(reasons.contains("same email") && reasons.contains("same provider")
                && reasons.contains("shared municipalities 0580") && reasons.contains("title similarity"), reasons);
        assertEquals("open", pair.path("status").asText());
        assertTrue(lists(http.json("/api/duplicates?federation=beta"), "alfa.p1", "beta.q1"));
        assertEquals(0, http.json("/api/duplicates?federation=gamma").path("total").asInt());
        assertEquals(404, http.get("/api/duplicates?federation=nowhere", "application/json").statusCode());
        assertEquals(400, http.get("/api/duplicates?perPage=1000", "application/json").statusCode());
        assertEquals(0, http.json("/api/duplicates?page=2").path("items").size());
    }

    @Test
    void onlyATokenOfEitherFederationOrAnAdminDecidesAndEveryAttemptIsAudited() throws Exception {
        assertEquals(401, send("PUT", "/api/duplicates/alfa.p1/beta.q1", null, decision("confirmed")).statusCode());
        assertEquals(403, send("PUT", "/api/duplicates/alfa.p1/beta.q1", gammaToken, decision("confirmed")).statusCode());
        assertEquals(400, send("PUT", "/api/duplicates/alfa.p1/beta.q1", betaToken, decision("merged")).statusCode());
        assertEquals(400, send("PUT", "/api/duplicates/beta.q1/beta.q3", betaToken, decision("confirmed")).statusCode());
        assertEquals(404, send("PUT", "/api/duplicates/alfa.p1/beta.nothing", betaToken, decision("confirmed")).statusCode());
        assertTrue(lists(http.json("/api/duplicates"), "alfa.p1", "beta.q1"), "nothing was decided");
        HttpResponse<String> ok = send("PUT", "/api/duplicates/beta.q1/alfa.p1", betaToken, decision("confirmed"));
        assertEquals(200, ok.statusCode(), ok.body());
        // the audit log is written when each response has ended
        await().atMost(Duration.ofMinutes(5)).until(() -> hub.audit().recent(20).stream().anyMatch(e -> e.status() == 200
                && e.actor().contains("beta") && "confirmed: alfa.p1 and beta.q1".equals(e.detail())));
        List<AuditLog.Entry> audit = hub.audit().recent(20);
        assertTrue(audit.stream().anyMatch(e -> e.status() == 401 && e.path().equals("/api/duplicates/alfa.p1/beta.q1")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.status() == 403 && e.actor().contains("gamma")), audit.toString());
    }

    @Test
    void aConfirmedPairIsPublishedAsSameAsInTurtleJsonLdAndSparql() throws Exception {
        HttpResponse<String> ok = send("PUT", "/api/duplicates/alfa.p1/beta.q1", alfaToken, decision("confirmed"));
        assertEquals(200, ok.statusCode(), ok.body());
        assertFalse(lists(http.json("/api/duplicates"), "alfa.p1", "beta.q1"), "a decided pair is no longer open");
        JsonNode confirmed = http.json("/api/duplicates?status=confirmed");
        assertEquals(1, confirmed.path("total").asInt(), confirmed.toString());
        assertTrue(confirmed.path("items").get(0).path("decidedBy").asText().contains("alfa"));
        String a = hubIri("alfa.p1");
        String b = hubIri("beta.q1");
        for (String[] syntax : new String[][] {{"text/turtle", "TTL"}, {"application/ld+json", "JSONLD"}}) {
            for (String[] pair : new String[][] {{"alfa.p1", a, b}, {"beta.q1", b, a}}) {
                HttpResponse<String> r = http.get("/id/service/" + pair[0], syntax[0]);
                assertEquals(200, r.statusCode());
                Model m = ModelFactory.createDefaultModel();
                // JSON-LD refers to the published context by a path relative to the document: parse with its URL
                RDFParser.fromString(r.body(), syntax[1].equals("TTL") ? Lang.TURTLE : Lang.JSONLD)
                        .base("http://localhost:" + hub.port() + "/id/service/" + pair[0]).parse(m);
                assertTrue(m.contains(m.createResource(pair[1]), OWL.sameAs, m.createResource(pair[2])), r.body());
                assertTrue(m.contains(m.createResource(pair[1]), SKOS.exactMatch, m.createResource(pair[2])), r.body());
            }
        }
        String ask = "ASK { <" + a + "> <" + OWL.sameAs.getURI() + "> <" + b + "> }";
        HttpResponse<String> sparql = http.get("/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, sparql.statusCode(), sparql.body());
        assertTrue(TestHttp.JSON.readTree(sparql.body()).path("boolean").asBoolean(), sparql.body());
        assertEquals(4L, (long) hub.store().graph(hub.options().baseUri() + "graph/links").size(),
                "both ways, owl:sameAs and skos:exactMatch");


        // the Swedish pages link each other, the other federation's text escaped
        String page = http.get("/id/service/alfa.p1", "text/html").body();
        assertTrue(page.contains("<h2 id=\"samma-insats\">Samma insats hos andra</h2>\n<p>Samma insats finns också hos:</p>\n"
                + "<ul>\n<li>Samordningsförbundet beta: <a href=\"" + b + "\">Arbetsträning Linköping &lt;b&gt;</a></li>\n</ul>"), page);
        assertFalse(page.contains("Linköping <b>"), "escaped");
        assertTrue(http.get("/id/service/beta.q1", "text/html").body().contains("Samordningsförbundet alfa: <a href=\"" + a
                + "\">Arbetsträning i Linköping</a>"));
        assertFalse(http.get("/id/service/alfa.p2", "text/html").body().contains("Samma insats"), "p2 has no confirmed duplicate");

        assertEquals(204, send("DELETE", "/api/duplicates/alfa.p1/beta.q1", betaToken, null).statusCode());
        assertTrue(lists(http.json("/api/duplicates"), "alfa.p1", "beta.q1"), "a withdrawn decision lists the pair again");
        assertFalse(http.get("/id/service/alfa.p1", "text/turtle").body().contains("beta.q1"), "and unpublishes its link");
        assertFalse(http.get("/id/service/alfa.p1", "text/html").body().contains("Samma insats"), "also on the page");
    }

    @Test
    void aRejectedPairIsNotListedAgainEvenAfterTheServicesChange() throws Exception {
        assertEquals(200, send("PUT", "/api/duplicates/alfa.p1/beta.q1", betaToken, decision("rejected")).statusCode());
        assertEquals(0, http.json("/api/duplicates").path("total").asInt());
        push("alfa", alfaToken, service("p1", "Arbetsträning i Linköping!", "\"0580\"", "Linköpings kommun", "jobb@linkoping.se"),
                service("p2", "Studiestöd för unga", "\"0580\"", "Alfa förbund", "alfa@example.se"));
        assertEquals(0, http.json("/api/duplicates").path("total").asInt());
        assertEquals(1, http.json("/api/duplicates?status=rejected").path("total").asInt());
        assertFalse(http.get("/id/service/alfa.p1", "text/turtle").body().contains("sameAs"));
    }

    @Test
    void theEditorsPageListsPossibleDuplicatesInSwedish() {
        HttpResponse<String> r = http.get("/kvalitet/alfa", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        int section = html.indexOf("Möjliga dubbletter");
        assertTrue(section > 0, html);
        assertTrue(html.indexOf("Arbetsträning Linköping &lt;b&gt;") > section, html);
        assertTrue(html.contains("Samma e-post"), html);
        assertFalse(html.contains("<b>"), "a federation's text is escaped");
        assertTrue(html.contains("/api/duplicates?federation=alfa"), html);
    }

    private String hubIri(String serviceId) {
        return hub.options().baseUri() + "id/service/" + serviceId;
    }
}
