/**
 * The read-only SPARQL 1.1 endpoint over the catalogue, with a time-out and a result cap: the protocol's query
 * operation ({@link se.insatsnavet.hub.sparql.SparqlHandler}), the described dataset honoured, {@code SERVICE}
 * refused, the service description in every RDF syntax offered.
 *
 * <p>{@link se.insatsnavet.hub.sparql.SparqlModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.sparql;
