package se.insatsnavet.hub.usage;

import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubModules;

import java.time.Clock;

/**
 * Usage statistics: the counter the searches and pages report to, flushed to the database now and then, and
 * {@code /api/usage}. Publishes the {@link UsageStatistics}.
 */
public final class UsageModule implements HubModule {

    private static final Logger LOG = LoggerFactory.getLogger(UsageModule.class);

    private UsageStatistics usage;

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public void start(HubContext hub) {
        usage = UsageStatistics.start(hub.vertx(), new UsageCounter(Clock.systemUTC()), new UsageRepository(hub.database()),
                Long.getLong("insatsnavet.usage.flushMillis", 60_000));
        hub.put(UsageStatistics.class, usage);
    }

    @Override
    public void routes(Router router, HubContext hub) {
        router.get("/api/usage").handler(UsageHandler.create(hub.vertx(), usage.repository(),
                Integer.getInteger("insatsnavet.usage.minimumCountOfWords", 5), Clock.systemUTC()));
    }

    @Override
    public void stop() {
        HubModules.closeQuietly(LOG, "usage statistics", usage);
    }
}
