/**
 * The catalogue as an Open Referral HSDS 3.1 API under {@code /hsds/}, as HSDS's {@code openapi.json} has it:
 * services (one-to-one fields, fully nested or minimal, paged in HSDS's Page wrapper or every one as NDJSON),
 * organizations, service_at_locations and the target-group and method schemes as taxonomies and taxonomy terms;
 * each operation takes exactly its parameters ({@code HsdsParameters}), and pages are assembled from ready
 * representations ({@code HsdsAnswers}). HSDS needs UUIDs: each is derived from the resource's IRI
 * (name-based), so it is stable.
 *
 * <p>{@link se.insatsnavet.hub.hsds.HsdsModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one place
 * its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.hsds;
