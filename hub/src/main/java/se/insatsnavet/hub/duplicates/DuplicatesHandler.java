package se.insatsnavet.hub.duplicates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.security.Principal;
import se.insatsnavet.hub.security.WriteAccess;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code GET /api/duplicates} (paged; {@code ?federation=}, {@code ?status=open|confirmed|rejected}),
 * {@code PUT /api/duplicates/{a}/{b}} (an editor's decision, {@code {"decision": "confirmed"|"rejected"}})
 * and {@code DELETE /api/duplicates/{a}/{b}} (withdraws it). The writes sit behind
 * {@link WriteAccess#anyToken}: the token must be admin or of one of the two federations.
 */
public final class DuplicatesHandler {

    private static final String SERVICE_ID = "[A-Za-z0-9_~-]+\\.[A-Za-z0-9._~-]+";

    private final Vertx vertx;
    private final DuplicateReport report;
    private final Predicate<String> knownFederation;
    private final Consumer<String> linkChanged;

    private DuplicatesHandler(Vertx vertx, DuplicateReport report, Predicate<String> knownFederation, Consumer<String> linkChanged) {
        this.vertx = vertx;
        this.report = report;
        this.knownFederation = knownFederation;
        this.linkChanged = linkChanged;
    }

    /**
     * @param linkChanged told the id of each service whose published links changed (to refresh caches)
     */
    public static DuplicatesHandler create(Vertx vertx, DuplicateReport report, Predicate<String> knownFederation,
                                           Consumer<String> linkChanged) {
        return new DuplicatesHandler(vertx, report, knownFederation, linkChanged);
    }

    /** The candidates (or decisions), one page. */
    public Handler<RoutingContext> list() {
        return ctx -> {
            String federation;
            String status;
            int page;
            int perPage;
            try {
                federation = QueryParams.matching(ctx, "federation", "[A-Za-z0-9_~-]+", "a federation id");
                status = QueryParams.matching(ctx, "status", "open|confirmed|rejected", "open, confirmed or rejected");
                page = QueryParams.integer(ctx, "page", 1, 1, 100_000);
                perPage = QueryParams.integer(ctx, "perPage", 20, 1, 100);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            if (federation != null && !knownFederation.test(federation)) {
                Responses.problem(ctx, 404, "No federation '" + federation + "'");
                return;
            }
            String s = status == null ? "open" : status;
            Blocking.run(vertx, () -> report.page(federation, s, page, perPage)).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else {
                    Responses.json(ctx, 200, ar.result());
                }
            });
        };
    }

    /** Records a decision on the pair of the route's {@code :a} and {@code :b}. */
    public Handler<RoutingContext> decide() {
        return ctx -> {
            String a = ctx.pathParam("a");
            String b = ctx.pathParam("b");
            if (!a.matches(SERVICE_ID) || !b.matches(SERVICE_ID)) {
                Responses.problem(ctx, 400, "Service ids look like '<federation>.<localId>'");
                return;
            }
            String decision;
            try {
                JsonNode body = Responses.JSON.readTree(ctx.body().asString() == null ? "" : ctx.body().asString());
                if (body == null || !body.path("decision").isTextual()) {
                    Responses.problem(ctx, 400, "The body must be JSON with a field 'decision': 'confirmed' or 'rejected'");
                    return;
                }
                decision = body.path("decision").asText();
            } catch (JsonProcessingException e) {
                Responses.problem(ctx, 400, "The body is not JSON: " + e.getOriginalMessage());
                return;
            }
            Principal p = ctx.get(WriteAccess.PRINCIPAL);
            Blocking.run(vertx, () -> report.decide(a, b, decision, p.actor(), p::mayWrite)).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                if (ar.result() instanceof DuplicateReport.Outcome.Refused r) {
                    Responses.problem(ctx, r.status(), r.message());
                    return;
                }
                DuplicateDecisions.Decision d = ((DuplicateReport.Outcome.Decided) ar.result()).decision();
                ctx.put("insatsnavet.audit.detail", d.decision() + ": " + d.serviceA() + " and " + d.serviceB());
                linkChanged.accept(d.serviceA());
                linkChanged.accept(d.serviceB());
                Responses.json(ctx, 200, Responses.object().put("a", d.serviceA()).put("b", d.serviceB())
                        .put("status", d.decision()).put("score", d.score()).put("decidedBy", d.decidedBy())
                        .put("decidedAt", d.decidedAt().toString()));
            });
        };
    }

    /** Withdraws the decision on the pair of the route's {@code :a} and {@code :b}. */
    public Handler<RoutingContext> withdraw() {
        return ctx -> {
            String a = ctx.pathParam("a");
            String b = ctx.pathParam("b");
            Principal p = ctx.get(WriteAccess.PRINCIPAL);
            Blocking.run(vertx, () -> report.withdraw(a, b, p::mayWrite)).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (!ar.result()) {
                    Responses.problem(ctx, 404, "No decision on '" + a + "' and '" + b + "' that this token may withdraw");
                } else {
                    ctx.put("insatsnavet.audit.detail", "withdrawn: " + a + " and " + b);
                    linkChanged.accept(a);
                    linkChanged.accept(b);
                    ctx.response().setStatusCode(204).end();
                }
            });
        };
    }
}
