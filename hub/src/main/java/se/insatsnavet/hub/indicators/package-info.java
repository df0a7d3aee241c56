/**
 * Outcome indicators per service: a federation's aggregated follow-up figures (participants, exits, shares in
 * work or studies at exit and after 6 and 18 months, step movements on the process ladder; women, men and
 * total), read from its indicators source, checked (JSON Schema, consistency, a minimum cell count with
 * complementary suppression), published as an RDF Data Cube data set in the federation's graph, and served
 * as JSON/CSV and on the service's page, and summed per county and for the whole country for the coverage page
 * and {@code /api/coverage/outcomes}.
 */
package se.insatsnavet.hub.indicators;
