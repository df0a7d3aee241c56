package se.insatsnavet.hub.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves a fixed set of files from the class path, read once at creation, by the route's {@code :name}
 * parameter; any other name is 404. Used for the published JSON Schemas ({@code /schema/{name}}).
 */
public final class ClasspathFilesHandler implements Handler<RoutingContext> {

    private final Map<String, String> files = new LinkedHashMap<>();
    private final String contentType;

    private ClasspathFilesHandler(Map<String, String> resources, String contentType) {
        this.contentType = contentType;
        resources.forEach((name, resource) -> {
            try (InputStream in = ClasspathFilesHandler.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + resource);
                }
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** @param resources file name (the {@code :name} path parameter) → class-path resource */
    public static ClasspathFilesHandler create(Map<String, String> resources, String contentType) {
        return new ClasspathFilesHandler(resources, contentType);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String body = files.get(ctx.pathParam("name"));
        if (body == null) {
            Responses.problem(ctx, 404, "No file " + ctx.pathParam("name") + "; offered: " + String.join(", ", files.keySet()));
        } else {
            Responses.send(ctx, 200, contentType, body);
        }
    }
}
