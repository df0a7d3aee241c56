package se.insatsnavet.hub.federations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.RunJson;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunRepository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code GET /api/federations}: every federation with its municipalities, sources, number of published
 * services and last run (a source that waits for a plugin has a {@code status}), where its descriptor came from
 * ({@code origin}: example, folder, api) and its {@code status} ("active", or "refused" while a newer descriptor
 * offered for it was refused and the previous one runs); plus {@code refused} (every refused descriptor, with its
 * errors, also of federations that do not run) and {@code descriptorErrors} (their problems as lines).
 */
public final class FederationsHandler implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final FederationRegistry registry;
    private final RunRepository runs;
    private final FederationRepository repository;
    private BiFunction<FederationDescriptor, SourceDescriptor, Optional<String>> sourceStatus = (f, s) -> Optional.empty();

    private FederationsHandler(Vertx vertx, FederationRegistry registry, RunRepository runs, FederationRepository repository) {
        this.vertx = vertx;
        this.registry = registry;
        this.runs = runs;
        this.repository = repository;
    }

    /**
     * Adds a {@code status} to each source that has one (e.g. "waiting for plugin X" while a plugin it names is not
     * running).
     */
    public FederationsHandler withSourceStatus(BiFunction<FederationDescriptor, SourceDescriptor, Optional<String>> status) {
        this.sourceStatus = status;
        return this;
    }

    public static FederationsHandler create(Vertx vertx, FederationRegistry registry, RunRepository runs,
                                            FederationRepository repository) {
        return new FederationsHandler(vertx, registry, runs, repository);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Blocking.run(vertx, this::body).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else {
                Responses.json(ctx, 200, ar.result());
            }
        });
    }

    private ObjectNode body() {
        Map<String, Integer> counts = repository.publishedCounts();
        ObjectNode body = Responses.object();
        ArrayNode items = body.putArray("items");
        for (FederationDescriptor f : registry.all()) {
            ObjectNode o = items.addObject();
            o.put("id", f.id());
            registry.origin(f.id()).ifPresent(origin -> o.put("origin", origin.label()));
            // "refused": the latest descriptor offered for it was refused; the one described here still runs
            o.put("status", registry.refusal(f.id()).isPresent() ? "refused" : "active");
            registry.refusal(f.id()).ifPresent(r -> o.set("refused", refusal(r)));
            o.set("name", Responses.JSON.valueToTree(f.name()));
            if (!f.description().isEmpty()) {
                o.set("description", Responses.JSON.valueToTree(f.description()));
            }
            if (f.homepage() != null) {
                o.put("homepage", f.homepage());
            }
            o.set("municipalities", Responses.JSON.valueToTree(f.municipalities()));
            ArrayNode members = o.putArray("members");
            f.members().forEach(m -> members.addObject().put("name", m.name()).put("type", m.type()).put("code", m.code()));
            ArrayNode sources = o.putArray("sources");
            for (SourceDescriptor s : f.sources()) {
                ObjectNode so = sources.addObject().put("id", s.id()).put("kind", s.kind()).put("format", s.format())
                        .put("records", s.records().label());
                sourceStatus.apply(f, s).ifPresent(status -> so.put("status", status));
                if (s.schedule() != null) {
                    if (s.schedule().isCron()) {
                        so.put("cron", s.schedule().cron());
                    } else {
                        so.put("interval", s.schedule().interval().toString());
                    }
                }
            }
            // the services' last run and the indicators' last run apart: an indicators run says nothing of the services
            String indicatorsSource = f.indicators() == null ? "" : f.indicators().id();
            if (f.indicators() != null) {
                SourceDescriptor s = f.indicators();
                ObjectNode indicators = o.putObject("indicators").put("id", s.id()).put("kind", s.kind()).put("format", s.format())
                        .put("href", "/api/indicators?federation=" + f.id());
                runs.newestRun(f.id(), s.id(), false).ifPresent(r -> indicators.set("lastRun", RunJson.summary(r)));
            }
            o.put("services", counts.getOrDefault(f.id(), 0));
            runs.newestRun(f.id(), indicatorsSource, true).ifPresent(r -> o.set("lastRun", RunJson.summary(r)));
            o.put("runs", "/api/federations/" + f.id() + "/runs");
        }
        body.put("total", items.size());
        ArrayNode refused = body.putArray("refused");
        registry.refusals().forEach(r -> refused.add(refusal(r)));
        ArrayNode errors = body.putArray("descriptorErrors");
        registry.errors().forEach(errors::add);
        return body;
    }

    /** A refused descriptor: the federation, where it came from, every problem, and whether an older one still runs. */
    private ObjectNode refusal(FederationRegistry.Refusal r) {
        ObjectNode o = Responses.object().put("id", r.id()).put("status", "refused").put("origin", r.origin().label())
                .put("file", r.file()).put("at", r.at().toString())
                .put("running", registry.get(r.id()).isPresent() ? "the previous descriptor" : "nothing");
        ArrayNode problems = o.putArray("errors");
        r.errors().forEach(problems::add);
        return o;
    }
}
