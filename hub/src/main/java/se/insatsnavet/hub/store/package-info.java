/**
 * The linked data the hub publishes from, behind one interface ({@link se.insatsnavet.hub.store.CatalogStore}):
 * an embedded Jena TDB2 dataset (the default, a transaction around every access) or a remote SPARQL 1.1 store
 * such as Fuseki (Jena's RDFConnection: SPARQL queries, one SPARQL Update per change set, the Graph Store
 * Protocol for whole graphs).
 */
package se.insatsnavet.hub.store;
