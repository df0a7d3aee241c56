package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hub-to-hub federation of service searches: the same {@code /api/services} query sent to every peer hub,
 * each with its own time-out, so a slow or failing peer only loses its own results. Non-blocking (the JDK
 * HTTP client's asynchronous sends, over HTTP/1.1: no cleartext HTTP/2 upgrade). The request's time-out is also
 * held by the answer itself: a peer that accepts the connection and never answers is given up after it, cancelled,
 * whatever state the client's exchange is in (in CI a network query with such a peer among its peers once waited
 * three minutes for an answer; where it waited was not seen).
 */
public final class PeerSearch {

    /** What one peer answered: its body, or why not ({@code timeout}, {@code error: …}). */
    public record PeerAnswer(String peer, JsonNode body, String problem, long millis) {
        public boolean ok() {
            return body != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> peers;
    private final Duration timeout;
    private final HttpClient client;

    public PeerSearch(List<String> peers, Duration timeout) {
        this.peers = peers.stream().map(p -> p.endsWith("/") ? p : p + "/").toList();
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public List<String> peers() {
        return peers;
    }

    /** Asks every peer {@code api/services?<query>} (the query without {@code network}); never fails. */
    public Future<List<PeerAnswer>> ask(String query) {
        List<Future<PeerAnswer>> answers = new ArrayList<>();
        for (String peer : peers) {
            long started = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(peer + "api/services?" + query))
                    .timeout(timeout).header("Accept", "application/json").GET().build();
            CompletableFuture<HttpResponse<String>> sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            // the answer's own bound, a second after the request's time-out; the exchange is then cancelled
            CompletableFuture<HttpResponse<String>> bounded = sent.copy()
                    .orTimeout(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            answers.add(Future.fromCompletionStage(bounded
                    .handle((r, e) -> {
                        long ms = (System.nanoTime() - started) / 1_000_000;
                        if (e != null) {
                            Throwable cause = e.getCause() != null ? e.getCause() : e;
                            boolean timedOut = cause instanceof HttpTimeoutException || cause instanceof TimeoutException;
                            if (timedOut) {
                                sent.cancel(true);
                            }
                            return new PeerAnswer(peer, null, timedOut ? "timeout" : "error: " + cause, ms);
                        }
                        if (r.statusCode() != 200) {
                            return new PeerAnswer(peer, null, "error: HTTP " + r.statusCode(), ms);
                        }
                        try {
                            return new PeerAnswer(peer, JSON.readTree(r.body()), null, ms);
                        } catch (Exception parse) {
                            return new PeerAnswer(peer, null, "error: not JSON", ms);
                        }
                    })));
        }
        return Future.all(answers).map(all -> answers.stream().map(Future::result).toList());
    }
}
