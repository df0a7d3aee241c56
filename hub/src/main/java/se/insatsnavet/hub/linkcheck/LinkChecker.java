package se.insatsnavet.hub.linkcheck;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Checks that web addresses answer, politely: HEAD first (GET, body discarded, when the server does not allow
 * HEAD), redirects not followed (a redirect answers), a time-out per request, and per host one request at a
 * time with a pause between them. Like the HTTP connectors (SSRF), it only ever asks http(s) addresses, and only
 * on the public internet: names that resolve to loopback, private, link-local or multicast addresses are
 * refused unless {@code allowPrivateAddresses} (tests against a local server).
 */
public final class LinkChecker implements AutoCloseable {

    /** The User-Agent the checker sends. */
    public static final String USER_AGENT = "Insatsnavet-linkcheck/1 (+https://insatsnavet.se; contact link check)";

    private final Vertx vertx;
    private final WebClient client;
    private final Duration timeout;
    private final Duration perHostPause;
    private final boolean allowPrivateAddresses;
    private final Clock clock;
    private final Map<String, Future<?>> lastPerHost = new ConcurrentHashMap<>();

    private LinkChecker(Vertx vertx, Duration timeout, Duration perHostPause, boolean allowPrivateAddresses, Clock clock) {
        this.vertx = vertx;
        this.timeout = timeout;
        this.perHostPause = perHostPause;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.clock = clock;
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent(USER_AGENT).setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    /**
     * @param timeout               longest a request may take
     * @param perHostPause          pause between two requests to the same host
     * @param allowPrivateAddresses whether loopback and private addresses may be asked (tests only)
     */
    public static LinkChecker create(Vertx vertx, Duration timeout, Duration perHostPause, boolean allowPrivateAddresses) {
        return new LinkChecker(vertx, timeout, perHostPause, allowPrivateAddresses, Clock.systemUTC());
    }

    /** Checks one address; the future always succeeds, with what was found. */
    public Future<LinkResult> check(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(result(url, LinkResult.REFUSED, null));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Future.succeededFuture(result(url, LinkResult.REFUSED, null));
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Promise<LinkResult> done = Promise.promise();
        // one request at a time per host, with a pause after each
        lastPerHost.compute(host, (h, previous) -> {
            Future<Void> turn = previous == null ? Future.succeededFuture()
                    : previous.transform(x -> pause());
            Future<LinkResult> mine = turn.compose(x -> publicAddress(host)).compose(isPublic -> isPublic
                    ? ask(url, uri) : Future.succeededFuture(result(url, LinkResult.REFUSED, null)));
            mine.onComplete(ar -> done.complete(ar.succeeded() ? ar.result() : result(url, LinkResult.UNREACHABLE, null)));
            return mine;
        });
        return done.future();
    }

    private Future<Void> pause() {
        Promise<Void> p = Promise.promise();
        vertx.setTimer(Math.max(1, perHostPause.toMillis()), t -> p.complete());
        return p.future();
    }

    private Future<Boolean> publicAddress(String host) {
        if (allowPrivateAddresses) {
            return Future.succeededFuture(true);
        }
        return vertx.executeBlocking(() -> {
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                            || a.isMulticastAddress() || isUniqueLocal(a)) {
                        return false;
                    }
                }
                return true;
            } catch (UnknownHostException e) {
                // unknown names are unreachable, not refused: let the request say so
                return true;
            }
        }, false);
    }

    private static boolean isUniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private Future<LinkResult> ask(String url, URI uri) {
        return send(HttpMethod.HEAD, uri).compose(r -> {
            int status = r.statusCode();
            if (status == 405 || status == 501 || status == 403 || status == 400) {
                return send(HttpMethod.GET, uri).map(g -> outcome(url, g.statusCode()));
            }
            return Future.succeededFuture(outcome(url, status));
        }).recover(e -> Future.succeededFuture(result(url, isTimeout(e) ? LinkResult.TIMEOUT : LinkResult.UNREACHABLE, null)));
    }

    private Future<HttpResponse<Void>> send(HttpMethod method, URI uri) {
        return client.requestAbs(method, uri.toString()).timeout(timeout.toMillis()).as(BodyCodec.none()).send();
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ConnectTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private LinkResult outcome(String url, int status) {
        return result(url, status < 400 ? LinkResult.OK : LinkResult.BROKEN, status);
    }

    private LinkResult result(String url, String outcome, Integer status) {
        return new LinkResult(url, outcome, status, clock.instant());
    }

    @Override
    public void close() {
        client.close();
    }
}
