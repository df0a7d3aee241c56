package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import se.insatsnavet.schema.Vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The HSDS 3 API routes ({@code /hsds/…}). Lists are HSDS Page objects ({@code total_items},
 * {@code total_pages}, {@code page_number}, {@code size}, {@code first_page}, {@code last_page}, {@code empty},
 * {@code contents}); {@code format=ndjson} gives the page's contents one per line instead.
 */
public final class HsdsHandler {

    /** HSDS version this API follows. */
    public static final String VERSION = "3.1";
    private static final Set<String> UNSUPPORTED = Set.of("taxonomy_id", "organization_id", "modified_after");

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final HsdsServiceIndex index;
    private final HsdsTaxonomies taxonomies;
    private final HsdsServiceView view;
    private final String baseUri;

    private HsdsHandler(Vertx vertx, ServiceCatalog catalog, HsdsServiceIndex index, Vocabulary vocabulary, String baseUri) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.index = index;
        this.taxonomies = new HsdsTaxonomies(vocabulary);
        this.view = new HsdsServiceView(vocabulary, taxonomies);
        this.baseUri = baseUri;
    }

    public static HsdsHandler create(Vertx vertx, ServiceCatalog catalog, HsdsServiceIndex index, Vocabulary vocabulary,
                                     String baseUri) {
        return new HsdsHandler(vertx, catalog, index, vocabulary, baseUri);
    }

    /** {@code GET /hsds/}: the API's HSDS version and its OpenAPI document. */
    public Handler<RoutingContext> meta() {
        return ctx -> Responses.json(ctx, 200, Responses.object().put("version", VERSION)
                .put("openapi_url", baseUri + "openapi.json"));
    }

    /** {@code GET /hsds/services}: search, page, per_page, taxonomy_term_id, minimal, full, format. */
    public Handler<RoutingContext> services() {
        return ctx -> {
            ServiceFilter filter;
            boolean minimal;
            try {
                for (String name : UNSUPPORTED) {
                    if (ctx.queryParams().contains(name)) {
                        throw new QueryParams.BadRequest("'" + name + "' is not supported by this API as a filter of services;"
                                + " use search or taxonomy_term_id");
                    }
                }
                String search = QueryParams.string(ctx, "search", 200);
                List<String> words = search == null ? List.of() : Arrays.stream(search.toLowerCase(Locale.ROOT)
                        .split("[\\s,]+")).filter(w -> !w.isBlank()).limit(8).toList();
                String termId = QueryParams.matching(ctx, "taxonomy_term_id", "[0-9a-f-]{36}", "a taxonomy term UUID");
                Optional<HsdsTaxonomies.Term> term = termId == null ? Optional.empty() : taxonomies.term(termId);
                if (termId != null && term.isEmpty()) {
                    throw new QueryParams.BadRequest("taxonomy_term_id " + termId + " is no term of /hsds/taxonomy_terms");
                }
                String targetGroup = term.filter(t -> t.scheme().equals(Vocabulary.TARGET_GROUP)).map(HsdsTaxonomies.Term::code).orElse(null);
                String method = term.filter(t -> t.scheme().equals(Vocabulary.METHOD)).map(HsdsTaxonomies.Term::code).orElse(null);
                filter = new ServiceFilter(words, null, targetGroup, null,
                        QueryParams.integer(ctx, "page", 1, 1, 100_000),
                        QueryParams.integer(ctx, "per_page", ServiceFilter.DEFAULT_PER_PAGE, 1, ServiceFilter.MAX_PER_PAGE),
                        new ServiceFilter.More(null, null, method, null, null));
                minimal = "true".equals(ctx.queryParams().get("minimal")) || "false".equals(ctx.queryParams().get("full"));
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            boolean full = !minimal;
            Blocking.run(vertx, () -> catalog.find(filter)).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                ServicePageResult result = ar.result();
                ArrayNode contents = Responses.JSON.createArrayNode();
                result.items().forEach(item -> contents.add(view.service(item, full)));
                page(ctx, contents, result.total(), result.page(), result.perPage());
            });
        };
    }

    /** {@code GET /hsds/services/{id}}: the full service; the id is its HSDS UUID (or the hub's id). */
    public Handler<RoutingContext> service() {
        return ctx -> {
            String id = ctx.pathParam("id");
            Blocking.run(vertx, () -> {
                Optional<String> serviceId = id.matches("[0-9a-f-]{36}") ? index.serviceId(id) : Optional.of(id);
                return serviceId.flatMap(sid -> catalog.canonical(sid).map(c -> catalog.item(catalog.serviceUri(sid), c)));
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "No published service has the id " + id);
                } else {
                    Responses.json(ctx, 200, view.service(ar.result().get(), true));
                }
            });
        };
    }

    /** {@code GET /hsds/taxonomies}. */
    public Handler<RoutingContext> taxonomyList() {
        return ctx -> listOf(ctx, taxonomies.taxonomies());
    }

    /** {@code GET /hsds/taxonomies/{id}}. */
    public Handler<RoutingContext> taxonomy() {
        return ctx -> taxonomies.taxonomy(ctx.pathParam("id")).ifPresentOrElse(
                scheme -> Responses.json(ctx, 200, taxonomies.taxonomyJson(scheme)),
                () -> Responses.problem(ctx, 404, "No taxonomy has the id " + ctx.pathParam("id")));
    }

    /** {@code GET /hsds/taxonomy_terms} ({@code taxonomy_id} filters). */
    public Handler<RoutingContext> termList() {
        return ctx -> {
            String taxonomyId = ctx.queryParams().get("taxonomy_id");
            if (taxonomyId != null && taxonomies.taxonomy(taxonomyId).isEmpty()) {
                Responses.problem(ctx, 400, "taxonomy_id " + taxonomyId + " is no taxonomy of /hsds/taxonomies");
                return;
            }
            listOf(ctx, taxonomies.terms(taxonomyId == null ? null : taxonomies.taxonomy(taxonomyId).get()));
        };
    }

    /** {@code GET /hsds/taxonomy_terms/{id}}. */
    public Handler<RoutingContext> term() {
        return ctx -> taxonomies.term(ctx.pathParam("id")).ifPresentOrElse(
                t -> Responses.json(ctx, 200, taxonomies.termJson(t.scheme(), t.code())),
                () -> Responses.problem(ctx, 404, "No taxonomy term has the id " + ctx.pathParam("id")));
    }

    private void listOf(RoutingContext ctx, List<ObjectNode> all) {
        int page;
        int perPage;
        try {
            page = QueryParams.integer(ctx, "page", 1, 1, 100_000);
            perPage = QueryParams.integer(ctx, "per_page", ServiceFilter.DEFAULT_PER_PAGE, 1, ServiceFilter.MAX_PER_PAGE);
        } catch (QueryParams.BadRequest e) {
            Responses.problem(ctx, 400, e.getMessage());
            return;
        }
        ArrayNode contents = Responses.JSON.createArrayNode();
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(contents::add);
        page(ctx, contents, all.size(), page, perPage);
    }

    private static void page(RoutingContext ctx, ArrayNode contents, long total, int page, int perPage) {
        if ("ndjson".equals(ctx.queryParams().get("format"))) {
            StringBuilder lines = new StringBuilder();
            for (JsonNode item : contents) {
                try {
                    lines.append(Responses.JSON.writeValueAsString(item)).append('\n');
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            Responses.send(ctx, 200, "application/x-ndjson", lines.toString());
            return;
        }
        long totalPages = Math.max(1, (total + perPage - 1) / perPage);
        ObjectNode body = Responses.object();
        body.put("total_items", total).put("total_pages", totalPages).put("page_number", page).put("size", perPage)
                .put("first_page", page == 1).put("last_page", page >= totalPages).put("empty", contents.isEmpty());
        body.set("contents", contents);
        Responses.json(ctx, 200, body);
    }
}
