package se.insatsnavet.hub.guidance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.List;
import java.util.Set;

/**
 * The guidance articles as JSON:
 * <ul>
 *   <li>{@code GET /api/articles}: filters {@code kind}, {@code federation}, {@code service} (a service id),
 *       {@code situation} (a situation code), combinable; paging {@code page} (from 1) and {@code per_page} (at most
 *       {@value #MAX_PER_PAGE}); any other parameter is a 400 naming it. Ordered by title.</li>
 *   <li>{@code GET /api/articles/:federation/:id}: one article (404 when not published).</li>
 * </ul>
 */
public final class ArticlesHandler {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;
    private static final Set<String> PARAMETERS = Set.of("kind", "federation", "service", "situation", "page", "per_page");
    private static final String CODE = "[a-z0-9]+(-[a-z0-9]+)*";

    private final Vertx vertx;
    private final ArticleCatalog catalog;

    public ArticlesHandler(Vertx vertx, ArticleCatalog catalog) {
        this.vertx = vertx;
        this.catalog = catalog;
    }

    /** {@code GET /api/articles}. */
    public Handler<RoutingContext> list() {
        return ctx -> {
            ArticleCatalog.Filter filter;
            int page;
            int perPage;
            try {
                QueryParams.onlyThese(ctx, PARAMETERS);
                filter = new ArticleCatalog.Filter(
                        QueryParams.matching(ctx, "federation", "[A-Za-z0-9_~-]{1,80}", "a federation id"),
                        QueryParams.matching(ctx, "service", "[A-Za-z0-9_~-]{1,80}\\.[A-Za-z0-9._~-]{1,200}", "a service id (federation.localId)"),
                        QueryParams.matching(ctx, "situation", CODE, "a situation code"),
                        QueryParams.matching(ctx, "kind", "vagval|story|question|situation-guide",
                                "one of vagval, story, question, situation-guide"));
                page = QueryParams.integer(ctx, "page", 1, 1, 100_000);
                perPage = QueryParams.integer(ctx, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            Blocking.run(vertx, () -> {
                int total = catalog.count(filter);
                List<Article> articles = catalog.find(filter, perPage, (page - 1) * perPage);
                ObjectNode body = Responses.object();
                body.put("total", total).put("page", page).put("per_page", perPage);
                ArrayNode items = body.putArray("items");
                articles.forEach(a -> items.add(catalog.item(a)));
                return body;
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else {
                    Responses.json(ctx, 200, ar.result());
                }
            });
        };
    }

    /** {@code GET /api/articles/:federation/:id}. */
    public Handler<RoutingContext> one() {
        return ctx -> {
            String id = ctx.pathParam("federation") + "/" + ctx.pathParam("id");
            try {
                QueryParams.onlyThese(ctx, Set.of());
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            if (!HubIris.isArticleId(id)) {
                Responses.problem(ctx, 404, "No article with id '" + id + "'");
                return;
            }
            Blocking.run(vertx, () -> catalog.byId(id).map(catalog::item)).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "No article with id '" + id + "'");
                } else {
                    Responses.json(ctx, 200, ar.result().get());
                }
            });
        };
    }
}
