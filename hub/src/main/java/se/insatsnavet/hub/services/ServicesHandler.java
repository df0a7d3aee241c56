package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/services}: a page of published services as JSON {@code {items, total, page, perPage}}.
 * Parameters: {@code page}, {@code perPage} (max 100), and filters that combine with AND: {@code q}
 * (words in title or description), {@code municipality} (4-digit SCB code), {@code county} (2-digit SCB
 * code), {@code targetGroup}, {@code method}, {@code providerType}, {@code status} (concept codes), {@code age}
 * (a person's age within the service's range), {@code federation} (id).
 */
public final class ServicesHandler implements Handler<RoutingContext> {

    private static final int MAX_WORDS = 8;

    private final Vertx vertx;
    private final ServiceCatalog catalog;

    private ServicesHandler(Vertx vertx, ServiceCatalog catalog) {
        this.vertx = vertx;
        this.catalog = catalog;
    }

    public static ServicesHandler create(Vertx vertx, ServiceCatalog catalog) {
        return new ServicesHandler(vertx, catalog);
    }

    @Override
    public void handle(RoutingContext ctx) {
        ServiceFilter filter;
        boolean facets;
        try {
            String q = QueryParams.string(ctx, "q", 200);
            List<String> words = q == null ? List.of()
                    : Arrays.stream(q.toLowerCase(Locale.ROOT).split("[\\s,]+")).filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
            filter = new ServiceFilter(words,
                    QueryParams.matching(ctx, "municipality", "[0-9]{4}", "a 4-digit SCB municipality code"),
                    QueryParams.matching(ctx, "targetGroup", "[a-z0-9]+(-[a-z0-9]+)*", "a target-group code"),
                    QueryParams.matching(ctx, "federation", "[a-z0-9]+(-[a-z0-9]+)*", "a federation id"),
                    QueryParams.integer(ctx, "page", 1, 1, 100_000),
                    QueryParams.integer(ctx, "perPage", ServiceFilter.DEFAULT_PER_PAGE, 1, ServiceFilter.MAX_PER_PAGE),
                    new ServiceFilter.More(
                            QueryParams.matching(ctx, "county", "[0-9]{2}", "a 2-digit SCB county code"),
                            ctx.queryParams().get("age") == null ? null : QueryParams.integer(ctx, "age", 0, 0, 120),
                            QueryParams.matching(ctx, "method", "[a-z0-9]+(-[a-z0-9]+)*", "a method code"),
                            QueryParams.matching(ctx, "providerType", "[a-z0-9]+(-[a-z0-9]+)*", "a provider-type code"),
                            QueryParams.matching(ctx, "status", "[a-z]+", "a status code"),
                            null, null, null,
                            QueryParams.matching(ctx, "language", "[a-z]{2,3}", "an ISO 639 language code"),
                            QueryParams.matching(ctx, "referral", "required|self", "required or self")));
            facets = !"false".equals(ctx.queryParams().get("facets"));
        } catch (QueryParams.BadRequest e) {
            Responses.problem(ctx, 400, e.getMessage());
            return;
        }
        boolean withFacets = facets;
        Blocking.run(vertx, () -> catalog.search(filter, withFacets, true)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            ServicePageResult result = ar.result();
            ObjectNode body = Responses.object();
            ArrayNode items = body.putArray("items");
            result.items().forEach(items::add);
            body.put("total", result.total()).put("page", result.page()).put("perPage", result.perPage());
            if (withFacets) {
                body.set("facets", Responses.JSON.valueToTree(result.facets()));
            }
            Responses.json(ctx, 200, body);
        });
    }
}
