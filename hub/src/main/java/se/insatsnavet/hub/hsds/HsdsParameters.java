package se.insatsnavet.hub.hsds;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The query parameters each HSDS 3.1 operation takes (as HSDS's {@code openapi.json} names them), and the
 * strict reading of their values: a parameter the operation does not take, a repeated one, a boolean that is
 * neither {@code true} nor {@code false} or a {@code format} other than {@code json}/{@code ndjson} is a 400
 * naming it, never ignored. Two extensions of the hub: {@code status} (current services by default, see
 * {@code ServicesHandler.status}) on the lists of services, organizations and service_at_locations, and
 * {@code source_id} on the services list.
 */
final class HsdsParameters {

    static final Set<String> NONE = Set.of();
    static final Set<String> SERVICES = Set.of("search", "page", "per_page", "format", "taxonomy_term_id",
            "taxonomy_id", "organization_id", "modified_after", "minimal", "full", "source_id", "status");
    static final Set<String> TAXONOMIES = Set.of("search", "page", "per_page", "format");
    static final Set<String> TAXONOMY_TERMS = Set.of("search", "page", "per_page", "format", "taxonomy_id",
            "top_only", "parent_id");
    static final Set<String> ORGANIZATIONS = Set.of("search", "full_service", "full", "taxonomy_term_id",
            "taxonomy_id", "page", "per_page", "format", "status");
    static final Set<String> ORGANIZATION = Set.of("full_service");
    static final Set<String> SERVICE_AT_LOCATIONS = Set.of("search", "taxonomy_term_id", "taxonomy_id",
            "organization_id", "modified_after", "full", "page", "per_page", "format", "postcode", "proximity", "status");

    private HsdsParameters() {
    }

    /**
     * {@code handler}, after checking that the request has only parameters of {@code allowed}, each once, and
     * no body (HSDS's POST on the list endpoints is the same search as GET, its parameters in the query).
     */
    static Handler<RoutingContext> only(Set<String> allowed, Handler<RoutingContext> handler) {
        return ctx -> {
            try {
                check(ctx, allowed);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            handler.handle(ctx);
        };
    }

    static void check(RoutingContext ctx, Set<String> allowed) {
        QueryParams.onlyThese(ctx, allowed);
        if (ctx.request().method() == HttpMethod.POST && hasBody(ctx)) {
            throw new QueryParams.BadRequest("POST " + ctx.request().path() + " takes no body: HSDS's POST is the same"
                    + " search as GET, with its parameters in the query string");
        }
    }

    private static boolean hasBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        return ctx.request().getHeader("Transfer-Encoding") != null || length != null && !length.trim().equals("0");
    }

    /** A boolean parameter: {@code true}, {@code false} or absent ({@code absent}); anything else is a 400 naming it. */
    static boolean flag(RoutingContext ctx, String name, boolean absent) {
        String v = ctx.queryParams().get(name);
        if (v == null) {
            return absent;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new QueryParams.BadRequest("Parameter '" + name + "' must be true or false, not '" + v + "'");
        };
    }

    /**
     * Whether {@code format=ndjson} asks for every result, one per line, without pagination (HSDS's reading of
     * it); {@code json} (the default) is the Page object. With ndjson, {@code page} and {@code per_page} are a 400.
     */
    static boolean ndjson(RoutingContext ctx) {
        String v = ctx.queryParams().get("format");
        if (v == null || v.equals("json")) {
            return false;
        }
        if (!v.equals("ndjson")) {
            throw new QueryParams.BadRequest("Parameter 'format' must be json or ndjson, not '" + v + "'");
        }
        for (String paging : List.of("page", "per_page")) {
            if (ctx.queryParams().contains(paging)) {
                throw new QueryParams.BadRequest("Parameter '" + paging + "' does not go with format=ndjson, which"
                        + " streams every result without pagination");
            }
        }
        return true;
    }

    /** The request's parameters in a stable order ({@code name=value&…}): the key of a cached answer. */
    static String canonical(RoutingContext ctx) {
        TreeMap<String, String> sorted = new TreeMap<>();
        ctx.queryParams().forEach(sorted::put);
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, value) -> out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return out.toString();
    }

}
