package se.insatsnavet.hub.linkeddata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.OWL;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.BodyCache;
import se.insatsnavet.hub.http.PreparedBody;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.services.ServiceCatalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /id/service/:id}: the dereferenceable URI of a service. Negotiates Turtle, JSON-LD,
 * N-Triples, RDF/XML, canonical JSON and HTML from {@code Accept} ({@code ?format=} overrides), always
 * with {@code Vary: Accept}; 404 for an unknown id, 410 for a service that was removed, 406 when no
 * offered representation is acceptable.
 */
public final class ServiceResourceHandler implements Handler<RoutingContext> {

    /** Server preference when the client accepts several equally: Turtle for {@code *}{@code /*} clients like curl. */
    public static final List<RdfRepresentation> OFFERED = List.of(RdfRepresentation.TURTLE, RdfRepresentation.JSON_LD,
            RdfRepresentation.N_TRIPLES, RdfRepresentation.RDF_XML, RdfRepresentation.JSON, RdfRepresentation.HTML);
    /** {@code ?format=schemaorg}: the schema.org JSON-LD representation (SEMIC's CPSV-AP alignment). */
    public static final String SCHEMA_ORG = "schemaorg";
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[A-Za-z0-9._~-]{1,200}");

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final RunRepository runs;
    private final ServicePage page;
    private final Function<String, String> federationNames;
    private ExtraFormats extra = ExtraFormats.NONE;
    private Function<String, String> sections = id -> "";
    private Consumer<String> viewed = id -> { };
    private final BodyCache<String> rendered = BodyCache.create(CACHED_BYTES);
    /** Counts invalidations, so that a body rendered while its service changed is not kept. */
    private final AtomicLong invalidations = new AtomicLong();

    private ServiceResourceHandler(Vertx vertx, ServiceCatalog catalog, RunRepository runs, ServicePage page,
                                   Function<String, String> federationNames) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.runs = runs;
        this.page = page;
        this.federationNames = federationNames;
    }

    public static ServiceResourceHandler create(Vertx vertx, ServiceCatalog catalog, RunRepository runs, ServicePage page,
                                                Function<String, String> federationNames) {
        return new ServiceResourceHandler(vertx, catalog, runs, page, federationNames);
    }

    /** Serves these extra representations too (feed-format plugins). */
    public ServiceResourceHandler withExtraFormats(ExtraFormats formats) {
        this.extra = formats;
        return this;
    }

    /**
     * Extra sections of the HTML page by service id: escaped HTML, "" for none (called on a worker; the
     * result is cached with the page until {@link #invalidate} or {@link #invalidateFederation}).
     */
    public ServiceResourceHandler withSections(Function<String, String> htmlSections) {
        this.sections = htmlSections;
        return this;
    }

    /** Told the id of every service whose HTML page is served (anonymous usage statistics; must not block). */
    public ServiceResourceHandler withViewCounter(Consumer<String> counter) {
        this.viewed = counter;
        return this;
    }

    /** Forgets the rendered representations of every service of a federation (its indicators changed). */
    public void invalidateFederation(String federationId) {
        invalidations.incrementAndGet();
        rendered.removeIf(k -> k.startsWith(federationId + "."));
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Vary", "Accept");
        String id = ctx.pathParam("id");
        Optional<RdfRepresentation> chosen;
        String format = ctx.queryParams().get("format");
        Optional<ExtraFormats.Format> plugin = format != null ? extra.byName(format)
                : extra.preferredIn(ctx.request().getHeader("Accept"));
        if (plugin.isPresent()) {
            renderExtra(ctx, id, plugin.get());
            return;
        }
        if (SCHEMA_ORG.equals(format)) {
            if (!SERVICE_ID.matcher(id).matches()) {
                Responses.problem(ctx, 404, "No service with id '" + id + "'");
                return;
            }
            Blocking.run(vertx, () -> catalog.describe(id).map(m -> SchemaOrg.of(m, catalog.serviceUri(id))))
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            Responses.failed(ctx, ar.cause());
                        } else if (ar.result().isEmpty()) {
                            Responses.problem(ctx, 404, "No service with id '" + id + "'");
                        } else {
                            Responses.send(ctx, 200, "application/ld+json", ar.result().get().toPrettyString());
                        }
                    });
            return;
        }
        if (format != null) {
            chosen = RdfRepresentation.byFormat(format);
            if (chosen.isEmpty()) {
                Responses.problem(ctx, 406, "Unknown format '" + format + "'; offered: " + offeredNames()
                        + extra.formats().stream().map(f -> ", " + f.name()).collect(Collectors.joining()));
                return;
            }
        } else {
            chosen = ContentNegotiation.choose(ctx.request().getHeader("Accept"), OFFERED);
            if (chosen.isEmpty()) {
                Responses.problem(ctx, 406, "None of the accepted media types is offered; offered: " + offeredTypes());
                return;
            }
        }
        if (!SERVICE_ID.matcher(id).matches()) {
            Responses.problem(ctx, 404, "No service with id '" + id + "'");
            return;
        }
        RdfRepresentation representation = chosen.get();
        String key = id + '\u0000' + representation.name();
        PreparedBody cachedBody = rendered.get(key, 0);
        if (cachedBody != null) {
            if (representation == RdfRepresentation.HTML) {
                viewed.accept(id);
            }
            Responses.send(ctx, cachedBody);
            return;
        }
        long invalidationsBefore = invalidations.get();
        Blocking.run(vertx, () -> render(id, representation)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            Rendered r = ar.result();
            if (r.status != 200) {
                Responses.problem(ctx, r.status, r.body);
                return;
            }
            PreparedBody body = PreparedBody.of(representation.contentType(), r.body);
            if (invalidations.get() == invalidationsBefore) {
                rendered.put(key, 0, body);
            }
            if (representation == RdfRepresentation.HTML) {
                viewed.accept(id);
            }
            Responses.send(ctx, body);
        });
    }

    /**
     * Forgets the rendered representations of a service (called when a run changed it, before the run is
     * recorded). Rendered representations are kept as encoded bytes with their ETag, up to
     * {@link #CACHED_BYTES} bytes (property {@code insatsnavet.cache.renderedBytes}), the least recently
     * used dropped first.
     */
    public void invalidate(String serviceId) {
        invalidations.incrementAndGet();
        String prefix = serviceId + '\u0000';
        for (RdfRepresentation r : RdfRepresentation.values()) {
            rendered.remove(prefix + r.name());
        }
    }

    /** Bytes of rendered representations kept (least recently used dropped first): 64 MB unless configured. */
    static final long CACHED_BYTES = Long.getLong("insatsnavet.cache.renderedBytes", 64L * 1024 * 1024);

    private void renderExtra(RoutingContext ctx, String id, ExtraFormats.Format format) {
        if (!SERVICE_ID.matcher(id).matches()) {
            Responses.problem(ctx, 404, "No service with id '" + id + "'");
            return;
        }
        Blocking.run(vertx, () -> catalog.describe(id).map(m -> {
            String uri = catalog.serviceUri(id);
            return extra.render(format, catalog.item(uri, catalog.canonical(m, id)), uri);
        })).onComplete(ar -> {
            if (ar.failed()) {
                Responses.problem(ctx, 502, "The '" + format.name() + "' representation failed: " + ar.cause().getMessage());
            } else if (ar.result().isEmpty()) {
                Responses.problem(ctx, 404, "No service with id '" + id + "'");
            } else {
                Responses.send(ctx, 200, format.mediaType(), ar.result().get());
            }
        });
    }

    private Rendered render(String id, RdfRepresentation representation) {
        Optional<Model> model = catalog.describe(id);
        if (model.isEmpty()) {
            boolean removed = runs.lastAction(id).map("deleted"::equals).orElse(false);
            return removed ? new Rendered(410, "Service '" + id + "' has been removed from the catalogue")
                    : new Rendered(404, "No service with id '" + id + "'");
        }
        String serviceUri = catalog.serviceUri(id);
        return switch (representation) {
            // the same shape as an item of /api/services: id, uri and federation, then the canonical JSON
            case JSON -> new Rendered(200, catalog.item(serviceUri, catalog.canonical(model.get(), id)).toPrettyString());
            case HTML -> {
                ObjectNode canonical = catalog.canonical(model.get(), id);
                String federation = id.substring(0, id.indexOf('.'));
                yield new Rendered(200, page.render(serviceUri, federationNames.apply(federation), canonical,
                        SameServiceLinks.html(sameServices(model.get(), serviceUri)) + sections.apply(id),
                        SchemaOrg.of(model.get(), serviceUri)));
            }
            default -> new Rendered(200, RdfWriting.write(model.get(), representation));
        };
    }

    /** The published services this one is confirmed the same as ({@code owl:sameAs}), by IRI, at most {@link SameServiceLinks#MAX}. */
    private List<SameServiceLinks.Link> sameServices(Model model, String serviceUri) {
        List<SameServiceLinks.Link> out = new ArrayList<>();
        model.listObjectsOfProperty(model.getResource(serviceUri), OWL.sameAs).toList().stream()
                .filter(RDFNode::isURIResource).map(n -> n.asResource().getURI()).sorted().distinct()
                .forEach(uri -> {
                    if (out.size() >= SameServiceLinks.MAX) {
                        return;
                    }
                    catalog.serviceIdOf(uri).ifPresent(other -> catalog.canonical(other).ifPresent(c -> out.add(
                            new SameServiceLinks.Link(uri, ServicePage.text(c.path("title")),
                                    federationNames.apply(other.substring(0, other.indexOf('.')))))));
                });
        return out;
    }

    private static String offeredNames() {
        return OFFERED.stream().map(RdfRepresentation::formatName).collect(Collectors.joining(", "));
    }

    private static String offeredTypes() {
        return Arrays.stream(RdfRepresentation.values()).map(RdfRepresentation::mediaType).collect(Collectors.joining(", "));
    }

    private record Rendered(int status, String body) {
    }
}
