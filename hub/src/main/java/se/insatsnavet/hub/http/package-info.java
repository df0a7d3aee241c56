/**
 * The HTTP layer: the router of the hub and the small handlers on it; nothing here blocks the event loop.
 *
 * <p>{@link se.insatsnavet.hub.http.ApiDocsModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.http;
