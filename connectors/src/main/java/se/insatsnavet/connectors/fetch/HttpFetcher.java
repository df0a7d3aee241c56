package se.insatsnavet.connectors.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GETs source documents for one endpoint. Remembers the validators ({@code ETag}, {@code Last-Modified}) and
 * body of every URL it fetched, sends them back as {@code If-None-Match} / {@code If-Modified-Since}, and on a
 * {@code 304 Not Modified} hands out the remembered body again, so an unchanged source costs one empty
 * response. Redirects (at most {@value #MAX_REDIRECTS}) are followed only to allowed hosts; anything but 2xx
 * and 304 is an {@link IOException} naming the URL and the status. Thread-safe.
 */
public final class HttpFetcher {

    static final int MAX_REDIRECTS = 5;

    private final String owner;
    private final Duration timeout;
    private final long maxBytes;
    private final HostPolicy hosts;
    private final String authorization;
    private final HttpClient client;
    private final Map<URI, Remembered> remembered = new ConcurrentHashMap<>();

    /** What one GET gave. {@code notModified}: the server answered 304 and {@code body} is the remembered one. */
    public record Response(URI uri, int status, byte[] body, Map<String, List<String>> headers,
                           boolean notModified) {

        /** The first value of a response header (case-insensitive), if any. */
        public Optional<String> header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return Optional.of(e.getValue().get(0));
                }
            }
            return Optional.empty();
        }
    }

    private record Remembered(String etag, String lastModified, byte[] body, Map<String, List<String>> headers) {
    }

    /**
     * @param owner         who fetches, put before every error message (e.g. {@code "insats-http vasteras/api"})
     * @param timeout       connect and whole-response time-out
     * @param maxBytes      largest body accepted
     * @param hosts         hosts the fetcher may contact
     * @param authorization value of the {@code Authorization} header, or {@code null}
     */
    public HttpFetcher(String owner, Duration timeout, long maxBytes, HostPolicy hosts, String authorization) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBytes = maxBytes;
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.authorization = authorization == null || authorization.isBlank() ? null : authorization;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GETs {@code uri} (conditionally, if it was fetched before) asking for {@code accept}. */
    public Response get(URI uri, String accept) throws IOException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            hosts.check(owner, current);
            HttpResponse<InputStream> response = send(current, accept);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        new IOException(owner + ": HTTP " + status + " without a Location from " + uri));
                response.body().close();
                current = current.resolve(location);
                continue;
            }
            return answer(current, response);
        }
        throw new IOException(owner + ": more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    private HttpResponse<InputStream> send(URI uri, String accept) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", accept)
                .header("User-Agent", "Insatsnavet/0.1 (+https://insatsnavet.se)");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Remembered last = remembered.get(uri);
        if (last != null && last.etag() != null) {
            request.header("If-None-Match", last.etag());
        }
        if (last != null && last.lastModified() != null) {
            request.header("If-Modified-Since", last.lastModified());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException(owner + ": no answer from " + uri + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(owner + ": interrupted while reading " + uri, e);
        } catch (IOException e) {
            throw new IOException(owner + ": cannot read " + uri + ": " + describe(e), e);
        }
    }

    private Response answer(URI uri, HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        Remembered last = remembered.get(uri);
        if (status == 304) {
            response.body().close();
            if (last == null) {
                throw new IOException(owner + ": HTTP 304 from " + uri + " for a request that was not conditional");
            }
            return new Response(uri, status, last.body(), last.headers(), true);
        }
        if (status < 200 || status >= 300) {
            String excerpt = excerpt(response.body());
            throw new IOException(owner + ": HTTP " + status + " from " + uri + (excerpt.isEmpty() ? "" : ": " + excerpt));
        }
        byte[] body = readCapped(uri, response.body());
        Map<String, List<String>> headers = response.headers().map();
        String etag = response.headers().firstValue("ETag").orElse(null);
        String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        if (etag != null || lastModified != null) {
            remembered.put(uri, new Remembered(etag, lastModified, body, headers));
        } else {
            remembered.remove(uri);
        }
        return new Response(uri, status, body, headers, false);
    }

    private byte[] readCapped(URI uri, InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new IOException(owner + ": the response from " + uri + " is larger than " + maxBytes
                        + " bytes (option maxBytes)");
            }
            return body;
        } catch (HttpTimeoutException e) {
            throw new IOException(owner + ": " + uri + " stopped answering within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(owner)) {
                throw e;
            }
            throw new IOException(owner + ": the response from " + uri + " broke off: " + describe(e), e);
        }
    }

    private static String excerpt(InputStream in) {
        try (in) {
            String text = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
            return text.replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.toLowerCase(Locale.ROOT).contains(e.getClass().getSimpleName().toLowerCase(Locale.ROOT))
                ? message : e.getClass().getSimpleName() + ": " + message;
    }
}
