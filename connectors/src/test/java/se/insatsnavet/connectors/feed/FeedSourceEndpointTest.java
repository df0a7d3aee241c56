package se.insatsnavet.connectors.feed;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.fixture.FixtureServer;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedSourceEndpointTest {

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Insatser i Västerås</title>
                <item>
                  <title>Jobbspår Västerås</title>
                  <link>https://example.se/insatser/jobbspar</link>
                  <guid isPermaLink="false">vas-12</guid>
                  <description><![CDATA[<p>Stöd till arbete för unga &amp; vuxna.</p><p>Ring&nbsp;oss!</p>]]></description>
                  <category>Unga vuxna</category>
                  <category>Arbetsträning</category>
                  <pubDate>Tue, 03 Nov 2026 10:15:00 +0100</pubDate>
                  <dc:creator>Samordningsförbundet</dc:creator>
                </item>
                <item>
                  <link>https://example.se/insatser/utan-titel</link>
                </item>
                <item>
                  <title>Studiestöd</title>
                  <link>https://example.se/insatser/studiestod</link>
                </item>
              </channel>
            </rss>
            """;

    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Insatser</title>
              <id>urn:uuid:feed</id>
              <updated>2026-11-01T08:00:00Z</updated>
              <entry>
                <title type="html">Samtalsstöd &lt;b&gt;för&lt;/b&gt; föräldrar</title>
                <link rel="alternate" href="https://example.se/samtal"/>
                <link rel="edit" href="https://example.se/edit/1"/>
                <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                <updated>2026-10-30T12:00:00+01:00</updated>
                <summary>Samtal i grupp.</summary>
                <category term="Föräldrar"/>
                <author><name>Region Västmanland</name></author>
              </entry>
            </feed>
            """;

    @TempDir
    Path dir;

    private CamelContext context;
    private FixtureServer server;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.start();
        server = FixtureServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        server.close();
    }

    private SourceBatch read(String path, String body) throws Exception {
        server.serve(path, "application/xml; charset=utf-8", body);
        return assertInstanceOf(FeedSourceEndpoint.class,
                context.getEndpoint("insats-feed:vasteras/nyheter?url=RAW(" + server.url(path) + ")")).read();
    }

    @Test
    void readsRssItemsWithPlainTextCategoriesAndIsoDates() throws Exception {
        SourceBatch batch = read("/rss", RSS);
        assertEquals(2, batch.records().size());
        RawRecord first = batch.records().get(0);
        assertEquals("vas-12", first.get("id"));
        assertEquals("Jobbspår Västerås", first.get("title"));
        assertEquals("Stöd till arbete för unga & vuxna.\nRing oss!", first.get("summary"));
        assertEquals("https://example.se/insatser/jobbspar", first.get("link"));
        assertEquals(List.of("Unga vuxna", "Arbetsträning"), first.get("categories"));
        assertEquals("2026-11-03T10:15+01:00", first.get("published"));
        assertEquals("Samordningsförbundet", first.get("author"));
        assertEquals("item 1", first.locator());
        assertEquals("https://example.se/insatser/studiestod", batch.records().get(1).get("id"));
    }

    @Test
    void anItemWithoutTitleIsAProblemAndTheOthersComeThrough() throws Exception {
        SourceBatch batch = read("/rss", RSS);
        assertEquals(1, batch.problems().size());
        assertEquals("item 2", batch.problems().get(0).locator());
        assertEquals("title", batch.problems().get(0).field());
    }

    @Test
    void readsAtomEntriesWithTheAlternateLink() throws Exception {
        RawRecord entry = read("/atom", ATOM).records().get(0);
        assertEquals("Samtalsstöd för föräldrar", entry.get("title"));
        assertEquals("https://example.se/samtal", entry.get("link"));
        assertEquals("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", entry.get("id"));
        assertEquals(List.of("Föräldrar"), entry.get("categories"));
        assertEquals("Region Västmanland", entry.get("author"));
        assertEquals("2026-10-30T12:00+01:00", entry.get("updated"));
    }

    @Test
    void aFeedWithAnExternalEntityIsRefusedAndTheFileIsNotRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>
                """.formatted(secret.toUri());
        IOException e = assertThrows(IOException.class, () -> read("/xxe", xxe));
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void aBrokenDocumentFailsWithItsPosition() {
        IOException e = assertThrows(IOException.class, () -> read("/broken", "<rss><channel><item><title>x</item></rss>"));
        assertTrue(e.getMessage().contains("not a well-formed feed"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        IOException html = assertThrows(IOException.class, () -> read("/html", "<html><body>404</body></html>"));
        assertTrue(html.getMessage().contains("found <html>"), html.getMessage());
    }
}
