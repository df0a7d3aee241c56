package se.insatsnavet.hub.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;

import java.util.Optional;

/** {@code GET /api/quality}, {@code /api/quality/{federation}} and {@code /api/coverage} (JSON, or CSV). */
public final class QualityHandler {

    private final Vertx vertx;
    private final QualityReport quality;
    private final CoverageReport coverage;
    private ArticleQuality articles;

    private QualityHandler(Vertx vertx, QualityReport quality, CoverageReport coverage) {
        this.vertx = vertx;
        this.quality = quality;
        this.coverage = coverage;
    }

    public static QualityHandler create(Vertx vertx, QualityReport quality, CoverageReport coverage) {
        return new QualityHandler(vertx, quality, coverage);
    }

    /** Adds an {@code articles} section (the federation's guidance articles) to each federation's report. */
    public QualityHandler withArticles(ArticleQuality articleQuality) {
        this.articles = articleQuality;
        return this;
    }

    /**
     * A federation's report with its {@code articles} section: a federation that publishes articles but no services
     * has a report with no services; one with neither has none.
     */
    private Optional<ObjectNode> withArticles(String federation, Optional<ObjectNode> services) {
        if (articles == null) {
            return services;
        }
        ObjectNode section = articles.federation(federation);
        if (services.isEmpty() && section.path("articles").asInt() == 0) {
            return services;
        }
        ObjectNode body = services.orElseGet(() -> {
            ObjectNode empty = quality.federationSummary(federation);
            empty.putArray("services");
            return empty;
        });
        body.set("articles", section);
        return Optional.of(body);
    }

    /** Every federation's quality summary. */
    public Handler<RoutingContext> summary() {
        return ctx -> Blocking.run(vertx, quality::summary).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else {
                Responses.json(ctx, 200, ar.result());
            }
        });
    }

    /** One federation's services with their scores and reasons, worst first. */
    public Handler<RoutingContext> federation() {
        return ctx -> {
            String id = ctx.pathParam("federation");
            Blocking.run(vertx, () -> withArticles(id, quality.federation(id))).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "No federation '" + id + "' with published services");
                } else {
                    Responses.json(ctx, 200, ar.result().get());
                }
            });
        };
    }

    /**
     * Coverage per municipality and county: JSON, or CSV with {@code ?format=csv} or {@code Accept: text/csv};
     * {@code ?targetGroup=} and/or {@code ?method=} (concept codes) add each municipality's services for them.
     */
    public Handler<RoutingContext> coverage() {
        return ctx -> {
            String accept = ctx.request().getHeader("Accept");
            boolean csv = "csv".equals(ctx.queryParams().get("format"))
                    || ctx.queryParams().get("format") == null && accept != null && accept.startsWith("text/csv");
            String targetGroup = blankToNull(ctx.queryParams().get("targetGroup"));
            String method = blankToNull(ctx.queryParams().get("method"));
            if (targetGroup != null && !coverage.knownTargetGroup(targetGroup)) {
                Responses.problem(ctx, 400, "targetGroup: no target group with the code '" + targetGroup + "' (see /id/concept/target-group)");
                return;
            }
            if (method != null && !coverage.knownMethod(method)) {
                Responses.problem(ctx, 400, "method: no method with the code '" + method + "' (see /id/concept/method)");
                return;
            }
            ctx.response().putHeader("Vary", "Accept");
            Blocking.run(vertx, () -> csv ? coverage.csv(targetGroup, method) : coverage.json(targetGroup, method).toString())
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            Responses.failed(ctx, ar.cause());
                        } else {
                            Responses.send(ctx, 200, csv ? "text/csv; charset=utf-8" : "application/json", ar.result());
                        }
                    });
        };
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
