package se.insatsnavet.hub.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * The security headers of every response, set in one place as the response's headers are written (so they
 * also reach 404s, failures and responses written by handlers that set none): {@code X-Content-Type-Options:
 * nosniff} on every response; on HTML and SVG (documents a browser renders) also a default
 * {@code Content-Security-Policy} with {@code frame-ancestors 'none'}, {@code X-Frame-Options: DENY} and
 * {@code Referrer-Policy: no-referrer}. A handler that sets its own policy keeps it.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {

    /** The policy of a page that sets none: only the hub's own styles, scripts and images, never framed. */
    public static final String DEFAULT_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static SecurityHeaders create() {
        return new SecurityHeaders();
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> apply(ctx.response().headers()));
        ctx.next();
    }

    static void apply(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        String type = headers.get("Content-Type");
        if (type == null) {
            return;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("text/html") || lower.startsWith("image/svg+xml")) {
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", DEFAULT_POLICY);
            }
            if (!headers.contains("X-Frame-Options")) {
                headers.set("X-Frame-Options", "DENY");
            }
            if (!headers.contains("Referrer-Policy")) {
                headers.set("Referrer-Policy", "no-referrer");
            }
        }
    }
}
