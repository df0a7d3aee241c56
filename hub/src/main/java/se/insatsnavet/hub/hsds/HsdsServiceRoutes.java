package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.ServicePageResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET|POST /hsds/services} and {@code GET /hsds/services/{id}}. A page's services are the one-to-one
 * fields (HSDS's service_list), fully nested with {@code full=true}, only {@code id} and
 * {@code modified_date} with {@code minimal=true}. Pages are assembled from each service's HSDS bytes,
 * rendered once per version of the service ({@link HsdsAnswers}), and whole answers are kept until the search
 * index changes.
 */
final class HsdsServiceRoutes {

    static final int MINIMAL = 0;
    static final int LIST = 1;
    static final int FULL = 2;

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final HsdsServiceIndex index;
    private final HsdsServiceView view;
    private final HsdsFilters filters;
    private final HsdsAnswers answers;

    HsdsServiceRoutes(Vertx vertx, ServiceCatalog catalog, HsdsServiceIndex index, HsdsServiceView view,
                      HsdsFilters filters, HsdsAnswers answers) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.index = index;
        this.view = view;
        this.filters = filters;
        this.answers = answers;
    }

    /** {@code /hsds/services}: a Page of services, or every one as NDJSON. */
    Handler<RoutingContext> list() {
        return HsdsParameters.only(HsdsParameters.SERVICES, ctx -> {
            int form;
            boolean ndjson;
            try {
                boolean minimal = HsdsParameters.flag(ctx, "minimal", false);
                boolean full = HsdsParameters.flag(ctx, "full", false);
                if (minimal && full) {
                    throw new QueryParams.BadRequest("Parameters 'minimal' and 'full' exclude each other");
                }
                form = minimal ? MINIMAL : full ? FULL : LIST;
                ndjson = HsdsParameters.ndjson(ctx);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            if (ctx.queryParams().contains("source_id")) {
                bySourceId(ctx, form);
                return;
            }
            if (ndjson) {
                HsdsPage.stream(vertx, ctx, () -> {
                    filters.of(ctx, 1, HsdsPage.CHUNK); // a bad parameter is a 400 before the stream starts
                    int[] page = {0};
                    boolean[] done = {false};
                    return () -> {
                        if (done[0]) {
                            return List.of();
                        }
                        ServicePageResult result = catalog.find(filters.of(ctx, ++page[0], HsdsPage.CHUNK));
                        List<byte[]> chunk = render(result, form);
                        done[0] = chunk.size() < HsdsPage.CHUNK || (long) page[0] * HsdsPage.CHUNK >= result.total();
                        return chunk;
                    };
                });
                return;
            }
            answers.answer(ctx, "services?" + HsdsParameters.canonical(ctx), () -> {
                ServiceFilter filter = filters.of(ctx);
                ServicePageResult result = catalog.find(filter);
                return HsdsPage.body(render(result, form), result.total(), filter.page(), filter.perPage());
            }, null);
        });
    }

    /**
     * {@code /hsds/services?source_id=…} (an extension of the hub): the services whose source gave them that id,
     * at most one page of {@link ServiceFilter#MAX_PER_PAGE}; with no other filter, as it names services itself.
     */
    private void bySourceId(RoutingContext ctx, int form) {
        Blocking.run(vertx, () -> {
            String sourceId = QueryParams.string(ctx, "source_id", 200);
            if (sourceId == null) {
                throw new QueryParams.BadRequest("source_id must not be empty");
            }
            for (String other : List.of("search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after",
                    "page", "per_page", "format")) {
                if (ctx.queryParams().contains(other)) {
                    throw new QueryParams.BadRequest("source_id cannot be combined with " + other);
                }
            }
            List<byte[]> contents = new ArrayList<>();
            for (String uri : catalog.urisOfSourceId(sourceId, ServiceFilter.MAX_PER_PAGE)) {
                catalog.itemOf(uri).ifPresent(item -> contents.add(HsdsPage.bytes(represent(item, form))));
            }
            return HsdsPage.body(contents, contents.size(), 1, ServiceFilter.MAX_PER_PAGE);
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause()); // a bad request is a 400 there
            } else {
                Responses.send(ctx, 200, "application/json", new String(ar.result(), StandardCharsets.UTF_8));
            }
        });
    }

    /** {@code /hsds/services/{id}}: the fully nested service; the id is its HSDS UUID (or the hub's id). */
    Handler<RoutingContext> one() {
        return HsdsParameters.only(HsdsParameters.NONE, ctx -> {
            String id = ctx.pathParam("id");
            answers.answer(ctx, "service/" + id, () -> serviceId(id).flatMap(catalog::itemOfId)
                            .map(item -> HsdsPage.bytes(view.service(item, true))).orElse(null),
                    "No published service has the id " + id);
        });
    }

    /** The hub's service id of an HSDS id (a UUID) or of a hub id; empty for what is neither. */
    private Optional<String> serviceId(String id) {
        if (id.matches(HsdsFilters.UUID)) {
            return index.serviceId(id);
        }
        try {
            catalog.serviceUri(id); // checks that it is a well-formed hub id
            return Optional.of(id);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The page's services in {@code form}, each from the bytes kept for its item or rendered now. */
    private List<byte[]> render(ServicePageResult result, int form) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] item : result.itemJson()) {
            out.add(answers.item(item, form, json -> HsdsPage.bytes(represent(parse(json), form))));
        }
        return out;
    }

    /** A service's item in {@code form}. */
    ObjectNode represent(JsonNode item, int form) {
        if (form != MINIMAL) {
            return view.service(item, form == FULL);
        }
        ObjectNode minimal = Responses.object().put("id", HsdsIds.of(item.path("uri").asText()));
        if (item.hasNonNull("modified")) {
            minimal.put("modified_date", item.path("modified").asText());
        } else {
            minimal.putNull("modified_date");
        }
        return minimal;
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Responses.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("An item of the search index is not JSON", e);
        }
    }
}
