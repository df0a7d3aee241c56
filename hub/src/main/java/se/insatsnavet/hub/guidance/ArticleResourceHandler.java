package se.insatsnavet.hub.guidance;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.rdf.model.Model;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.linkeddata.ContentNegotiation;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.RdfWriting;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /id/article/:federation/:id}: the dereferenceable IRI of a guidance article. Negotiates, from
 * {@code Accept} ({@code ?format=} overrides), the stored graph as Turtle, N-Triples or RDF/XML, schema.org JSON-LD
 * ({@link ArticleSchemaOrg}: Article, FAQPage or HowTo) and the API's JSON (a browser asking for HTML was sent on
 * to the article's public page by {@code web.ArticleHtmlRedirect}, routed in front of this handler);
 * {@code ?format=rdfjsonld} gives the stored graph as JSON-LD. Always {@code Vary: Accept}, a strong ETag
 * (304 on a match); 404 for an unknown article, 410 for one removed, 406 when nothing offered is acceptable.
 */
public final class ArticleResourceHandler implements Handler<RoutingContext> {

    /** Server preference when the client accepts several equally: Turtle, as for services. */
    public static final List<RdfRepresentation> OFFERED = List.of(RdfRepresentation.TURTLE, RdfRepresentation.JSON_LD,
            RdfRepresentation.N_TRIPLES, RdfRepresentation.RDF_XML, RdfRepresentation.JSON);
    /** {@code ?format=rdfjsonld}: the stored graph as JSON-LD rather than schema.org. */
    public static final String STORED_JSON_LD = "rdfjsonld";

    private final Vertx vertx;
    private final ArticleCatalog catalog;
    private final RunRepository runs;
    private final HubIris iris;

    public ArticleResourceHandler(Vertx vertx, ArticleCatalog catalog, RunRepository runs, HubIris iris) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.runs = runs;
        this.iris = iris;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Accept");
        String id = ctx.pathParam("federation") + "/" + ctx.pathParam("id");
        String format = ctx.queryParams().get("format");
        boolean storedJsonLd = STORED_JSON_LD.equals(format);
        Optional<RdfRepresentation> chosen = storedJsonLd ? Optional.of(RdfRepresentation.JSON_LD)
                : format != null ? RdfRepresentation.byFormat(format).filter(OFFERED::contains)
                : ContentNegotiation.choose(ctx.request().getHeader("Accept"), OFFERED);
        if (chosen.isEmpty()) {
            Responses.problem(ctx, 406, (format != null ? "Unknown format '" + format + "'" : "None of the accepted media types is offered")
                    + "; offered: " + OFFERED.stream().map(RdfRepresentation::formatName).collect(Collectors.joining(", "))
                    + ", " + STORED_JSON_LD);
            return;
        }
        if (!HubIris.isArticleId(id)) {
            Responses.problem(ctx, 404, "No article with id '" + id + "'");
            return;
        }
        RdfRepresentation representation = chosen.get();
        Blocking.run(vertx, () -> render(id, representation, storedJsonLd)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else if (ar.result().status() != 200) {
                Responses.problem(ctx, ar.result().status(), ar.result().body());
            } else {
                Responses.send(ctx, 200, representation.contentType(), ar.result().body());
            }
        });
    }

    private Rendered render(String id, RdfRepresentation representation, boolean storedJsonLd) {
        Optional<Model> model = catalog.describe(id);
        Optional<Article> article = model.flatMap(m -> catalog.article(m, id));
        if (article.isEmpty()) {
            boolean removed = runs.lastAction(id).map("deleted"::equals).orElse(false);
            return removed ? new Rendered(410, "Article '" + id + "' has been removed")
                    : new Rendered(404, "No article with id '" + id + "'");
        }
        String uri = catalog.uri(id);
        Article a = article.get();
        return switch (representation) {
            case JSON -> new Rendered(200, catalog.item(a).toPrettyString());
            case JSON_LD -> new Rendered(200, storedJsonLd ? RdfWriting.write(model.get(), representation)
                    : ArticleSchemaOrg.of(a, uri, iris).toPrettyString());
            default -> new Rendered(200, RdfWriting.write(model.get(), representation));
        };
    }

    private record Rendered(int status, String body) {
    }
}
