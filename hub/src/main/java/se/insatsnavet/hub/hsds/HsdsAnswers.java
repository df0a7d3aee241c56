package se.insatsnavet.hub.hsds;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.BodyCache;
import se.insatsnavet.hub.http.PreparedBody;
import se.insatsnavet.hub.http.Responses;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Ready HSDS representations, as {@code /api/services} keeps its answers: whole answers (a page, an object by
 * id) under the operation and its parameters, valid for the search index's generation they were rendered at;
 * and each service's HSDS bytes under a digest of the item they were rendered from, so that a page of items
 * read from the index is assembled from bytes rendered once, and a changed item (other bytes) is rendered anew.
 */
final class HsdsAnswers {

    /** Bytes of whole HSDS answers kept: 16 MB unless configured ({@code insatsnavet.cache.hsdsAnswerBytes}). */
    static final long ANSWER_BYTES = Long.getLong("insatsnavet.cache.hsdsAnswerBytes", 16L * 1024 * 1024);
    /** Bytes of services' HSDS representations kept: 64 MB unless configured ({@code insatsnavet.cache.hsdsItemBytes}). */
    static final long ITEM_BYTES = Long.getLong("insatsnavet.cache.hsdsItemBytes", 64L * 1024 * 1024);

    /** A representation of an item: its digest and the form (minimal, list, full). */
    private record ItemKey(ByteBuffer digest, int form) {
    }

    private final Vertx vertx;
    private final LongSupplier generation;
    private final BodyCache<String> answers = BodyCache.create(ANSWER_BYTES);
    private final BodyCache<ItemKey> items = BodyCache.create(ITEM_BYTES);

    /** @param generation the search index's generation, -1 when answers must not be kept */
    HsdsAnswers(Vertx vertx, LongSupplier generation) {
        this.vertx = vertx;
        this.generation = generation;
    }

    /**
     * Answers {@code ctx} with the answer kept under {@code key}, else with the one {@code render} writes on a
     * worker (kept for later); a null rendering is a 404 with {@code notFound}.
     */
    void answer(RoutingContext ctx, String key, Callable<byte[]> render, String notFound) {
        long at = generation.getAsLong();
        PreparedBody known = at >= 0 ? answers.get(key, at) : null;
        if (known != null) {
            Responses.send(ctx, known);
            return;
        }
        Blocking.run(vertx, () -> {
            byte[] body = render.call();
            return body == null ? null : PreparedBody.of("application/json", body);
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else if (ar.result() == null) {
                Responses.problem(ctx, 404, notFound);
            } else {
                if (at >= 0) {
                    answers.put(key, at, ar.result());
                }
                Responses.send(ctx, ar.result());
            }
        });
    }

    /** The representation {@code form} of an item (its JSON bytes), rendered by {@code render} unless kept. */
    byte[] item(byte[] itemJson, int form, Function<byte[], byte[]> render) {
        ItemKey key = new ItemKey(ByteBuffer.wrap(digest(itemJson)), form);
        PreparedBody known = items.get(key, 0);
        if (known != null) {
            return known.bytes();
        }
        byte[] rendered = render.apply(itemJson);
        items.put(key, 0, new PreparedBody("application/json", rendered, ""));
        return rendered;
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
