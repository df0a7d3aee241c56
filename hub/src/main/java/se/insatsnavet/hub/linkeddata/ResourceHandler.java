package se.insatsnavet.hub.linkeddata;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.SKOS;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.store.CatalogStore;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The dereferenceable URIs of everything but services: concepts and concept schemes
 * ({@code /id/concept/...}), places ({@code /id/place/...}) and organisations ({@code /id/organisation/...}).
 * Turtle, JSON-LD, N-Triples, RDF/XML or a short Swedish HTML page, by {@code Accept} or {@code ?format=};
 * {@code Vary: Accept}; 404 for an unknown URI, 410 for one that was published and is no more (when the
 * handler is given a way to tell), 406 when nothing offered is acceptable.
 */
public final class ResourceHandler implements Handler<RoutingContext> {

    public static final List<RdfRepresentation> OFFERED = List.of(RdfRepresentation.TURTLE, RdfRepresentation.JSON_LD,
            RdfRepresentation.N_TRIPLES, RdfRepresentation.RDF_XML, RdfRepresentation.HTML);

    private final Vertx vertx;
    private final CatalogStore store;
    private final Function<RoutingContext, String> iriOf;
    private final String preferredGraph;
    private final Predicate<String> wasPublished;

    private ResourceHandler(Vertx vertx, CatalogStore store, Function<RoutingContext, String> iriOf, String preferredGraph,
                            Predicate<String> wasPublished) {
        this.vertx = vertx;
        this.store = store;
        this.iriOf = iriOf;
        this.preferredGraph = preferredGraph;
        this.wasPublished = wasPublished;
    }

    /**
     * @param iriOf          the resource's IRI from the request (built by HubIris; an IllegalArgumentException
     *                       from it means no such resource)
     * @param preferredGraph graph to describe from first (the reference graph for concepts and places), or null
     */
    public static ResourceHandler create(Vertx vertx, CatalogStore store, Function<RoutingContext, String> iriOf,
                                         String preferredGraph) {
        return new ResourceHandler(vertx, store, iriOf, preferredGraph, iri -> false);
    }

    /**
     * Like {@link #create(Vertx, CatalogStore, Function, String)}, for resources that can be removed:
     * {@code wasPublished} (blocking) tells whether a missing IRI was once published, which makes it 410 Gone.
     */
    public static ResourceHandler create(Vertx vertx, CatalogStore store, Function<RoutingContext, String> iriOf,
                                         String preferredGraph, Predicate<String> wasPublished) {
        return new ResourceHandler(vertx, store, iriOf, preferredGraph, wasPublished);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<RdfRepresentation> chosen = ContentNegotiation.forRequest(ctx, OFFERED);
        if (chosen.isEmpty()) {
            return;
        }
        String iri;
        try {
            iri = iriOf.apply(ctx);
        } catch (IllegalArgumentException e) {
            Responses.problem(ctx, 404, "No resource at " + ctx.request().path());
            return;
        }
        RdfRepresentation r = chosen.get();
        Blocking.run(vertx, () -> {
            Optional<Model> model = preferredGraph == null ? Optional.empty() : store.describeIn(preferredGraph, iri);
            if (model.isEmpty()) {
                model = store.describe(iri);
            }
            if (model.isPresent()) {
                Model m = model.get();
                return new Rendered(200, r == RdfRepresentation.HTML ? page(m.getResource(iri)) : RdfWriting.write(m, r));
            }
            return wasPublished.test(iri)
                    ? new Rendered(410, "The resource at " + ctx.request().path() + " has been removed from the catalogue")
                    : new Rendered(404, "No resource at " + ctx.request().path());
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else if (ar.result().status() != 200) {
                Responses.problem(ctx, ar.result().status(), ar.result().body());
            } else {
                Responses.send(ctx, 200, r.contentType(), ar.result().body());
            }
        });
    }

    /** A response worked out on a worker: 200 with the representation, else the status and its message. */
    private record Rendered(int status, String body) {
    }

    private static String page(Resource resource) {
        String label = label(resource);
        StringBuilder b = new StringBuilder(2048);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(label)).append(" – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n")
                .append("</head>\n<body>\n").append(SiteHeader.html(null)).append("<main>\n<h1>")
                .append(Html.escape(label)).append("</h1>\n<p><code>").append(Html.escape(resource.getURI())).append("</code></p>\n<dl>\n");
        for (Statement s : resource.listProperties().toList()) {
            String value = s.getObject().isLiteral() ? s.getString()
                    : s.getObject().isURIResource() ? label(s.getResource()) : "";
            b.append("<dt>").append(Html.escape(s.getModel().shortForm(s.getPredicate().getURI()))).append("</dt><dd>");
            if (s.getObject().isURIResource() && s.getResource().getURI().startsWith("http")) {
                b.append("<a href=\"").append(Html.escape(s.getResource().getURI())).append("\">").append(Html.escape(value)).append("</a>");
            } else {
                b.append(Html.escape(value));
            }
            b.append("</dd>\n");
        }
        return b.append("</dl>\n</main>\n</body>\n</html>\n").toString();
    }

    private static String label(Resource r) {
        for (var property : List.of(SKOS.prefLabel, FOAF.name)) {
            Statement sv = null;
            for (Statement s : r.listProperties(property).toList()) {
                if (s.getObject().isLiteral() && ("sv".equals(s.getLanguage()) || sv == null)) {
                    sv = s;
                }
            }
            if (sv != null) {
                return sv.getString();
            }
        }
        return r.getURI() == null ? "" : r.getURI().substring(r.getURI().lastIndexOf('/') + 1);
    }
}
