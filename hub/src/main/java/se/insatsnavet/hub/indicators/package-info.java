/**
 * Outcome indicators per service: a federation's aggregated follow-up figures (participants, exits, shares in
 * work or studies at exit and after 6 and 18 months, step movements on the process ladder; women, men and
 * total), read from its indicators source, checked (JSON Schema, consistency, a minimum cell count with
 * complementary suppression), published as an RDF Data Cube data set in the federation's graph, and served
 * as JSON/CSV and on the service's page, and summed per county and for the whole country for the coverage page
 * and {@code /api/coverage/outcomes}.
 *
 * <p>{@link se.insatsnavet.hub.indicators.IndicatorsModule} is the package's {@link se.insatsnavet.hub.HubModule}: the
 * one place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.indicators;
