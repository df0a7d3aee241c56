package se.insatsnavet.hub.sparql;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.query.Query;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.RdfWriting;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /sparql}, the SPARQL 1.1 Protocol (query operation only, {@link SparqlRequest}): {@code GET ?query=},
 * {@code POST} form ({@code query=}) or {@code POST} with {@code Content-Type: application/sparql-query};
 * graphs by {@code default-graph-uri} / {@code named-graph-uri}. SELECT/ASK answer JSON, XML, CSV or TSV;
 * CONSTRUCT/DESCRIBE answer Turtle, JSON-LD, N-Triples or RDF/XML; by {@code Accept} or {@code format=}.
 * Updates and {@code SERVICE} are refused. {@code GET} without a query answers the service description in the
 * same RDF syntaxes. Every answer carries {@code Vary: Accept}.
 */
public final class SparqlHandler implements Handler<RoutingContext> {

    private static final List<RdfRepresentation> GRAPH_SYNTAXES = List.of(RdfRepresentation.TURTLE,
            RdfRepresentation.JSON_LD, RdfRepresentation.N_TRIPLES, RdfRepresentation.RDF_XML);

    private static final Pattern PLAIN_URL = Pattern.compile("https?://[A-Za-z0-9.:\\[\\]_~%-]+/[A-Za-z0-9/._~%-]*");
    private static final String FALLBACK_URI = "http://localhost/sparql";

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
        ctx.response().putHeader("Vary", "Accept");
        SparqlRequest request;
        try {
            request = SparqlRequest.of(ctx);
        } catch (SparqlRequest.Invalid e) {
            Responses.problem(ctx, e.status, e.getMessage());
            return;
        }
        AcceptHeader accept = AcceptHeader.parse(ctx.request().getHeader("Accept"));
        if (request.describe()) {
            describe(ctx, request.format(), accept);
            return;
        }
        String base = endpointUri(ctx);
        Blocking.run(vertx, () -> {
            Query query = endpoint.parse(request.query(), base, request.defaultGraphs(), request.namedGraphs());
            if (query.isSelectType() || query.isAskType()) {
                return endpoint.results(query, resultsSyntax(request.format(), accept));
            }
            return endpoint.graph(query, graphSyntax(request.format(), accept));
        }).onComplete(ar -> {
            ctx.response().putHeader("X-Result-Limit", Integer.toString(endpoint.resultCap()));
            if (ar.succeeded()) {
                ctx.response().putHeader("Content-Type", ar.result().contentType()).end(ar.result().body());
            } else {
                fail(ctx, ar.cause());
            }
        });
    }

    private void describe(RoutingContext ctx, String format, AcceptHeader accept) {
        String endpointUri = endpointUri(ctx);
        Blocking.run(vertx, () -> {
            RdfRepresentation syntax = graphSyntax(format, accept);
            return new SparqlEndpoint.Answer(syntax.contentType(), RdfWriting.write(endpoint.description(endpointUri), syntax));
        }).onComplete(ar -> {
            if (ar.succeeded()) {
                Responses.send(ctx, 200, ar.result().contentType(), ar.result().body());
            } else {
                fail(ctx, ar.cause());
            }
        });
    }

    /** This endpoint's URL: the base of a query's relative IRIs and the subject of its description. */
    private static String endpointUri(RoutingContext ctx) {
        String uri = ctx.request().absoluteURI();
        String endpoint = uri == null ? "" : uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        // built from the client's Host header: anything but a plain http(s) URL is not used as a base
        return PLAIN_URL.matcher(endpoint).matches() ? endpoint : FALLBACK_URI;
    }

    private static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof SparqlEndpoint.Refused) {
            Responses.problem(ctx, 400, cause.getMessage());
        } else if (cause instanceof NotAcceptable) {
            Responses.problem(ctx, 406, cause.getMessage());
        } else if (cause instanceof SparqlEndpoint.TimedOut) {
            Responses.problem(ctx, 503, cause.getMessage());
        } else {
            Responses.failed(ctx, cause);
        }
    }

    private static SparqlEndpoint.ResultsSyntax resultsSyntax(String format, AcceptHeader accept) {
        List<SparqlEndpoint.ResultsSyntax> offered = Arrays.asList(SparqlEndpoint.ResultsSyntax.values());
        if (format != null) {
            return offered.stream()
                    .filter(s -> s.formatName().equalsIgnoreCase(format) || s.mediaType().equalsIgnoreCase(format))
                    .findFirst().orElseThrow(() -> new NotAcceptable("Unknown results format '" + format + "': json, xml, csv, tsv"));
        }
        return accept.best(offered, SparqlEndpoint.ResultsSyntax::mediaType).orElseThrow(() -> new NotAcceptable(
                "None of the accepted media types is a SPARQL results syntax offered here: "
                        + String.join(", ", offered.stream().map(SparqlEndpoint.ResultsSyntax::mediaType).toList())));
    }

    private static RdfRepresentation graphSyntax(String format, AcceptHeader accept) {
        if (format != null) {
            return RdfRepresentation.byFormat(format).filter(GRAPH_SYNTAXES::contains)
                    .orElseThrow(() -> new NotAcceptable("Unknown graph format '" + format + "': ttl, jsonld, nt, rdf"));
        }
        return accept.best(GRAPH_SYNTAXES, RdfRepresentation::mediaType).orElseThrow(() -> new NotAcceptable(
                "None of the accepted media types is an RDF syntax offered here: "
                        + String.join(", ", GRAPH_SYNTAXES.stream().map(RdfRepresentation::mediaType).toList())));
    }

    /** No offered syntax is acceptable (answered 406). */
    static final class NotAcceptable extends RuntimeException {
        NotAcceptable(String message) {
            super(message);
        }
    }
}
