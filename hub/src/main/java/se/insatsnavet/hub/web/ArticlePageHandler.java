package se.insatsnavet.hub.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.guidance.Article;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.Optional;

/**
 * {@code GET /vagledning/:federation/:id} and {@code GET /vagledning/:federation/:id/lattlast}: the page of one
 * guidance article ({@link ArticlePage}), or its lättläst version. A Swedish 404 page for an unknown article (or
 * for the lättläst page of an article without a lättläst text); a query parameter is a 400 naming it (the pages
 * take none). The article is read on a worker.
 */
public final class ArticlePageHandler implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final ArticleCatalog articles;
    private final ArticlePage page;
    private final boolean easy;

    private ArticlePageHandler(Vertx vertx, ArticleCatalog articles, ArticlePage page, boolean easy) {
        this.vertx = vertx;
        this.articles = articles;
        this.page = page;
        this.easy = easy;
    }

    /** The handler of the standard page. */
    public static ArticlePageHandler standard(Vertx vertx, ArticleCatalog articles, ArticlePage page) {
        return new ArticlePageHandler(vertx, articles, page, false);
    }

    /** The handler of the lättläst page. */
    public static ArticlePageHandler easyToRead(Vertx vertx, ArticleCatalog articles, ArticlePage page) {
        return new ArticlePageHandler(vertx, articles, page, true);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!ctx.queryParams().isEmpty()) {
            String name = ctx.queryParams().names().iterator().next();
            Responses.problem(ctx, 400, "Parameter '" + name + "' is not supported: the guidance pages take no parameters");
            return;
        }
        String id = ctx.pathParam("federation") + "/" + ctx.pathParam("id");
        if (!HubIris.isArticleId(id)) {
            notFound(ctx);
            return;
        }
        Blocking.run(vertx, () -> {
            Optional<Article> article = articles.byId(id);
            return article.flatMap(a -> easy ? page.renderEasy(a) : Optional.of(page.render(a)));
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else if (ar.result().isEmpty()) {
                notFound(ctx);
            } else {
                Responses.send(ctx, 200, "text/html; charset=utf-8", ar.result().get());
            }
        });
    }

    /** Answers 404 with the Swedish page saying the text does not exist. */
    static void notFound(RoutingContext ctx) {
        Responses.send(ctx, 404, "text/html; charset=utf-8", ArticlePage.notFound());
    }
}
