package se.insatsnavet.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of every HTTP endpoint ({@link OpenApiDocument}; a test
 * keeps it complete, another lints it with Redocly).
 */
public final class OpenApiHandler implements Handler<RoutingContext> {

    private final PreparedBody document;

    private OpenApiHandler(String document) {
        this.document = PreparedBody.of("application/json", document);
    }

    /** Serves the hub's document ({@link OpenApiDocument#bundled}). */
    public static OpenApiHandler create(Vertx vertx) {
        return create(OpenApiDocument.bundled());
    }

    /** Serves {@code document} (from {@link OpenApiDocument#load}). */
    public static OpenApiHandler create(JsonNode document) {
        return new OpenApiHandler(document.toPrettyString());
    }

    @Override
    public void handle(RoutingContext ctx) {
        Responses.send(ctx, document);
    }
}
