/**
 * Reading published services: by id and as filtered, paged lists (the {@code /api/services} API).
 *
 * <p>{@link se.insatsnavet.hub.services.ServicesModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.services;
