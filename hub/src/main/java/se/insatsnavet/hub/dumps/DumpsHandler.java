package se.insatsnavet.hub.dumps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Responses;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * {@code GET /dumps/} lists the dumps (name, URL, media type, bytes, SHA-256, written);
 * {@code GET /dumps/:name} sends one. Only names in the list are served: no path reaches anything else.
 */
public final class DumpsHandler {

    private DumpsHandler() {
    }

    public static Handler<RoutingContext> list(Dumps dumps) {
        return ctx -> {
            ObjectNode body = Responses.object();
            ArrayNode items = body.putArray("items");
            for (Dumps.DumpInfo d : dumps.list()) {
                items.addObject().put("name", d.name()).put("url", "/dumps/" + d.name()).put("mediaType", d.mediaType())
                        .put("bytes", d.bytes()).put("sha256", d.sha256()).put("written", d.written().toString());
            }
            Responses.json(ctx, 200, body);
        };
    }

    public static Handler<RoutingContext> one(Dumps dumps) {
        return ctx -> {
            String name = ctx.pathParam("name");
            var info = dumps.info(name);
            var file = dumps.file(name);
            if (info.isEmpty() || file.isEmpty()) {
                Responses.problem(ctx, 404, "No dump named '" + name + "'; see /dumps/");
                return;
            }
            String etag = "\"" + info.get().sha256() + "\"";
            Instant written = info.get().written().truncatedTo(ChronoUnit.SECONDS);
            ctx.response().putHeader("ETag", etag).putHeader("Last-Modified",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(written.atOffset(ZoneOffset.UTC)));
            if (notModified(ctx, etag, written)) {
                ctx.response().setStatusCode(304).end();
                return;
            }
            ctx.response().putHeader("Content-Type", info.get().mediaType())
                    .putHeader("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(info.get().sha256())))
                    .sendFile(file.get().toString());
        };
    }

    /** {@code If-None-Match} has the dump's ETag, or (without it) {@code If-Modified-Since} is not older than the dump. */
    private static boolean notModified(RoutingContext ctx, String etag, Instant written) {
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(",")).map(String::trim).anyMatch(t -> t.equals(etag) || t.equals("*"));
        }
        String since = ctx.request().getHeader("If-Modified-Since");
        if (since != null) {
            try {
                return !written.isAfter(ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
