package se.insatsnavet.hub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writing JSON and problem responses; the one Jackson mapper of the HTTP layer. */
public final class Responses {

    public static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static Future<Void> json(RoutingContext ctx, int status, JsonNode body) {
        try {
            return ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            return problem(ctx, 500, "Could not write the response");
        }
    }

    /** A JSON error body {@code {"status": …, "error": …}} with the given status. */
    public static Future<Void> problem(RoutingContext ctx, int status, String message) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return Future.succeededFuture();
        }
        ObjectNode body = object().put("status", status).put("error", message);
        return ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.toString());
    }

    /** Ends a request whose worker failed: logs it and answers 500 without internals. */
    public static void failed(RoutingContext ctx, Throwable cause) {
        LOG.error("Request {} {} failed", ctx.request().method(), ctx.request().path(), cause);
        problem(ctx, 500, "Internal error; the hub's log has the details");
    }
}
