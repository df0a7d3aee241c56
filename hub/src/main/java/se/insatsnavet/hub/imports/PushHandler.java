package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceProblem;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The push connector over HTTP (behind {@code WriteAccess}):
 * <ul>
 *   <li>{@code PUT /api/federations/:id/services}: the federation's whole pushed catalogue, a JSON array of
 *       canonical services or NDJSON ({@code Content-Type: application/x-ndjson}); pushed records missing
 *       from it are deleted;</li>
 *   <li>{@code PUT /api/federations/:id/services/:localId}: one canonical service, added or replaced;</li>
 *   <li>{@code DELETE /api/federations/:id/services/:localId}: one pushed service removed;</li>
 *   <li>{@code PUT /api/federations/:id/articles}: the federation's whole pushed set of guidance articles, a JSON
 *       array of canonical articles or NDJSON; pushed articles missing from it are deleted.</li>
 * </ul>
 * Each answers the run report (200, or 422 when the run failed); a push the hub (node) stopped under before it was
 * committed is answered 503 with {@code Retry-After}: nothing of it was published, it must be sent again. Bodies are bounded by the router's body
 * limit and JSON nesting depth by {@link #MAX_DEPTH}.
 */
public final class PushHandler {

    /** Deepest JSON nesting accepted in a pushed body (a canonical service needs 4). */
    public static final int MAX_DEPTH = 16;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build()).build();

    private final Vertx vertx;
    private final FederationRegistry registry;
    private final ImportService imports;

    private PushHandler(Vertx vertx, FederationRegistry registry, ImportService imports) {
        this.vertx = vertx;
        this.registry = registry;
        this.imports = imports;
    }

    public static PushHandler create(Vertx vertx, FederationRegistry registry, ImportService imports) {
        return new PushHandler(vertx, registry, imports);
    }

    /** Handler of {@code PUT .../services}. */
    public Handler<RoutingContext> putAll() {
        return ctx -> withFederation(ctx).ifPresent(federation -> {
            byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            String type = ctx.request().getHeader("Content-Type");
            boolean ndjson = type != null && type.contains("ndjson");
            Blocking.run(vertx, () -> {
                SourceBatch batch = ndjson ? parseNdjson(federation.id(), body) : parseArray(federation.id(), body);
                return imports.importBatch(federation, PushSource.DESCRIPTOR, batch, "push");
            }).onComplete(ar -> answer(ctx, ar.succeeded() ? ar.result() : null, ar.cause()));
        });
    }

    /** Handler of {@code PUT .../articles}: every pushed guidance article of the federation. */
    public Handler<RoutingContext> putAllArticles() {
        return ctx -> withFederation(ctx).ifPresent(federation -> {
            byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            String type = ctx.request().getHeader("Content-Type");
            boolean ndjson = type != null && type.contains("ndjson");
            Blocking.run(vertx, () -> {
                SourceBatch batch = ndjson ? parseNdjson(federation.id(), body) : parseArray(federation.id(), body);
                return imports.importBatch(federation, PushSource.ARTICLES, batch, "push");
            }).onComplete(ar -> answer(ctx, ar.succeeded() ? ar.result() : null, ar.cause()));
        });
    }

    /** Handler of {@code PUT .../services/:localId}. */
    public Handler<RoutingContext> putOne() {
        return ctx -> withFederation(ctx).ifPresent(federation -> {
            String localId = ctx.pathParam("localId");
            byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            Blocking.run(vertx, () -> {
                JsonNode node = JSON.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new BadBody("The body must be one canonical service as a JSON object");
                }
                ObjectNode service = (ObjectNode) node;
                if (service.has("localId") && !localId.equals(service.path("localId").asText())) {
                    throw new BadBody("The body's localId '" + service.path("localId").asText()
                            + "' differs from the URL's '" + localId + "'");
                }
                service.put("localId", localId);
                RawRecord record = new RawRecord("body", toMap(service));
                SourceBatch batch = new SourceBatch(federation.id(), PushSource.KIND, List.of(record), List.of(),
                        SourceBatch.fingerprintOf(body), Instant.now());
                return imports.importBatch(federation, PushSource.DESCRIPTOR, batch, "push", ImportService.Scope.ONLY_THESE);
            }).onComplete(ar -> answer(ctx, ar.succeeded() ? ar.result() : null, ar.cause()));
        });
    }

    /** Handler of {@code DELETE .../services/:localId}. */
    public Handler<RoutingContext> deleteOne() {
        return ctx -> withFederation(ctx).ifPresent(federation -> {
            String localId = ctx.pathParam("localId");
            Blocking.run(vertx, () -> imports.delete(federation, PushSource.DESCRIPTOR, List.of(localId), "push"))
                    .onComplete(ar -> {
                        if (ar.succeeded() && ar.result().isEmpty()) {
                            Responses.problem(ctx, 404, "Federation '" + federation.id() + "' has no pushed service '" + localId + "'");
                        } else {
                            answer(ctx, ar.succeeded() ? ar.result().get() : null, ar.cause());
                        }
                    });
        });
    }

    private Optional<FederationDescriptor> withFederation(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Optional<FederationDescriptor> federation = registry.get(id);
        if (federation.isEmpty()) {
            Responses.problem(ctx, 404, "No federation with id '" + id + "'");
        }
        return federation;
    }

    private static void answer(RoutingContext ctx, RunReport run, Throwable failure) {
        if (failure instanceof BadBody || failure instanceof IOException) {
            ctx.put("insatsnavet.audit.detail", "rejected body: " + failure.getMessage());
            Responses.problem(ctx, 400, "Unreadable body: " + failure.getMessage());
            return;
        }
        if (failure instanceof ImportService.Stopped) {
            ctx.put("insatsnavet.audit.detail", "interrupted: the hub node stopped");
            Responses.unavailable(ctx, Responses.RETRY_AFTER_SECONDS, "The hub node stopped before this push was committed;"
                    + " nothing of it was published. Send it again (the hub does not keep a pushed body).");
            return;
        }
        if (failure instanceof RunNotRecordedException) {
            Responses.problem(ctx, 503, failure.getMessage());
            return;
        }
        if (failure != null) {
            Responses.failed(ctx, failure);
            return;
        }
        ctx.put("insatsnavet.audit.detail", "run " + run.id() + " " + run.status().label() + " " + run.counts());
        Responses.json(ctx, run.status() == RunStatus.FAILED ? 422 : 200, RunJson.full(run));
    }

    static SourceBatch parseArray(String federationId, byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isArray()) {
            throw new BadBody("The body must be a JSON array of canonical records (or NDJSON with Content-Type application/x-ndjson)");
        }
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            if (n.isObject()) {
                records.add(new RawRecord("records[" + i + "]", toMap((ObjectNode) n)));
            } else {
                problems.add(new SourceProblem("records[" + i + "]", null, "Not a JSON object"));
            }
        }
        return new SourceBatch(federationId, PushSource.KIND, records, problems, SourceBatch.fingerprintOf(body), Instant.now());
    }

    static SourceBatch parseNdjson(String federationId, byte[] body) {
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String locator = "line " + (i + 1);
            try {
                JsonNode n = JSON.readTree(lines[i]);
                if (n != null && n.isObject()) {
                    records.add(new RawRecord(locator, toMap((ObjectNode) n)));
                } else {
                    problems.add(new SourceProblem(locator, null, "Not a JSON object"));
                }
            } catch (JsonProcessingException e) {
                problems.add(new SourceProblem(locator, null, "Not valid JSON: " + e.getOriginalMessage()));
            }
        }
        return new SourceBatch(federationId, PushSource.KIND, records, problems, SourceBatch.fingerprintOf(body), Instant.now());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(ObjectNode node) {
        return JSON.convertValue(node, LinkedHashMap.class);
    }

    /** A body that is not what the endpoint takes. */
    static final class BadBody extends IOException {
        BadBody(String message) {
            super(message);
        }
    }
}
