package se.insatsnavet.hub.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.Callable;

/** Runs blocking work (Jena, JDBC, Camel) on Vert.x's worker pool, never on the event loop, unordered. */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Future<T> run(Vertx vertx, Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
