/**
 * Anonymous usage statistics of the public pages and APIs: searches without hits (their normalised words),
 * searches per target group and municipality, guided-finder answer paths and services viewed, counted in
 * memory per day, flushed to the database in batches on a worker, and published as open data per day. No
 * IP addresses, cookies or user agents are seen or kept.
 *
 * <p>{@link se.insatsnavet.hub.usage.UsageModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one place
 * its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.usage;
