package se.insatsnavet.hub.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.List;

/**
 * Starts a clustered Vert.x on Hazelcast configured in code: a cluster named {@value #CLUSTER_NAME}, TCP-IP join
 * on the configured members (multicast and every other discovery off), bound to the configured host only,
 * no phone-home, logging through SLF4J. The maps Vert.x itself needs are configured as in vertx-hazelcast's
 * {@code default-cluster.xml}.
 */
public final class HazelcastSetup {

    /** Only members with this cluster name join each other. */
    public static final String CLUSTER_NAME = "insatsnavet";

    private HazelcastSetup() {
    }

    /** The Hazelcast configuration of one hub node. */
    public static Config config(ClusterOptions options) {
        Config config = new Config();
        config.setClusterName(CLUSTER_NAME);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // a member that stops answering is taken out after this long (its locks are released then)
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "30");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(options.port()).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).addInterface(options.host());
        config.setProperty("hazelcast.socket.bind.any", "false");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(options.members().isEmpty()
                ? List.of(options.host() + ":" + options.port()) : options.members());
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        return config;
    }

    /** A clustered Vert.x joined to the other members (or alone, the first of them), on {@code manager} (made with {@link #config}). */
    public static Future<Vertx> start(ClusterOptions options, HazelcastClusterManager manager) {
        VertxOptions vertxOptions = new VertxOptions().setEventBusOptions(new EventBusOptions()
                .setHost(options.host()).setPort(options.busPort()));
        return Vertx.builder().with(vertxOptions)
                .withClusterManager(manager)
                .buildClustered();
    }
}
