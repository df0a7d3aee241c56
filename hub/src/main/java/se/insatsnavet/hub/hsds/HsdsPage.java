package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * HSDS's Page object written from items already encoded as JSON ({@code total_items}, {@code total_pages},
 * {@code page_number}, {@code size} — the number of items on this page —, {@code first_page},
 * {@code last_page}, {@code empty}, {@code contents}), and {@code format=ndjson}: every result, one per line,
 * streamed in chunks read on a worker one after the other, each written before the next is read.
 */
final class HsdsPage {

    /** Items read per chunk of an NDJSON stream. */
    static final int CHUNK = 100;

    /** A source of the chunks of a stream: the next items (JSON), empty at the end. Blocking: runs on a worker. */
    interface Chunks {
        List<byte[]> next() throws Exception;
    }

    private HsdsPage() {
    }

    /** The Page object of one page of {@code perPage} items out of {@code total}. */
    static byte[] body(List<byte[]> items, long total, int page, int perPage) {
        long totalPages = Math.max(1, (total + perPage - 1) / perPage);
        ByteArrayOutputStream head = new ByteArrayOutputStream(192);
        try (JsonGenerator g = Responses.JSON.getFactory().createGenerator(head)) {
            g.writeStartObject();
            g.writeNumberField("total_items", total);
            g.writeNumberField("total_pages", totalPages);
            g.writeNumberField("page_number", page);
            g.writeNumberField("size", items.size());
            g.writeBooleanField("first_page", page == 1);
            g.writeBooleanField("last_page", page >= totalPages);
            g.writeBooleanField("empty", items.isEmpty());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] fields = head.toByteArray();
        int size = fields.length + 16;
        for (byte[] item : items) {
            size += item.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write(fields, 0, fields.length - 1); // without its '}'
        out.writeBytes(",\"contents\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Items of a list, one page of them, and the page's body. */
    static byte[] body(List<? extends JsonNode> all, int page, int perPage) {
        List<byte[]> items = new ArrayList<>();
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(item -> items.add(bytes(item)));
        return body(items, all.size(), page, perPage);
    }

    /** Chunks of {@link #CHUNK} items of a list known in full. */
    static Chunks chunks(List<? extends JsonNode> all) {
        int[] next = {0};
        return () -> {
            List<byte[]> chunk = new ArrayList<>();
            for (; next[0] < all.size() && chunk.size() < CHUNK; next[0]++) {
                chunk.add(bytes(all.get(next[0])));
            }
            return chunk;
        };
    }

    static byte[] bytes(JsonNode item) {
        try {
            return Responses.JSON.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Streams every item of {@code source} (created on a worker) as NDJSON. A failure before the first chunk is
     * answered as usual (400, 500); a later one ends the connection, so that a cut stream is never taken for a whole one.
     */
    static void stream(Vertx vertx, RoutingContext ctx, Callable<Chunks> source) {
        Blocking.run(vertx, source).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            HttpServerResponse response = ctx.response().setStatusCode(200).setChunked(true)
                    .putHeader("Content-Type", "application/x-ndjson");
            next(vertx, ctx, response, ar.result());
        });
    }

    private static void next(Vertx vertx, RoutingContext ctx, HttpServerResponse response, Chunks chunks) {
        Blocking.run(vertx, chunks::next).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            List<byte[]> chunk = ar.result();
            if (chunk.isEmpty()) {
                response.end();
                return;
            }
            Buffer buffer = Buffer.buffer();
            chunk.forEach(item -> buffer.appendBytes(item).appendByte((byte) '\n'));
            // the next chunk is read once this one is written: a slow client holds back the reading, no memory grows
            response.write(buffer).onComplete(written -> {
                if (written.succeeded()) {
                    next(vertx, ctx, response, chunks);
                }
            });
        });
    }
}
