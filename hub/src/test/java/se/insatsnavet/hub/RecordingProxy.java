package se.insatsnavet.hub;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A reverse proxy on a free local port in front of a hub that records everything the hub receives: each
 * request's line, headers and body as text, and the headers of each response. A browser pointed at it shows
 * what a page's scripts send to the hub.
 */
final class RecordingProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "host");

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.createHttpClient();
    private final int target;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> responseHeaders = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private RecordingProxy(int target) {
        this.target = target;
    }

    /** A proxy to the hub on 127.0.0.1:{@code hubPort}, listening on 127.0.0.1 and a free port. */
    static RecordingProxy start(int hubPort) throws Exception {
        RecordingProxy proxy = new RecordingProxy(hubPort);
        proxy.server = proxy.vertx.createHttpServer().requestHandler(proxy::forward).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        return proxy;
    }

    int port() {
        return server.actualPort();
    }

    /** Every request received so far: request line, headers and body, as text. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The headers of every response sent so far, as text. */
    List<String> responseHeaders() {
        return List.copyOf(responseHeaders);
    }

    private void forward(HttpServerRequest in) {
        in.body().compose(body -> {
            requests.add(in.method() + " " + in.uri() + "\n" + text(in.headers()) + "\n" + body.toString(StandardCharsets.UTF_8));
            return client.request(in.method(), target, "127.0.0.1", in.uri()).compose(out -> {
                copy(in.headers(), out.headers());
                return out.send(body);
            });
        }).compose(response -> response.body().map(b -> new Answer(response, b))).onComplete(ar -> {
            if (ar.failed()) {
                in.response().setStatusCode(502).end("proxy: " + ar.cause());
                return;
            }
            HttpClientResponse r = ar.result().response();
            responseHeaders.add(in.uri() + "\n" + text(r.headers()));
            in.response().setStatusCode(r.statusCode());
            copy(r.headers(), in.response().headers());
            in.response().end(ar.result().body());
        });
    }

    private record Answer(HttpClientResponse response, Buffer body) {
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }

    private static String text(MultiMap headers) {
        StringBuilder b = new StringBuilder();
        headers.forEach(h -> b.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        return b.toString();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }
}
