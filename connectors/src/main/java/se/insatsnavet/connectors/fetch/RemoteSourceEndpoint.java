package se.insatsnavet.connectors.fetch;

import org.apache.camel.Component;
import org.apache.camel.spi.UriParam;
import se.insatsnavet.connectors.source.SourceEndpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Base of the endpoints that read a source over HTTP(S): the typed options every such connector shares
 * ({@code url}, {@code timeout}, {@code maxBytes}, {@code allowedHosts}, {@code authorization}) and the
 * endpoint's {@link HttpFetcher}, which keeps the validators of conditional requests between polls.
 */
public abstract class RemoteSourceEndpoint extends SourceEndpoint {

    @UriParam(description = "URL of the source (http or https)")
    private String url;

    @UriParam(defaultValue = "30000",
            description = "Connect and response time-out in milliseconds; a slower source fails the read")
    private long timeout = 30_000;

    @UriParam(defaultValue = "52428800", description = "Largest response accepted, in bytes (default 50 MB)")
    private long maxBytes = 50L * 1024 * 1024;

    @UriParam(label = "security",
            description = "Comma-separated hosts the source may be read from (next-page links and redirects included);"
                    + " default: the host of url only")
    private String allowedHosts;

    @UriParam(label = "security", secret = true,
            description = "Value of the Authorization header, e.g. Bearer {{env:SOURCE_TOKEN}}")
    private String authorization;

    private volatile HttpFetcher fetcher;

    protected RemoteSourceEndpoint(String endpointUri, Component component) {
        super(endpointUri, component);
    }

    /** The scheme and source, for messages: {@code insats-http vasteras/api}. */
    protected String owner() {
        return scheme() + " " + getFederationId() + "/" + getSourceId();
    }

    private String scheme() {
        String uri = getEndpointUri();
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }

    /** Fails fast on a missing or malformed url, or one the host policy refuses. */
    public void checkUrl() {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(owner() + ": option 'url' is required");
        }
        URI uri = uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || !HostPolicy.of(uri, allowedHosts).allows(uri)) {
            throw new IllegalArgumentException(owner() + ": url " + url + " is not an http(s) URL on the allowed hosts");
        }
    }

    /** The url as a URI. */
    public URI uri() {
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(owner() + ": option 'url' is not a URL: " + e.getMessage(), e);
        }
    }

    /** This endpoint's fetcher, created on first use. */
    protected HttpFetcher fetcher() {
        HttpFetcher current = fetcher;
        if (current == null) {
            synchronized (this) {
                if (fetcher == null) {
                    fetcher = new HttpFetcher(owner(), Duration.ofMillis(timeout), maxBytes,
                            HostPolicy.of(uri(), allowedHosts), authorization);
                }
                current = fetcher;
            }
        }
        return current;
    }

    public String getUrl() {
        return url;
    }

    /** URL of the source (http or https). */
    public void setUrl(String url) {
        this.url = url;
    }

    public long getTimeout() {
        return timeout;
    }

    /** Connect and response time-out in milliseconds. */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public long getMaxBytes() {
        return maxBytes;
    }

    /** Largest response accepted, in bytes. */
    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public String getAllowedHosts() {
        return allowedHosts;
    }

    /** Comma-separated hosts the source may be read from; default: the host of url only. */
    public void setAllowedHosts(String allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public String getAuthorization() {
        return authorization;
    }

    /** Value of the Authorization header. */
    public void setAuthorization(String authorization) {
        this.authorization = authorization;
    }
}
