package se.insatsnavet.hub.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-client rate limit of an expensive endpoint (search, SPARQL): a token bucket per client address
 * (Bucket4j), {@code 429 Too Many Requests} with {@code Retry-After} when it is empty. At most
 * {@value #MAX_CLIENTS} clients are tracked; the least recently seen is forgotten first.
 */
public final class RateLimit implements Handler<RoutingContext> {

    static final int MAX_CLIENTS = 10_000;

    private final String name;
    private final long perMinute;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    private RateLimit(String name, long perMinute) {
        this.name = name;
        this.perMinute = perMinute;
    }

    /** At most {@code perMinute} requests a minute per client, with bursts of that size. */
    public static RateLimit perMinute(String name, long perMinute) {
        return new RateLimit(name, perMinute);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            ctx.response().putHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            ctx.next();
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Responses.problem(ctx, 429, "Too many " + name + " requests from " + client + "; at most " + perMinute
                + " a minute. Retry after " + seconds + " s, or use the bulk dumps (/dumps/) for whole-catalogue reads.");
    }
}
