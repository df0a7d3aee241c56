package se.insatsnavet.hub.ops;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubOptions;
import se.insatsnavet.hub.cluster.ChangeFollower;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.HealthHandler;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.search.IndexFollower;
import se.insatsnavet.hub.security.WriteAccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations: the runs in the metrics and the import progress in the log, {@code /health} (with what is
 * degraded: imports that could not be recorded, changes not yet searchable, the cluster's change-log lag),
 * {@code /metrics} and the admin's {@code /admin/backup}.
 */
public final class OpsModule implements HubModule {

    private static final Logger LOG = LoggerFactory.getLogger(OpsModule.class);

    private Metrics metrics;

    @Override
    public String name() {
        return "ops";
    }

    @Override
    public void start(HubContext hub) {
        metrics = hub.metrics();
        hub.imports().onProgress((fed, src, stage, done, total) -> {
            if (done % (10 * ImportService.PROGRESS_STEP) == 0 || done == total) {
                LOG.info("Import of {}/{}: {} {} of {} records", fed, src, stage, done, total);
            }
        });
    }

    @Override
    public void onRunFinished(RunReport run) {
        metrics.runFinished(run);
    }

    @Override
    public void routes(Router router, HubContext hub) {
        Vertx vertx = hub.vertx();
        ImportService imports = hub.imports();
        IndexFollower indexFollower = hub.get(IndexFollower.class);
        ChangeFollower follower = hub.find(ChangeFollower.class).orElse(null);
        router.get("/health").handler(HealthHandler.create(vertx, hub.database(), hub.store()).withDegradations(() -> {
            Map<String, String> problems = new LinkedHashMap<>();
            imports.storageHealth().problem().ifPresent(p -> problems.put("imports",
                    p.what() + " could not be recorded since " + p.since() + ": " + p.reason()));
            indexFollower.problem().ifPresent(p -> problems.put("searchIndex",
                    indexFollower.behind() + " changed service(s) not yet searchable: " + p));
            return problems;
        }).withChangeLog(follower == null ? null : follower::lag)
                .withCluster(hub.clusterManager() == null ? null : () -> List.copyOf(hub.clusterManager().getNodes())));
        HubOptions options = hub.options();
        router.post("/admin/backup").handler(WriteAccess.adminOnly(vertx, hub.tokens(), hub.audit())).handler(ctx ->
                Blocking.run(vertx, () -> Backup.write(hub.store(), hub.database(), options.effectiveJdbcUrl(),
                        options.dataDir().resolve("backups"))).onComplete(ar -> {
                    if (ar.failed()) {
                        Responses.failed(ctx, ar.cause());
                    } else {
                        var body = Responses.object().put("backup", ar.result().dir().toAbsolutePath().toString());
                        if (ar.result().catalogue()) {
                            body.put("quads", ar.result().quads());
                        } else {
                            body.put("catalogue", "not in this backup: the catalogue lives in the " + hub.store().location()
                                    + ", which backs up its own data");
                        }
                        Responses.json(ctx, 200, body.put("database", ar.result().database()));
                    }
                }));
        router.get("/metrics").handler(metrics.scrape());
    }
}
