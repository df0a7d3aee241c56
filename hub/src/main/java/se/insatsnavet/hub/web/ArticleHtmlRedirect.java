package se.insatsnavet.hub.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.linkeddata.ContentNegotiation;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.List;

/**
 * {@code GET /id/article/:federation/:id} asked for as HTML (a browser's {@code Accept}, or {@code ?format=html}):
 * 303 See Other to the article's page {@code /vagledning/:federation/:id}, with {@code Vary: Accept}. Any other
 * request goes on to the next handler of the route (the machine-readable representations), so this handler can
 * sit in front of the article's content negotiation. The target is built from the path's own, checked id only.
 */
public final class ArticleHtmlRedirect implements Handler<RoutingContext> {

    /** HTML first; the rest are what a machine client may ask for instead (then the next handler answers). */
    private static final List<RdfRepresentation> OFFERED = List.of(RdfRepresentation.TURTLE, RdfRepresentation.JSON_LD,
            RdfRepresentation.N_TRIPLES, RdfRepresentation.RDF_XML, RdfRepresentation.JSON, RdfRepresentation.HTML);

    private ArticleHtmlRedirect() {
    }

    public static ArticleHtmlRedirect create() {
        return new ArticleHtmlRedirect();
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Accept");
        String federation = ctx.pathParam("federation");
        String id = ctx.pathParam("id");
        String format = ctx.queryParams().get("format");
        boolean html = format != null ? "html".equals(format) && ctx.queryParams().size() == 1
                : ContentNegotiation.choose(ctx.request().getHeader("Accept"), OFFERED).orElse(null) == RdfRepresentation.HTML;
        if (html && HubIris.isArticleId(federation + "/" + id)) {
            ctx.response().setStatusCode(303).putHeader("Location", ArticlePage.START + "/" + federation + "/" + id).end();
        } else {
            ctx.next();
        }
    }
}
