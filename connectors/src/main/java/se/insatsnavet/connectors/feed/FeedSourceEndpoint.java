package se.insatsnavet.connectors.feed;

import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import se.insatsnavet.connectors.fetch.HttpFetcher;
import se.insatsnavet.connectors.fetch.RemoteSourceEndpoint;
import se.insatsnavet.connectors.read.RecordReader;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceHeaders;

import java.io.IOException;
import java.time.Instant;

/**
 * {@code insats-feed:<federationId>/<sourceId>?url=...}: one record per RSS {@code item} or Atom
 * {@code entry}, with the fields {@code id}, {@code title}, {@code summary}, {@code content}, {@code link},
 * {@code categories}, {@code published}, {@code updated} and {@code author} (HTML in texts reduced to plain
 * text). A feed with a DTD or entity declarations is refused as a whole (no XXE).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = FeedSourceComponent.SCHEME, title = "Insatsnavet RSS/Atom source",
        syntax = "insats-feed:federationId/sourceId", category = {Category.DOCUMENT},
        headersClass = SourceHeaders.class)
public class FeedSourceEndpoint extends RemoteSourceEndpoint {

    @UriParam(enums = "rss,atom", description = "rss or atom; when unset, told from the document's root element")
    private String format;

    public FeedSourceEndpoint(String endpointUri, FeedSourceComponent component) {
        super(endpointUri, component);
    }

    @Override
    public SourceBatch read() throws Exception {
        Instant fetchedAt = Instant.now();
        HttpFetcher.Response response = fetcher().get(uri(),
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8");
        RecordReader.Result result;
        try {
            result = FeedReader.read(response.body(), format);
        } catch (IOException e) {
            throw new IOException(owner() + ": " + response.uri() + ": " + e.getMessage(), e);
        }
        return new SourceBatch(getFederationId(), getSourceId(), result.records(), result.problems(),
                SourceBatch.fingerprintOf(response.body()), fetchedAt);
    }

    public String getFormat() {
        return format;
    }

    /** rss or atom; when unset, told from the document's root element. */
    public void setFormat(String format) {
        this.format = format;
    }
}
