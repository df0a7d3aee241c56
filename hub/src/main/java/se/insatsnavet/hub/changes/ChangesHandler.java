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
 * of the last item); a consumer that keeps passing it back stays exactly in sync. Without {@code since},
 * from the beginning.
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
        Blocking.run(vertx, () -> time != null ? log.since(time, federation, limit) : log.after(seq, federation, limit))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        Responses.failed(ctx, ar.cause());
                        return;
                    }
                    List<ChangeLog.Entry> entries = ar.result();
                    ObjectNode body = Responses.object();
                    ArrayNode items = body.putArray("items");
                    for (ChangeLog.Entry e : entries) {
                        items.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("federation", e.federationId())
                                .put("service", e.serviceId()).put("uri", iris.service(e.serviceId())).put("action", e.action());
                    }
                    long next = entries.isEmpty() ? seq : entries.get(entries.size() - 1).seq();
                    body.put("next", Long.toString(next));
                    body.put("more", entries.size() == limit);
                    Responses.json(ctx, 200, body);
                });
    }
}
