package se.insatsnavet.hub.cluster;

import java.util.List;

/**
 * Whether a hub joins other hub nodes, and how.
 *
 * @param enabled whether Vert.x starts clustered (Hazelcast)
 * @param host    address this node's Hazelcast member and event bus bind to and announce (e.g. 10.0.0.5,
 *                127.0.0.1 in tests)
 * @param port    Hazelcast member port (default 5701); the next free one is taken if it is in use
 * @param members other members to join, {@code host:port} (or {@code host}: port 5701); the node's own
 *                address may be listed too, so every node can get the same list. TCP-IP join only: no multicast
 * @param busPort port of the clustered event bus (node-to-node messages); 0 picks a free one
 */
public record ClusterOptions(boolean enabled, String host, int port, List<String> members, int busPort) {

    public static final int DEFAULT_PORT = 5701;
    /** A hub on its own. */
    public static final ClusterOptions NONE = new ClusterOptions(false, "127.0.0.1", DEFAULT_PORT, List.of(), 0);

    public ClusterOptions {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        members = members == null ? List.of() : List.copyOf(members);
        if (port < 0 || port > 65_535 || busPort < 0 || busPort > 65_535) {
            throw new IllegalArgumentException("cluster ports must be between 0 and 65535");
        }
    }

    /** Clustered on {@code host:port}, joining {@code members}. */
    public static ClusterOptions on(String host, int port, List<String> members) {
        return new ClusterOptions(true, host, port, members, 0);
    }

    public ClusterOptions withEnabled(boolean flag) {
        return new ClusterOptions(flag, host, port, members, busPort);
    }

    public ClusterOptions withHost(String newHost) {
        return new ClusterOptions(enabled, newHost, port, members, busPort);
    }

    public ClusterOptions withPort(int newPort) {
        return new ClusterOptions(enabled, host, newPort, members, busPort);
    }

    public ClusterOptions withMembers(List<String> newMembers) {
        return new ClusterOptions(enabled, host, port, newMembers, busPort);
    }

    public ClusterOptions withBusPort(int newPort) {
        return new ClusterOptions(enabled, host, port, members, newPort);
    }
}
