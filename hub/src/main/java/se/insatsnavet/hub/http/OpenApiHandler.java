package se.insatsnavet.hub.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /openapi.json}: the OpenAPI 3.1 document of every HTTP endpoint (a test keeps it complete). */
public final class OpenApiHandler implements Handler<RoutingContext> {

    public static final String RESOURCE = "/openapi/openapi.json";

    private final String document;

    private OpenApiHandler(String document) {
        this.document = document;
    }

    public static OpenApiHandler create(Vertx vertx) {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return new OpenApiHandler(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        Responses.send(ctx, 200, "application/json", document);
    }
}
