/**
 * Canonical service JSON ⇄ RDF: {@link se.insatsnavet.schema.rdf.ServiceRdf} converts one service of
 * {@code service.schema.json} into CPSV-AP 3.2.0 + {@code insv:} RDF (no blank nodes; sub-resources as hash
 * IRIs under the service IRI) and back, a facade over {@link se.insatsnavet.schema.rdf.ServiceToRdf} and
 * {@link se.insatsnavet.schema.rdf.ServiceFromRdf}; {@link se.insatsnavet.schema.rdf.ServiceContext} carries the
 * federation, source, import run and time the RDF's provenance needs.
 */
package se.insatsnavet.schema.rdf;
