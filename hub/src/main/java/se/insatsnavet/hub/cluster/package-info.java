/**
 * Several hub nodes as one: Vert.x clustered over Hazelcast (TCP-IP join on listed members), the change
 * nudges nodes publish on the event bus after an import, and the follower that keeps each node's local
 * search index and caches in step with the shared change log.
 *
 * <p>{@link se.insatsnavet.hub.cluster.ClusterModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.cluster;
