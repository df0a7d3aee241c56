/**
 * Operating the hub: Prometheus metrics ({@code /metrics}), the backup command and the start-up step timings.
 *
 * <p>{@link se.insatsnavet.hub.ops.OpsModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one place its
 * parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.ops;
