package se.insatsnavet.hub.plugins;

import se.insatsnavet.plugin.api.MappingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs calls into plugin code on the host's own threads with a time limit. An exception, an error (a
 * missing class, a stack overflow) or a time-out becomes a {@link PluginFailure} naming the plugin and the call;
 * only the API's own outcomes pass through: a {@code MappingException} (a record the plugin cannot map) and
 * an {@code IOException} (a source it cannot read, as an {@code UncheckedIOException}).
 */
final class PluginCalls implements AutoCloseable {

    /** A plugin call that threw or took too long. */
    static final class PluginFailure extends RuntimeException {
        PluginFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Duration timeout;
    private final ExecutorService threads;

    PluginCalls(Duration timeout) {
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "insatsnavet-plugin-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Duration timeout() {
        return timeout;
    }

    /** Calls {@code work} of plugin {@code pluginId}; {@code what} names the call in the failure. */
    <T> T call(String pluginId, String what, Callable<T> work) {
        Future<T> future = threads.submit(work);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginFailure("Plugin '" + pluginId + "' did not finish " + what + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // the outcomes the API allows are not failures of the plugin: a record it cannot map, a source it cannot read
            if (cause instanceof MappingException m) {
                throw m;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new PluginFailure("Plugin '" + pluginId + "' failed in " + what + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new PluginFailure("Interrupted while plugin '" + pluginId + "' ran " + what, e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
