/**
 * The read-only SPARQL 1.1 endpoint over the catalogue, with a time-out and a result cap: the protocol's query
 * operation ({@link se.insatsnavet.hub.sparql.SparqlHandler}), the described dataset honoured, {@code SERVICE}
 * refused, the service description in every RDF syntax offered.
 */
package se.insatsnavet.hub.sparql;
