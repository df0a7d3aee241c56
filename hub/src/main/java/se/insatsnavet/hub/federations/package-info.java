/**
 * Federations as configuration, changed while the hub runs: descriptors offered by the bundled examples, the
 * operator's watched folder and the admin API ({@link se.insatsnavet.hub.federations.DescriptorOffers}), validated
 * and brought into effect by precedence ({@link se.insatsnavet.hub.federations.FederationActivation}: a refused one
 * never replaces a running one; a removed one's services are withdrawn), the running ones registered and described
 * ({@link se.insatsnavet.hub.federations.FederationRegistry}), the admin API
 * ({@link se.insatsnavet.hub.federations.FederationDescriptorsHandler}) and the dry run it shares with
 * {@code validate} ({@link se.insatsnavet.hub.federations.DryRun}).
 *
 * <p>{@link se.insatsnavet.hub.federations.FederationsModule} is the package's {@link se.insatsnavet.hub.HubModule}:
 * the one place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.federations;
