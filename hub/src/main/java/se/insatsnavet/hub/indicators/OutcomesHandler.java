package se.insatsnavet.hub.indicators;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.CsvCells;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code GET /api/coverage/outcomes?county=&period=}: the outcome figures summed per area ({@link
 * OutcomeAggregation}: the country, code {@code SE}, and each county), year, sex and measure, as JSON, or CSV
 * with {@code ?format=csv} or {@code Accept: text/csv} (formula-safe cells). One item per area, year, sex and
 * measure; a withheld sum has null value, count and base and says why in {@code withheld}.
 */
public final class OutcomesHandler {

    /** Columns of the JSON items and the CSV, in order. */
    static final List<String> COLUMNS = List.of("area", "areaName", "period", "sex", "measure", "services", "value",
            "count", "base", "withheld");

    private final Vertx vertx;
    private final OutcomeAggregation outcomes;
    private final Predicate<String> knownCounty;
    private final Function<String, String> countyName;

    private OutcomesHandler(Vertx vertx, OutcomeAggregation outcomes, Predicate<String> knownCounty,
                            Function<String, String> countyName) {
        this.vertx = vertx;
        this.outcomes = outcomes;
        this.knownCounty = knownCounty;
        this.countyName = countyName;
    }

    public static OutcomesHandler create(Vertx vertx, OutcomeAggregation outcomes, Predicate<String> knownCounty,
                                         Function<String, String> countyName) {
        return new OutcomesHandler(vertx, outcomes, knownCounty, countyName);
    }

    /** {@code GET /api/coverage/outcomes}. */
    public Handler<RoutingContext> list() {
        return ctx -> {
            String county;
            String period;
            try {
                county = QueryParams.matching(ctx, "county", "[0-9]{2}", "a county code (two digits)");
                period = QueryParams.matching(ctx, "period", "[0-9]{4}", "a year (four digits)");
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            if (county != null && !knownCounty.test(county)) {
                Responses.problem(ctx, 400, "Parameter 'county': no county with the code '" + county + "' (see /id/concept/county)");
                return;
            }
            String accept = ctx.request().getHeader("Accept");
            String format = ctx.queryParams().get("format");
            boolean csv = "csv".equals(format) || format == null && accept != null && accept.startsWith("text/csv");
            ctx.response().putHeader("Vary", "Accept");
            Blocking.run(vertx, () -> {
                ObjectNode body = json(outcomes.result(), county, period);
                return csv ? csv(body) : body.toString();
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else {
                    Responses.send(ctx, 200, csv ? "text/csv; charset=utf-8" : "application/json", ar.result());
                }
            });
        };
    }

    private ObjectNode json(OutcomeAggregation.Result result, String county, String period) {
        ObjectNode body = Responses.object();
        body.put("minimumCount", outcomes.minimumCount());
        body.put("note", "Published outcome figures of the services in each area summed as counts (a share's numerator is"
                + " recovered from its share and base); the area's share is 100 * sum of numerators / sum of bases. Area SE"
                + " is the whole country; a service counts in every county it is offered in. A sum is withheld when a"
                + " service in the area withheld the figure (incomplete), when it is below the minimum count"
                + " (belowMinimum), or for the total when exactly one of women and men is withheld (complementary).");
        ArrayNode items = body.putArray("items");
        result.byArea().forEach((area, years) -> {
            if (county != null && !county.equals(area)) {
                return;
            }
            for (OutcomeAggregation.Year year : years) {
                if (period != null && !period.equals(year.period())) {
                    continue;
                }
                year.bySex().forEach((sex, sums) -> sums.values().forEach(s -> {
                    ObjectNode item = items.addObject();
                    item.put("area", area).put("areaName", OutcomeAggregation.COUNTRY.equals(area) ? "Sverige" : countyName.apply(area))
                            .put("period", year.period()).put("sex", sex).put("measure", s.measure().key())
                            .put("services", s.services());
                    if (s.shown()) {
                        item.put("value", s.value());
                        item.put("count", s.count());
                        if (s.base() == null) {
                            item.putNull("base");
                        } else {
                            item.put("base", s.base());
                        }
                        item.putNull("withheld");
                    } else {
                        item.putNull("value").putNull("count").putNull("base").put("withheld", s.withheld().key());
                    }
                }));
            }
        });
        body.put("truncated", result.truncated());
        return body;
    }

    private static String csv(ObjectNode body) {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (var item : body.path("items")) {
            b.append(CsvCells.text(item.path("area").asText())).append(',').append(CsvCells.text(item.path("areaName").asText()))
                    .append(',').append(CsvCells.text(item.path("period").asText())).append(',')
                    .append(CsvCells.text(item.path("sex").asText())).append(',').append(CsvCells.text(item.path("measure").asText()))
                    .append(',').append(item.path("services").asInt()).append(',')
                    .append(item.path("value").isNull() ? "" : CsvCells.number(item.path("value").decimalValue())).append(',')
                    .append(item.path("count").isNull() ? "" : CsvCells.number(item.path("count").asLong())).append(',')
                    .append(item.path("base").isNull() ? "" : CsvCells.number(item.path("base").asLong())).append(',')
                    .append(item.path("withheld").isNull() ? "" : CsvCells.text(item.path("withheld").asText())).append("\r\n");
        }
        return b.toString();
    }
}
