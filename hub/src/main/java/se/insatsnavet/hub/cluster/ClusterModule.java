package se.insatsnavet.hub.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.HubModules;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.search.SearchModule;

/**
 * A clustered hub (nothing when it runs alone): follows the change log other nodes write, tells them of this
 * node's runs, and takes over the imports a node that left (or this one, before a restart) left unfinished.
 * Publishes the {@link ChangeFollower}.
 */
public final class ClusterModule implements HubModule {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterModule.class);

    private ChangeFollower follower;

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public void start(HubContext hub) {
        HazelcastClusterManager clusterManager = hub.clusterManager();
        if (clusterManager == null) {
            return;
        }
        follower = ChangeFollower.create(hub.vertx(), hub.changeLog(),
                hub.options().dataDir().resolve("index").resolve("change-log.position"), clusterManager.getNodeId(),
                hub.logAtStart(), hub.get(SearchModule.IndexAtStart.class).rebuilt(), hub.imports()::changedElsewhere);
        hub.metrics().clusterMembers(() -> clusterManager.getNodes().size());
        hub.put(ChangeFollower.class, follower);
    }

    @Override
    public void onRunFinished(RunReport run) {
        if (follower != null) {
            follower.published(run);
        }
    }

    /**
     * Catches up with changes other nodes committed while this one was away, follows their nudges, and takes
     * over the imports a node that left the cluster (or this one, before a restart) left unfinished.
     */
    @Override
    public void serving(HubContext hub) {
        if (follower == null) {
            return;
        }
        follower.catchUp();
        follower.start(Long.getLong("insatsnavet.cluster.catchUpMillis", 30_000));
        hub.clusterManager().getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                LOG.info("Hub node joined the cluster: {}", event.getMember().getAddress());
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                LOG.warn("Hub node left the cluster: {}; taking over its unfinished imports", event.getMember().getAddress());
                resumeUnfinished(hub);
            }
        });
        resumeUnfinished(hub);
    }

    @Override
    public void stopping() {
        HubModules.closeQuietly(LOG, "change follower", follower);
    }

    /** Runs again, on a worker, the imports left unfinished by a node that stopped (see ImportRoutes#resumeInterrupted). */
    private static void resumeUnfinished(HubContext hub) {
        hub.vertx().executeBlocking(() -> {
            ImportRoutes importRoutes = hub.get(ImportRoutes.class);
            for (var federation : hub.get(FederationRegistry.class).all()) {
                try {
                    ImportRoutes.Resumed resumed = importRoutes.resumeInterrupted(hub.startedCamel(), federation);
                    hub.metrics().runsInterrupted(resumed.marked().total());
                    hub.metrics().runsResumed(resumed.runs().size());
                } catch (RuntimeException e) {
                    LOG.warn("Taking over the unfinished import of {} failed", federation.id(), e);
                }
            }
            return null;
        }, false);
    }
}
