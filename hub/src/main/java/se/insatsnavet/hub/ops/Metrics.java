package se.insatsnavet.hub.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.RunReport;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The hub's metrics (Micrometer, Prometheus registry), served at {@code GET /metrics} in the Prometheus text
 * format: HTTP request latencies per route template and status class, import runs per federation and outcome
 * with their records (added, updated, deleted, rejected) and durations, runs interrupted by a stop and resumed,
 * clustered the members a node sees, and JVM memory and threads.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics() {
        // present from the start, so that a scrape shows 0 rather than nothing
        runsInterrupted(0);
        runsResumed(0);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    /** Times every request: {@code insatsnavet_http_requests_seconds{route, method, status}}. Put it first on the router. */
    public Handler<RoutingContext> requestTimer() {
        return ctx -> {
            long started = System.nanoTime();
            ctx.addEndHandler(done -> {
                String route = ctx.currentRoute() != null && ctx.currentRoute().getPath() != null
                        ? ctx.currentRoute().getPath() : "other";
                Timer.builder("insatsnavet.http.requests").tag("route", route).tag("method", ctx.request().method().name())
                        .tag("status", (ctx.response().getStatusCode() / 100) + "xx")
                        .publishPercentileHistogram().register(registry)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            });
            ctx.next();
        };
    }

    /** Counts a finished import run and its records. */
    public void runFinished(RunReport run) {
        String federation = run.federationId();
        String status = run.status().label();
        Counter.builder("insatsnavet.import.runs").tag("federation", federation).tag("status", status).register(registry).increment();
        record(federation, "added", run.counts().added());
        record(federation, "updated", run.counts().updated());
        record(federation, "deleted", run.counts().deleted());
        record(federation, "rejected", run.counts().rejected());
        if (run.durationMillis() >= 0) {
            Timer.builder("insatsnavet.import.duration").tag("federation", federation).register(registry)
                    .record(run.durationMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void record(String federation, String kind, long n) {
        if (n > 0) {
            Counter.builder("insatsnavet.import.records").tag("federation", federation).tag("result", kind)
                    .register(registry).increment(n);
        }
    }

    /**
     * Counts import runs this node found left unfinished by a stop (its own last stop, or another node's) and
     * marked {@code interrupted}: {@code insatsnavet_import_runs_interrupted_total}.
     */
    public void runsInterrupted(int count) {
        Counter.builder("insatsnavet.import.runs.interrupted").register(registry).increment(count);
    }

    /** Counts interrupted runs this node read and imported again: {@code insatsnavet_import_runs_resumed_total}. */
    public void runsResumed(int count) {
        Counter.builder("insatsnavet.import.runs.resumed").register(registry).increment(count);
    }

    /** Clustered: the members this node sees, as {@code insatsnavet_cluster_members} (read at each scrape). */
    public void clusterMembers(IntSupplier members) {
        Gauge.builder("insatsnavet.cluster.members", members::getAsInt).register(registry);
    }

    /** {@code GET /metrics}. */
    public Handler<RoutingContext> scrape() {
        return ctx -> Responses.send(ctx, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }
}
