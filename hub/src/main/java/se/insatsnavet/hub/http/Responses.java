package se.insatsnavet.hub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.imports.FederationLocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
            return send(ctx, status, "application/json", JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            return problem(ctx, 500, "Could not write the response");
        }
    }

    /**
     * Ends a response with {@code body}. A 200 to a GET carries a strong {@code ETag} (a hash of the body)
     * and answers {@code 304 Not Modified} without a body when the client's {@code If-None-Match} has it.
     */
    public static Future<Void> send(RoutingContext ctx, int status, String contentType, String body) {
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", contentType);
        if (status == 200 && ctx.request().method() == HttpMethod.GET) {
            String etag = etag(body);
            response.putHeader("ETag", etag);
            String ifNoneMatch = ctx.request().getHeader("If-None-Match");
            if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
                return response.setStatusCode(304).end();
            }
        }
        return response.end(body);
    }

    /**
     * Ends a 200 response with a body encoded beforehand (its {@code ETag} too), answering {@code 304} when
     * the client's {@code If-None-Match} has it.
     */
    public static Future<Void> send(RoutingContext ctx, PreparedBody body) {
        var response = ctx.response().setStatusCode(200).putHeader("Content-Type", body.contentType())
                .putHeader("ETag", body.etag());
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, body.etag())) {
            return response.setStatusCode(304).end();
        }
        return response.end(Buffer.buffer(body.bytes()));
    }

    static String etag(String body) {
        return etag(body.getBytes(StandardCharsets.UTF_8));
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
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

    /** How long a client is told to wait ({@code Retry-After}) before sending again what a stopping node refused. */
    public static final int RETRY_AFTER_SECONDS = 10;

    /** A 503 with {@code Retry-After} (seconds): the request may be sent again, to this node later or to another. */
    public static Future<Void> unavailable(RoutingContext ctx, int retryAfterSeconds, String message) {
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
        return problem(ctx, 503, message);
    }

    /**
     * The router's failure handler: a request a handler failed with a client error's status (the CORS handler's
     * 403 for a malformed {@code Origin}, vertx-web's 400s) is answered with that status and its reason; any
     * other failure as {@link #failed(RoutingContext, Throwable)}.
     */
    public static void failed(RoutingContext ctx) {
        Throwable cause = ctx.failure();
        int status = cause instanceof HttpException e ? e.getStatusCode() : ctx.statusCode();
        if (status >= 400 && status < 500) {
            String reason = cause instanceof HttpException e ? e.getPayload() : cause == null ? null : cause.getMessage();
            problem(ctx, status, reason == null || reason.isBlank() ? "Request refused" : reason);
        } else if (cause != null) {
            failed(ctx, cause);
        } else {
            problem(ctx, status > 0 ? status : 500, "Request failed");
        }
    }

    /** Ends a request whose worker failed: logs it and answers 500 without internals. */
    public static void failed(RoutingContext ctx, Throwable cause) {
        if (cause instanceof QueryParams.BadRequest) {
            problem(ctx, 400, cause.getMessage());
            return;
        }
        if (cause instanceof FederationLocks.Busy) {
            problem(ctx, 409, cause.getMessage());
            return;
        }
        LOG.error("Request {} {} failed", ctx.request().method(), ctx.request().path(), cause);
        problem(ctx, 500, "Internal error; the hub's log has the details");
    }
}
