package se.insatsnavet.hub.federations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.federations.DescriptorOffers.Offer;
import se.insatsnavet.hub.federations.FederationRegistry.Origin;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.RunJson;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.security.Principal;
import se.insatsnavet.hub.security.WriteAccess;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The admin API's federation descriptors (admin token, audit-logged by {@link WriteAccess}):
 * <ul>
 *   <li>{@code PUT /api/federations/{id}}: a descriptor (JSON, at most {@link #MAX_BYTES}, its {@code id} the path's)
 *       validated like a file's; invalid: 400 with every problem. {@code ?dryRun=true} reads its sources into
 *       throw-away engines and answers the run reports it would publish, storing nothing; otherwise it is stored in
 *       the shared database and takes effect (201 new, 200 replaced; other nodes are nudged).</li>
 *   <li>{@code DELETE /api/federations/{id}}: removes a descriptor sent here; the federation's services are withdrawn
 *       (unless a folder or example descriptor of the same id then takes over). 404 when none was sent.</li>
 * </ul>
 * A federation whose descriptor is a file (the operator's folder or a bundled example) is not the API's: 409 (the
 * operator changes the file, or starts without the examples).
 */
public final class FederationDescriptorsHandler {

    /** Largest descriptor accepted. */
    public static final int MAX_BYTES = 256 * 1024;
    private static final Set<String> PUT_PARAMETERS = Set.of("dryRun");
    /** A federation id, as federation.schema.json's {@code code}: checked before the id names any file. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Vertx vertx;
    private final FederationActivation activation;
    private final FederationDescriptorRepository descriptors;
    private final FederationRegistry registry;
    private final Function<Offer, List<RunReport>> dryRun;
    private final Runnable nudge;

    /**
     * @param dryRun reads a valid offer's sources without publishing ({@link DryRun})
     * @param nudge  tells the other nodes to scan now
     */
    public FederationDescriptorsHandler(Vertx vertx, FederationActivation activation, FederationDescriptorRepository descriptors,
                                        FederationRegistry registry, Function<Offer, List<RunReport>> dryRun, Runnable nudge) {
        this.vertx = vertx;
        this.activation = activation;
        this.descriptors = descriptors;
        this.registry = registry;
        this.dryRun = dryRun;
        this.nudge = nudge;
    }

    public Handler<RoutingContext> put() {
        return ctx -> {
            String id = ctx.pathParam("id");
            if (id.length() > 80 || !ID.matcher(id).matches()) {
                Responses.problem(ctx, 400, "'" + id + "' is not a federation id (lower-case letters, digits and single dashes)");
                return;
            }
            Optional<String> unknown = ctx.queryParams().names().stream().filter(n -> !PUT_PARAMETERS.contains(n)).sorted().findFirst();
            if (unknown.isPresent()) {
                Responses.problem(ctx, 400, "Unknown parameter '" + unknown.get() + "': this operation takes dryRun");
                return;
            }
            String flag = ctx.queryParams().get("dryRun");
            if (flag != null && !flag.equals("true") && !flag.equals("false")) {
                Responses.problem(ctx, 400, "Parameter 'dryRun' must be true or false, not '" + flag + "'");
                return;
            }
            boolean dry = "true".equals(flag);
            if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
                Responses.problem(ctx, 400, "The body must be the federation's descriptor (JSON)");
                return;
            }
            String text = ctx.body().buffer().toString(StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = Responses.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                Responses.problem(ctx, 400, "The body is not JSON: " + e.getOriginalMessage());
                return;
            }
            if (json == null || !json.isObject() || !json.path("id").isTextual()) {
                Responses.problem(ctx, 400, "The body must be a descriptor object with an \"id\"");
                return;
            }
            if (!json.path("id").asText().equals(id)) {
                Responses.problem(ctx, 400, "The descriptor's id '" + json.path("id").asText() + "' is not the path's '" + id + "'");
                return;
            }
            Blocking.run(vertx, () -> dry ? dryRun(id, text) : store(ctx, id, text)).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                Answer answer = ar.result();
                ctx.put("insatsnavet.audit.detail", answer.audit());
                Responses.json(ctx, answer.status(), answer.body());
            });
        };
    }

    public Handler<RoutingContext> delete() {
        return ctx -> {
            String id = ctx.pathParam("id");
            if (!ctx.queryParams().isEmpty()) {
                Responses.problem(ctx, 400, "Unknown parameter '" + ctx.queryParams().names().iterator().next()
                        + "': this operation takes none");
                return;
            }
            Blocking.run(vertx, () -> {
                if (descriptors.get(id).isEmpty()) {
                    return activation.fileOffer(id).isPresent()
                            ? new Answer(409, problem(409, "Federation '" + id + "' runs the descriptor " + activation.fileOffer(id).get().file()
                            + " (" + activation.fileOffer(id).get().origin().label() + "): remove the file instead"), "refused: a file's federation")
                            : new Answer(404, problem(404, "No descriptor of federation '" + id + "' was sent through the API"), "no such descriptor");
                }
                descriptors.delete(id);
                nudge.run();
                activation.apply();
                ObjectNode body = Responses.object().put("id", id).put("removed", true);
                registry.origin(id).ifPresentOrElse(o -> body.put("nowRuns", o.label()), () -> body.put("withdrawn", true));
                return new Answer(200, body, "descriptor removed");
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                ctx.put("insatsnavet.audit.detail", ar.result().audit());
                Responses.json(ctx, ar.result().status(), ar.result().body());
            });
        };
    }

    private record Answer(int status, ObjectNode body, String audit) {
    }

    private Optional<Answer> conflict(String id) {
        return activation.fileOffer(id).map(file -> new Answer(409, problem(409, "Federation '" + id + "' is defined by the "
                + file.origin().label() + " descriptor " + file.file() + ", which the API cannot replace: change that file"
                + (file.origin() == Origin.EXAMPLE ? " or start the hub with --no-examples" : " or remove it first")),
                "refused: a file's federation"));
    }

    private Answer invalid(Offer offer) {
        ObjectNode body = problem(400, "The descriptor is invalid: " + String.join("; ", offer.errors()));
        ArrayNode errors = body.putArray("errors");
        offer.errors().forEach(errors::add);
        return new Answer(400, body, "rejected descriptor: " + String.join("; ", offer.errors()));
    }

    private Answer dryRun(String id, String text) {
        Offer offer = activation.offers().load(id, text);
        if (!offer.valid()) {
            return invalid(offer);
        }
        List<RunReport> reports = dryRun.apply(offer);
        ObjectNode body = Responses.object().put("id", id).put("dryRun", true);
        ArrayNode runs = body.putArray("runs");
        for (RunReport r : reports) {
            // as the run reports would be published, less what only a published run has (its id and address)
            ObjectNode run = RunJson.full(r);
            run.remove("id");
            run.remove("href");
            runs.add(run);
        }
        return new Answer(200, body, "dry run: " + reports.size() + " source(s) read, nothing stored");
    }

    private Answer store(RoutingContext ctx, String id, String text) {
        Optional<Answer> conflict = conflict(id);
        if (conflict.isPresent()) {
            return conflict.get();
        }
        Offer offer = activation.offers().load(id, text);
        if (!offer.valid()) {
            return invalid(offer);
        }
        Principal principal = ctx.get(WriteAccess.PRINCIPAL);
        boolean replaced = descriptors.put(id, text, offer.sha256(), principal == null ? "unknown" : principal.label());
        nudge.run();
        activation.apply();
        ObjectNode body = Responses.object().put("id", id).put("origin", Origin.API.label())
                .put("status", registry.origin(id).filter(o -> o == Origin.API).isPresent() ? "active" : "stored")
                .put("runs", "/api/federations/" + id + "/runs");
        return new Answer(replaced ? 200 : 201, body, (replaced ? "descriptor replaced" : "descriptor created") + " sha256 " + offer.sha256());
    }

    private static ObjectNode problem(int status, String message) {
        return Responses.object().put("status", status).put("error", message);
    }
}
