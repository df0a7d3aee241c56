/**
 * Several hub nodes as one: Vert.x clustered over Hazelcast (TCP-IP join on listed members), the change
 * nudges nodes publish on the event bus after an import, and the follower that keeps each node's local
 * search index and caches in step with the shared change log.
 */
package se.insatsnavet.hub.cluster;
