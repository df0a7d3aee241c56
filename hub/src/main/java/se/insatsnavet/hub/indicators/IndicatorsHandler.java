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
import se.insatsnavet.hub.linkeddata.ContentNegotiation;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.RdfWriting;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The published outcome indicators over HTTP:
 * <ul>
 *   <li>{@code GET /api/indicators?federation=&service=&period=}: rows of one service, year and sex (F, M, T)
 *       as JSON, or CSV with {@code ?format=csv} or {@code Accept: text/csv} (formula-safe cells);</li>
 *   <li>{@code GET /api/services/:id/indicators}: the same for one service (404 for an unknown service);</li>
 *   <li>{@code GET /id/indicators/:federation}: the federation's {@code qb:DataSet} with its observations
 *       (Turtle, JSON-LD, N-Triples, RDF/XML).</li>
 * </ul>
 */
public final class IndicatorsHandler {

    private static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final String SERVICE_ID = ID + "\\.[A-Za-z0-9._~-]{1,200}";
    private static final List<RdfRepresentation> RDF = List.of(RdfRepresentation.TURTLE, RdfRepresentation.JSON_LD,
            RdfRepresentation.N_TRIPLES, RdfRepresentation.RDF_XML);
    /** Columns of the JSON items and the CSV, in order. */
    static final List<String> COLUMNS = columns();

    private final Vertx vertx;
    private final IndicatorQuery query;
    private final CatalogStore store;
    private final HubIris iris;
    private final int minimumCount;

    private IndicatorsHandler(Vertx vertx, IndicatorQuery query, CatalogStore store, HubIris iris, int minimumCount) {
        this.vertx = vertx;
        this.query = query;
        this.store = store;
        this.iris = iris;
        this.minimumCount = minimumCount;
    }

    public static IndicatorsHandler create(Vertx vertx, CatalogStore store, HubIris iris, int minimumCount) {
        return new IndicatorsHandler(vertx, new IndicatorQuery(store, iris), store, iris, minimumCount);
    }

    /** {@code GET /api/indicators}. */
    public Handler<RoutingContext> list() {
        return ctx -> {
            String federation;
            String service;
            String period;
            try {
                federation = QueryParams.matching(ctx, "federation", ID, "a federation id");
                service = QueryParams.matching(ctx, "service", SERVICE_ID, "a service id (<federation>.<localId>)");
                period = QueryParams.matching(ctx, "period", "[0-9]{4}", "a year (four digits)");
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            respond(ctx, () -> Optional.of(query.find(federation, service, period)));
        };
    }

    /** {@code GET /api/services/:id/indicators}. */
    public Handler<RoutingContext> ofService() {
        return ctx -> {
            String id = ctx.pathParam("id");
            String period;
            try {
                period = QueryParams.matching(ctx, "period", "[0-9]{4}", "a year (four digits)");
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            if (!id.matches(SERVICE_ID)) {
                Responses.problem(ctx, 404, "No service with id '" + id + "'");
                return;
            }
            respond(ctx, () -> store.graphOf(iris.service(id)).isEmpty() ? Optional.empty()
                    : Optional.of(query.find(null, id, period)));
        };
    }

    /** {@code GET /id/indicators/:federation}: the data set as RDF. */
    public Handler<RoutingContext> dataSet() {
        return ctx -> {
            Optional<RdfRepresentation> chosen = ContentNegotiation.forRequest(ctx, RDF);
            if (chosen.isEmpty()) {
                return;
            }
            String federation = ctx.pathParam("federation");
            if (!federation.matches(ID)) {
                Responses.problem(ctx, 404, "No indicators at " + ctx.request().path());
                return;
            }
            Blocking.run(vertx, () -> query.dataSet(federation).map(m -> RdfWriting.write(m, chosen.get()))).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "Federation '" + federation + "' has published no indicators");
                } else {
                    Responses.send(ctx, 200, chosen.get().contentType(), ar.result().get());
                }
            });
        };
    }

    private void respond(RoutingContext ctx, Callable<Optional<IndicatorQuery.Rows>> work) {
        String accept = ctx.request().getHeader("Accept");
        String format = ctx.queryParams().get("format");
        boolean csv = "csv".equals(format) || format == null && accept != null && accept.startsWith("text/csv");
        ctx.response().putHeader("Vary", "Accept");
        Blocking.run(vertx, work).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else if (ar.result().isEmpty()) {
                Responses.problem(ctx, 404, "No service with id '" + ctx.pathParam("id") + "'");
            } else if (csv) {
                Responses.send(ctx, 200, "text/csv; charset=utf-8", csv(ar.result().get()));
            } else {
                Responses.json(ctx, 200, json(ar.result().get()));
            }
        });
    }

    private ObjectNode json(IndicatorQuery.Rows rows) {
        ObjectNode body = Responses.object();
        body.put("minimumCount", minimumCount);
        ArrayNode items = body.putArray("items");
        for (IndicatorQuery.Row r : rows.rows()) {
            ObjectNode item = items.addObject();
            item.put("federation", HubIris.federationIdOf(r.serviceId())).put("service", r.serviceId())
                    .put("serviceUri", iris.service(r.serviceId())).put("period", r.period()).put("sex", r.sex());
            for (Measure m : Measure.values()) {
                Figure f = r.figures().get(m);
                if (f == null) {
                    item.putNull(m.outputName());
                } else if (m.isShare()) {
                    item.put(m.outputName(), f.value());
                } else {
                    item.put(m.outputName(), f.value().longValueExact());
                }
                if (m.isShare()) {
                    if (f == null) {
                        item.putNull(m.key() + "Base");
                    } else {
                        item.put(m.key() + "Base", f.base());
                    }
                }
            }
        }
        body.put("truncated", rows.truncated());
        return body;
    }

    private static String csv(IndicatorQuery.Rows rows) {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (IndicatorQuery.Row r : rows.rows()) {
            b.append(CsvCells.text(HubIris.federationIdOf(r.serviceId()))).append(',').append(CsvCells.text(r.serviceId()))
                    .append(',').append(CsvCells.text(r.period())).append(',').append(CsvCells.text(r.sex()));
            for (Measure m : Measure.values()) {
                Figure f = r.figures().get(m);
                b.append(',').append(CsvCells.number(f == null ? null : f.value()));
                if (m.isShare()) {
                    b.append(',').append(CsvCells.number(f == null ? null : f.base()));
                }
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("federation", "service", "period", "sex"));
        for (Measure m : Measure.values()) {
            c.add(m.outputName());
            if (m.isShare()) {
                c.add(m.key() + "Base");
            }
        }
        return List.copyOf(c);
    }
}
