package se.insatsnavet.hub.dumps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Responses;

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
            ctx.response().putHeader("Content-Type", info.get().mediaType())
                    .putHeader("ETag", "\"" + info.get().sha256() + "\"")
                    .putHeader("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(info.get().sha256())))
                    .sendFile(file.get().toString());
        };
    }
}
