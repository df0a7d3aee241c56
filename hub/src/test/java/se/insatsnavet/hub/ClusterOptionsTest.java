package se.insatsnavet.hub;

import org.junit.jupiter.api.Test;
import se.insatsnavet.hub.cluster.ClusterOptions;
import se.insatsnavet.hub.cluster.HazelcastSetup;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar's cluster options and the Hazelcast configuration they give. */
class ClusterOptionsTest {

    @Test
    void aHubRunsAloneUnlessToldToCluster() {
        assertFalse(Main.parse(new String[]{"--port", "8081"}).cluster().enabled());
    }

    @Test
    void clusterOptionsJoinTheListedMembersOverTcpIpOnly() {
        ClusterOptions cluster = Main.parse(new String[]{"--cluster", "--cluster-host", "10.0.0.5", "--cluster-port", "5801",
                "--cluster-members", "10.0.0.5:5801, 10.0.0.6:5801", "--cluster-bus-port", "5901"}).cluster();
        assertEquals(new ClusterOptions(true, "10.0.0.5", 5801, List.of("10.0.0.5:5801", "10.0.0.6:5801"), 5901), cluster);
        var config = HazelcastSetup.config(cluster);
        var join = config.getNetworkConfig().getJoin();
        assertFalse(join.getMulticastConfig().isEnabled(), "no multicast");
        assertFalse(join.getAutoDetectionConfig().isEnabled(), "no auto-detection");
        assertTrue(join.getTcpIpConfig().isEnabled());
        assertEquals(List.of("10.0.0.5:5801", "10.0.0.6:5801"), join.getTcpIpConfig().getMembers());
        assertEquals("false", config.getProperty("hazelcast.phone.home.enabled"), "no phone-home");
        assertEquals(5801, config.getNetworkConfig().getPort());
        assertEquals(List.of("10.0.0.5"), List.copyOf(config.getNetworkConfig().getInterfaces().getInterfaces()));
    }
}
