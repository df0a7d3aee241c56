package se.insatsnavet.hub.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first handler of every route: a request the routes could not read is answered 400 naming what is wrong,
 * before any route reads it (instead of an exception deep in a route, answered 500):
 * <ul>
 *   <li>an {@code Accept} header with no valid media range ({@link MediaRanges#malformed}, e.g. {@code ;;;});
 *       on the paths given to {@link #defaultingAcceptOn} (the SPARQL endpoint, whose protocol tests expect its
 *       default syntax) such a header is dropped instead, so the route answers its default representation. A
 *       header with some valid ranges reaches the routes with only those (malformed elements are skipped, as
 *       RFC 9110 readers do);</li>
 *   <li>a query string that does not decode (a bad percent escape such as {@code %zz}, or a lone {@code %}).</li>
 * </ul>
 */
public final class MalformedRequests implements Handler<RoutingContext> {

    private final Set<String> defaultingAccept;

    private MalformedRequests(Set<String> defaultingAccept) {
        this.defaultingAccept = defaultingAccept;
    }

    public static MalformedRequests check() {
        return new MalformedRequests(Set.of());
    }

    /** On these paths an {@code Accept} header with no valid media range is dropped instead of answered 400. */
    public MalformedRequests defaultingAcceptOn(String... paths) {
        return new MalformedRequests(Set.of(paths));
    }

    @Override
    public void handle(RoutingContext ctx) {
        List<String> accept = ctx.request().headers().getAll("Accept");
        if (!accept.isEmpty()) {
            String joined = String.join(",", accept);
            List<MediaRanges.Range> ranges = MediaRanges.parse(joined);
            if (MediaRanges.malformed(joined)) {
                if (!defaultingAccept.contains(ctx.request().path())) {
                    Responses.problem(ctx, 400, "Malformed Accept header: it names no media range (type/subtype, e.g. "
                            + "application/json); leave it out to get the default representation");
                    return;
                }
                ctx.request().headers().remove("Accept");
            } else if (!joined.isBlank() && ranges.size() != joined.split(",", -1).length) {
                ctx.request().headers().set("Accept", ranges.stream()
                        .map(r -> r.mediaType() + (r.q() < 1 ? ";q=" + r.q() : "")).collect(Collectors.joining(", ")));
            }
        }
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType != null && emptyMultipartBoundary(contentType)) {
            // the body decoder would fail on it (a 500): refused before any body is read
            Responses.problem(ctx, 400, "Malformed Content-Type header: a multipart body needs a non-empty boundary");
            return;
        }
        try {
            ctx.request().params();
            ctx.queryParams();
        } catch (IllegalArgumentException | HttpException e) {
            Responses.problem(ctx, 400, "Malformed query string: every % must begin an escape of two hex digits (%25 for % itself)");
            return;
        }
        ctx.next();
    }

    /** Whether a Content-Type is multipart with a boundary parameter that has no value ({@code boundary=}, {@code boundary=""}). */
    static boolean emptyMultipartBoundary(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        if (!lower.trim().startsWith("multipart/")) {
            return false;
        }
        for (String parameter : lower.split(";")) {
            String p = parameter.trim();
            if (p.startsWith("boundary=")) {
                String value = p.substring("boundary=".length()).trim();
                return value.isEmpty() || value.equals("\"\"");
            }
        }
        return false;
    }
}
