package se.insatsnavet.hub.sparql;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.query.Query;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.ContentNegotiation;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.RdfWriting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /sparql}, the SPARQL 1.1 Protocol (query operation only): {@code GET ?query=}, {@code POST}
 * form ({@code query=}) or {@code POST} with {@code Content-Type: application/sparql-query}; graphs by
 * {@code default-graph-uri} / {@code named-graph-uri}. SELECT/ASK answer JSON, XML, CSV or TSV;
 * CONSTRUCT/DESCRIBE answer Turtle, JSON-LD, N-Triples or RDF/XML; by {@code Accept} or {@code format=}.
 * Updates are refused. {@code GET} without a query answers the service description.
 */
public final class SparqlHandler implements Handler<RoutingContext> {

    private static final List<RdfRepresentation> GRAPH_SYNTAXES = List.of(RdfRepresentation.TURTLE,
            RdfRepresentation.JSON_LD, RdfRepresentation.N_TRIPLES, RdfRepresentation.RDF_XML);

    private final Vertx vertx;
    private final SparqlEndpoint endpoint;

    private SparqlHandler(Vertx vertx, SparqlEndpoint endpoint) {
        this.vertx = vertx;
        this.endpoint = endpoint;
    }

    public static SparqlHandler create(Vertx vertx, SparqlEndpoint endpoint) {
        return new SparqlHandler(vertx, endpoint);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String contentType = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        if (ctx.request().method() == HttpMethod.POST && (contentType.startsWith("application/sparql-update")
                || ctx.request().getFormAttribute("update") != null)) {
            Responses.problem(ctx, 400, "This endpoint is read-only: SPARQL Update is not accepted");
            return;
        }
        String text;
        if (ctx.request().method() == HttpMethod.POST && contentType.startsWith("application/sparql-query")) {
            text = ctx.body().asString();
        } else if (ctx.request().method() == HttpMethod.POST) {
            text = ctx.request().getFormAttribute("query");
        } else {
            text = ctx.queryParams().get("query");
        }
        if (text == null && ctx.request().method() == HttpMethod.GET) {
            describe(ctx);
            return;
        }
        List<String> defaults = params(ctx, "default-graph-uri");
        List<String> named = params(ctx, "named-graph-uri");
        String format = ctx.queryParams().get("format");
        String accept = ctx.request().getHeader("Accept");
        Blocking.run(vertx, () -> {
            Query query = endpoint.parse(text, defaults, named);
            if (query.isSelectType() || query.isAskType()) {
                return endpoint.results(query, resultsSyntax(format, accept));
            }
            return endpoint.graph(query, graphSyntax(format, accept));
        }).onComplete(ar -> {
            ctx.response().putHeader("Vary", "Accept").putHeader("X-Result-Limit", Integer.toString(endpoint.resultCap()));
            if (ar.succeeded()) {
                ctx.response().putHeader("Content-Type", ar.result().contentType()).end(ar.result().body());
            } else if (ar.cause() instanceof SparqlEndpoint.Refused) {
                Responses.problem(ctx, 400, ar.cause().getMessage());
            } else if (ar.cause() instanceof NotAcceptable) {
                Responses.problem(ctx, 406, ar.cause().getMessage());
            } else if (ar.cause() instanceof SparqlEndpoint.TimedOut) {
                Responses.problem(ctx, 503, ar.cause().getMessage());
            } else {
                Responses.failed(ctx, ar.cause());
            }
        });
    }

    private void describe(RoutingContext ctx) {
        String uri = ctx.request().absoluteURI();
        String endpointUri = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        Blocking.run(vertx, () -> RdfWriting.write(endpoint.description(endpointUri), RdfRepresentation.TURTLE))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        Responses.failed(ctx, ar.cause());
                    } else {
                        Responses.send(ctx, 200, RdfRepresentation.TURTLE.contentType(), ar.result());
                    }
                });
    }

    private static SparqlEndpoint.ResultsSyntax resultsSyntax(String format, String accept) {
        if (format != null) {
            return Arrays.stream(SparqlEndpoint.ResultsSyntax.values())
                    .filter(s -> s.formatName().equalsIgnoreCase(format) || s.mediaType().equalsIgnoreCase(format))
                    .findFirst().orElseThrow(() -> new NotAcceptable("Unknown results format '" + format + "': json, xml, csv, tsv"));
        }
        if (accept == null || accept.isBlank()) {
            return SparqlEndpoint.ResultsSyntax.JSON;
        }
        SparqlEndpoint.ResultsSyntax best = null;
        double bestQ = 0;
        for (SparqlEndpoint.ResultsSyntax s : SparqlEndpoint.ResultsSyntax.values()) {
            double q = quality(accept, s.mediaType());
            if (q > bestQ) {
                best = s;
                bestQ = q;
            }
        }
        if (best == null) {
            throw new NotAcceptable("None of the accepted media types is a SPARQL results syntax offered here");
        }
        return best;
    }

    /** Quality of {@code mediaType} in an Accept header (exact, type/*, or * / *). */
    private static double quality(String accept, String mediaType) {
        double exact = -1;
        double wide = -1;
        for (String part : accept.split(",")) {
            String[] p = part.trim().split(";");
            String range = p[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < p.length; i++) {
                if (p[i].trim().startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p[i].trim().substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (range.equals(mediaType)) {
                exact = q;
            } else if (range.equals("*/*") || range.equals(mediaType.substring(0, mediaType.indexOf('/')) + "/*")) {
                wide = Math.max(wide, q);
            }
        }
        return exact >= 0 ? exact : Math.max(wide, 0);
    }

    private static RdfRepresentation graphSyntax(String format, String accept) {
        if (format != null) {
            return RdfRepresentation.byFormat(format).filter(GRAPH_SYNTAXES::contains)
                    .orElseThrow(() -> new NotAcceptable("Unknown graph format '" + format + "': ttl, jsonld, nt, rdf"));
        }
        return ContentNegotiation.choose(accept, GRAPH_SYNTAXES)
                .orElseThrow(() -> new NotAcceptable("None of the accepted media types is an RDF syntax offered here"));
    }

    private static List<String> params(RoutingContext ctx, String name) {
        List<String> values = new java.util.ArrayList<>(ctx.queryParams().getAll(name));
        if (ctx.request().method() == HttpMethod.POST) {
            values.addAll(ctx.request().formAttributes().getAll(name));
        }
        return values;
    }

    /** No offered syntax is acceptable (answered 406). */
    static final class NotAcceptable extends RuntimeException {
        NotAcceptable(String message) {
            super(message);
        }
    }
}
