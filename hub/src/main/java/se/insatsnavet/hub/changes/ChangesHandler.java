package se.insatsnavet.hub.changes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /changes?since=<token or ISO-8601 time>&federation=<id>&limit=<n ≤ 1000>}: every add, update
 * and delete since then, oldest first, as JSON {@code {items:[{seq, at, federation, service, uri, action}],
 * next}}. {@code next} is the token to pass as {@code since} for the following page (the sequence number
 * of the last item); a consumer that keeps passing it back stays exactly in sync. {@code next} never goes
 * back: an empty page answers the token passed in, or, after a time, the newest change's token (no change at or
 * after that time exists up to it). Without {@code since}, from the beginning. {@link #latest()} answers
 * {@code GET /changes/latest}: the newest change's token alone, to take before copying the catalogue.
 */
public final class ChangesHandler implements Handler<RoutingContext> {

    private static final int MAX_LIMIT = 1000;

    private final Vertx vertx;
    private final ChangeLog log;
    private final HubIris iris;

    private ChangesHandler(Vertx vertx, ChangeLog log, HubIris iris) {
        this.vertx = vertx;
        this.log = log;
        this.iris = iris;
    }

    public static ChangesHandler create(Vertx vertx, ChangeLog log, HubIris iris) {
        return new ChangesHandler(vertx, log, iris);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String since;
        String federation;
        int limit;
        try {
            since = QueryParams.string(ctx, "since", 64);
            federation = QueryParams.matching(ctx, "federation", "[a-z0-9]+(-[a-z0-9]+)*", "a federation id");
            limit = QueryParams.integer(ctx, "limit", 100, 1, MAX_LIMIT);
        } catch (QueryParams.BadRequest e) {
            Responses.problem(ctx, 400, e.getMessage());
            return;
        }
        long afterSeq = 0;
        Instant sinceTime = null;
        if (since != null) {
            if (since.matches("\\d{1,18}")) {
                afterSeq = Long.parseLong(since);
            } else {
                try {
                    sinceTime = Instant.parse(since);
                } catch (DateTimeParseException e) {
                    Responses.problem(ctx, 400, "Parameter 'since' must be a token from 'next' or an ISO-8601 time such as 2026-01-31T00:00:00Z");
                    return;
                }
            }
        }
        long seq = afterSeq;
        Instant time = sinceTime;
        Blocking.run(vertx, () -> page(seq, time, federation, limit))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        Responses.failed(ctx, ar.cause());
                        return;
                    }
                    List<ChangeLog.Entry> entries = ar.result().entries();
                    ObjectNode body = Responses.object();
                    ArrayNode items = body.putArray("items");
                    for (ChangeLog.Entry e : entries) {
                        items.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("federation", e.federationId())
                                .put("type", e.recordType()).put(e.ofArticle() ? "article" : "service", e.serviceId())
                                .put("uri", e.uri(iris)).put("action", e.action());
                    }
                    long next = entries.isEmpty() ? ar.result().resumeFrom() : entries.get(entries.size() - 1).seq();
                    body.put("next", Long.toString(next));
                    body.put("more", entries.size() == limit);
                    Responses.json(ctx, 200, body);
                });
    }

    /** {@code GET /changes/latest}: {@code {"next": token}}, the newest change's token ("0" for an empty log). */
    public Handler<RoutingContext> latest() {
        return ctx -> {
            if (!ctx.request().params().isEmpty()) {
                Responses.problem(ctx, 400, "GET /changes/latest takes no parameters (got '"
                        + String.join("', '", ctx.request().params().names()) + "')");
                return;
            }
            Blocking.run(vertx, log::newestSeq).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                ObjectNode body = Responses.object();
                body.put("next", Long.toString(ar.result()));
                Responses.json(ctx, 200, body);
            });
        };
    }

    /** One page of changes and the token to resume from when it is empty. */
    private record Page(List<ChangeLog.Entry> entries, long resumeFrom) {
    }

    private Page page(long afterSeq, Instant since, String federation, int limit) {
        if (since == null) {
            return new Page(log.after(afterSeq, federation, limit), afterSeq);
        }
        // the newest token first: every change up to it is committed, so if none is at or after the time, the
        // consumer resumes from it without missing one
        long newest = log.newestSeq();
        return new Page(log.since(since, federation, limit), newest);
    }
}
