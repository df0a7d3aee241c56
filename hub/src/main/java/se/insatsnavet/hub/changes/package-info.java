/**
 * Change feeds for consumers: the change log every import writes, paged by sequence token or time.
 *
 * <p>{@link se.insatsnavet.hub.changes.ChangesModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.changes;
