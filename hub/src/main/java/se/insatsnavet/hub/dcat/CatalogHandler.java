package se.insatsnavet.hub.dcat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.rdf.model.Model;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.ContentNegotiation;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.RdfWriting;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /catalog} and {@code /datasets/dcat} (the path Sweden's data portal harvests): the DCAT
 * catalogue in Turtle, RDF/XML, JSON-LD or N-Triples ({@code Accept} or {@code ?format=}).
 */
public final class CatalogHandler implements Handler<RoutingContext> {

    private static final List<RdfRepresentation> OFFERED = List.of(RdfRepresentation.TURTLE, RdfRepresentation.RDF_XML,
            RdfRepresentation.JSON_LD, RdfRepresentation.N_TRIPLES);

    private final Vertx vertx;
    private final Supplier<Model> catalog;

    private CatalogHandler(Vertx vertx, Supplier<Model> catalog) {
        this.vertx = vertx;
        this.catalog = catalog;
    }

    public static CatalogHandler create(Vertx vertx, Supplier<Model> catalog) {
        return new CatalogHandler(vertx, catalog);
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Accept");
        String format = ctx.queryParams().get("format");
        Optional<RdfRepresentation> chosen = format != null ? RdfRepresentation.byFormat(format).filter(OFFERED::contains)
                : ContentNegotiation.choose(ctx.request().getHeader("Accept"), OFFERED);
        if (chosen.isEmpty()) {
            Responses.problem(ctx, 406, "The catalogue is offered as text/turtle, application/rdf+xml, application/ld+json and application/n-triples");
            return;
        }
        RdfRepresentation r = chosen.get();
        Blocking.run(vertx, () -> RdfWriting.write(catalog.get(), r)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else {
                Responses.send(ctx, 200, r.contentType(), ar.result());
            }
        });
    }
}
