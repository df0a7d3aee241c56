package se.insatsnavet.hub.usage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.CsvCells;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/usage?from=&to=}: the usage statistics per day (JSON, or CSV with {@code ?format=csv} or
 * {@code Accept: text/csv}, one row per day, kind and item). Days are ISO dates; the default is the last 30
 * days up to today, at most {@value #MAX_DAYS} days. Words of searches without hits appear only when counted
 * at least the minimum number of times that day.
 */
public final class UsageHandler implements Handler<RoutingContext> {

    static final int MAX_DAYS = 366;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Vertx vertx;
    private final UsageRepository repository;
    private final int minimumNoHits;
    private final Clock clock;

    private UsageHandler(Vertx vertx, UsageRepository repository, int minimumNoHits, Clock clock) {
        this.vertx = vertx;
        this.repository = repository;
        this.minimumNoHits = minimumNoHits;
        this.clock = clock;
    }

    /**
     * @param minimumNoHits how often a day the same words of a search without hits must be counted before
     *                      they are published
     */
    public static UsageHandler create(Vertx vertx, UsageRepository repository, int minimumNoHits, Clock clock) {
        return new UsageHandler(vertx, repository, minimumNoHits, clock);
    }

    @Override
    public void handle(RoutingContext ctx) {
        LocalDate to;
        LocalDate from;
        try {
            LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
            to = date(ctx, "to", today);
            from = date(ctx, "from", to.minusDays(29));
            if (from.isAfter(to)) {
                throw new QueryParams.BadRequest("Parameter 'from' must not be after 'to'");
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                throw new QueryParams.BadRequest("At most " + MAX_DAYS + " days at a time (from " + from + " to " + to + ")");
            }
        } catch (QueryParams.BadRequest e) {
            Responses.problem(ctx, 400, e.getMessage());
            return;
        }
        String accept = ctx.request().getHeader("Accept");
        String format = ctx.queryParams().get("format");
        boolean csv = "csv".equals(format) || format == null && accept != null && accept.startsWith("text/csv");
        ctx.response().putHeader("Vary", "Accept");
        Blocking.run(vertx, () -> repository.read(from, to, minimumNoHits)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else if (csv) {
                Responses.send(ctx, 200, "text/csv; charset=utf-8", csv(ar.result()));
            } else {
                Responses.json(ctx, 200, json(from, to, ar.result()));
            }
        });
    }

    private ObjectNode json(LocalDate from, LocalDate to, List<UsageRepository.Row> rows) {
        ObjectNode body = Responses.object();
        body.put("from", from.toString()).put("to", to.toString()).put("minimumCountOfWords", minimumNoHits);
        Map<LocalDate, ObjectNode> days = new LinkedHashMap<>();
        ArrayNode items = body.putArray("days");
        for (UsageRepository.Row r : rows) {
            ObjectNode day = days.computeIfAbsent(r.day(), d -> {
                ObjectNode o = items.addObject().put("day", d.toString());
                for (UsageKind k : UsageKind.values()) {
                    o.putObject(k.jsonName());
                }
                return o;
            });
            ((ObjectNode) day.get(r.kind().jsonName())).put(r.item(), r.times());
        }
        body.put("truncated", rows.size() >= UsageRepository.MAX_ROWS);
        return body;
    }

    private static String csv(List<UsageRepository.Row> rows) {
        StringBuilder b = new StringBuilder("day,kind,item,count\r\n");
        for (UsageRepository.Row r : rows) {
            b.append(r.day()).append(',').append(r.kind().code()).append(',').append(CsvCells.text(r.item())).append(',')
                    .append(r.times()).append("\r\n");
        }
        return b.toString();
    }

    private static LocalDate date(RoutingContext ctx, String name, LocalDate fallback) {
        String v = QueryParams.string(ctx, name, 10);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new QueryParams.BadRequest("Parameter '" + name + "' must be a date (YYYY-MM-DD)");
        }
    }
}
