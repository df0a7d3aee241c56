package se.insatsnavet.hub.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Serves a fixed set of files from the class path, read once at creation, by the route's {@code :name}
 * parameter (or one file on a route of its own); any other name is 404. Used for the published JSON Schemas
 * ({@code /schema/{name}}) and the HSDS profile's files.
 */
public final class ClasspathFilesHandler implements Handler<RoutingContext> {

    private final Map<String, String> files = new LinkedHashMap<>();
    private final String contentType;
    private final Function<RoutingContext, String> nameOf;

    private ClasspathFilesHandler(Map<String, String> resources, String contentType,
                                  Function<RoutingContext, String> nameOf) {
        this.contentType = contentType;
        this.nameOf = nameOf;
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
        return new ClasspathFilesHandler(resources, contentType, ctx -> ctx.pathParam("name"));
    }

    /** Serves one class-path resource on a route without parameters. */
    public static ClasspathFilesHandler single(String resource, String contentType) {
        return new ClasspathFilesHandler(Map.of(resource, resource), contentType, ctx -> resource);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String name = nameOf.apply(ctx);
        String body = files.get(name);
        if (body == null) {
            Responses.problem(ctx, 404, "No file " + name + "; offered: " + String.join(", ", files.keySet()));
        } else {
            Responses.send(ctx, 200, contentType, body);
        }
    }
}
