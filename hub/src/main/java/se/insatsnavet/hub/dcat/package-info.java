/**
 * The DCAT-AP 3 catalogue of the hub's datasets, distributions and data services.
 *
 * <p>{@link se.insatsnavet.hub.dcat.DcatModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one place
 * its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.dcat;
