package se.insatsnavet.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An HTTP load generator on Vert.x's HTTP client (keep-alive HTTP/1.1, at most {@code concurrency} connections).
 * Closed loop ({@link #run}, {@link #runInterleaved}): {@code concurrency} virtual users each send a request, wait
 * for the whole response body, record its latency and send the next, for a fixed duration after a warm-up; this
 * finds the highest rate, and its latencies are those of a saturated server. Open loop ({@link #runAtRate}):
 * requests are sent at a fixed rate whatever the answers, and each latency counts from the instant its request was
 * due (no coordinated omission: a request that waits for a free connection waits on the clock, as wrk2 does); this
 * gives the latencies at a given rate. Requests in flight when the time is up are awaited (up to a timeout) and
 * counted. Only the loopback interface is ever addressed.
 */
public final class LoadGenerator implements AutoCloseable {

    /** What one load phase measured. */
    public record Result(String name, long requests, long errors, double seconds, double requestsPerSecond,
                         double p50Millis, double p95Millis, double p99Millis, double maxMillis, String firstError,
                         double otherCpuShare) {

        public boolean measured() {
            return requests > 0;
        }
    }

    /** One phase of {@link #runInterleaved}: a name, the server's port, its requests and its warm-up. */
    public record Phase(String name, int port, Supplier<Request> requests, double warmupSeconds) {
    }

    /** One request of a phase: the path (with query) and its request headers. */
    public record Request(String path, Map<String, String> headers) {
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final int concurrency;

    public LoadGenerator(int concurrency) {
        this.concurrency = concurrency;
        // its own Vert.x with one event loop: the client's cost is the same for every server measured
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setMaxInitialLineLength(8192), new PoolOptions().setHttp1MaxSize(concurrency));
    }

    /**
     * Runs one phase against {@code 127.0.0.1:port}: {@code warmupSeconds} unrecorded, then {@code seconds} recorded.
     */
    public Result run(String name, int port, Supplier<Request> requests, double warmupSeconds, double seconds) {
        return runInterleaved(List.of(new Phase(name, port, requests, warmupSeconds)), seconds, 1).get(0);
    }

    /**
     * Runs phases that are to be compared in alternation: every warm-up first, then {@code rounds} rounds in which
     * each phase runs for {@code seconds / rounds}. Anything else that loads the machine meanwhile then weighs on
     * all of them alike. Each result adds up its phase's slices.
     */
    public List<Result> runInterleaved(List<Phase> phases, double seconds, int rounds) {
        for (Phase p : phases) {
            if (p.warmupSeconds() > 0) {
                phase(p.port(), p.requests(), p.warmupSeconds(), null);
            }
        }
        List<Recorder> recorders = new ArrayList<>();
        phases.forEach(p -> recorders.add(new Recorder()));
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < phases.size(); i++) {
                Phase p = phases.get(i);
                Recorder rec = recorders.get(i);
                CpuMeter.Snapshot c0 = CpuMeter.now();
                phase(p.port(), p.requests(), seconds / rounds, rec);
                rec.cpu(c0, CpuMeter.now());
            }
        }
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            out.add(recorders.get(i).result(phases.get(i).name()));
        }
        return out;
    }

    private void phase(int port, Supplier<Request> requests, double seconds, Recorder rec) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            vertx.runOnContext(v -> next(port, requests, deadline, rec, done));
        }
        try {
            // every user finishes its last request; a slow server gets the timeout on top of the duration
            if (!done.await((long) (seconds * 1000) + 120_000, TimeUnit.MILLISECONDS)) {
                if (rec != null) {
                    rec.error("phase did not finish within its duration + 120 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (rec != null) {
            rec.elapsedNanos += System.nanoTime() - start;
        }
    }

    /**
     * Runs one phase at a fixed rate (open loop): {@code warmupSeconds} unrecorded, then {@code seconds} in which
     * {@code rate} requests a second are due; each latency counts from the instant its request was due. The rate of
     * the result is the requests answered over the time until the last answer, so a server that cannot keep up
     * shows both a lower rate and the latencies of its queue.
     */
    public Result runAtRate(String name, int port, Supplier<Request> requests, double warmupSeconds, double seconds, double rate) {
        if (warmupSeconds > 0) {
            atRate(port, requests, warmupSeconds, rate, null);
        }
        Recorder rec = new Recorder();
        CpuMeter.Snapshot c0 = CpuMeter.now();
        atRate(port, requests, seconds, rate, rec);
        rec.cpu(c0, CpuMeter.now());
        return rec.result(name);
    }

    private void atRate(int port, Supplier<Request> requests, double seconds, double rate, Recorder rec) {
        long start = System.nanoTime();
        long total = Math.max(1, (long) (seconds * rate));
        double interval = 1e9 / rate;
        CountDownLatch done = new CountDownLatch((int) Math.min(Integer.MAX_VALUE, total));
        AtomicLong sent = new AtomicLong();
        vertx.runOnContext(v -> vertx.setPeriodic(1, timer -> {
            // every request due by now is sent, however late the timer fired
            long due = Math.min(total, (long) ((System.nanoTime() - start) / interval) + 1);
            while (sent.get() < due) {
                long intended = start + (long) (sent.getAndIncrement() * interval);
                send(port, requests.get(), intended, rec, done::countDown);
            }
            if (sent.get() >= total) {
                vertx.cancelTimer(timer);
            }
        }));
        try {
            if (!done.await((long) (seconds * 1000) + 120_000, TimeUnit.MILLISECONDS) && rec != null) {
                rec.error("phase did not finish within its duration + 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (rec != null) {
            rec.elapsedNanos += System.nanoTime() - start;
        }
    }

    private void next(int port, Supplier<Request> requests, long deadline, Recorder rec, CountDownLatch done) {
        if (System.nanoTime() >= deadline) {
            done.countDown();
            return;
        }
        send(port, requests.get(), System.nanoTime(), rec, () -> next(port, requests, deadline, rec, done));
    }

    /** Sends one request; its latency counts from {@code t0} (System.nanoTime()); then runs {@code then}. */
    private void send(int port, Request r, long t0, Recorder rec, Runnable then) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(r.path()).setIdleTimeout(60_000);
        r.headers().forEach(options::putHeader);
        client.request(options)
                .compose(req -> req.send().compose(resp -> resp.body().map(body -> resp.statusCode())))
                .onComplete(ar -> {
                    long t = System.nanoTime() - t0;
                    if (rec != null) {
                        if (ar.succeeded() && ar.result() >= 200 && ar.result() < 300) {
                            rec.ok(t);
                        } else {
                            rec.error(ar.succeeded() ? "HTTP " + ar.result() + " for " + r.path() : String.valueOf(ar.cause()));
                        }
                    }
                    then.run();
                });
    }

    /** Latencies of successful responses, in nanoseconds; errors counted. */
    private static final class Recorder {
        private long[] latencies = new long[1 << 14];
        private int n;
        private final AtomicLong errors = new AtomicLong();
        private volatile String firstError;
        long elapsedNanos;
        private long cpuOthers;
        private long cpuTotal;

        void cpu(CpuMeter.Snapshot a, CpuMeter.Snapshot b) {
            if (a.total() >= 0 && b.total() > a.total()) {
                cpuOthers += Math.max(0, (b.busy() - a.busy()) - (b.self() - a.self()));
                cpuTotal += b.total() - a.total();
            }
        }

        synchronized void ok(long nanos) {
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = nanos;
        }

        void error(String what) {
            errors.incrementAndGet();
            if (firstError == null) {
                firstError = what;
            }
        }

        synchronized Result result(String name) {
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            double secs = elapsedNanos / 1e9;
            return new Result(name, n, errors.get(), secs, n / secs, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    n == 0 ? Double.NaN : sorted[n - 1] / 1e6, firstError,
                    cpuTotal == 0 ? Double.NaN : cpuOthers / (double) cpuTotal);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    /** A round-robin counter for request suppliers (thread-safe). */
    public static Supplier<Integer> cycle(int size) {
        AtomicInteger i = new AtomicInteger();
        return () -> Math.floorMod(i.getAndIncrement(), size);
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
