/**
 * The linked data the hub publishes from, behind one interface ({@link se.insatsnavet.hub.store.CatalogStore}):
 * an embedded Jena TDB2 dataset ({@link se.insatsnavet.hub.store.EmbeddedStore}, the default, a transaction around
 * every access) or a remote SPARQL 1.1 store such as Fuseki ({@link se.insatsnavet.hub.store.RemoteStore}, through
 * Jena's RDFConnection: SPARQL queries, the Graph Store Protocol for whole graphs), whose writes of many resources
 * ({@link se.insatsnavet.hub.store.RemoteUpdates}: one SPARQL Update per change set) and reads of descriptions
 * ({@link se.insatsnavet.hub.store.RemoteDescriptions}) are classes of their own. Both backends gather a resource's
 * description the same way ({@link se.insatsnavet.hub.store.Descriptions},
 * {@link se.insatsnavet.hub.store.OwnedResources}); a public query's dataset is held to the graphs the store has
 * ({@link se.insatsnavet.hub.store.DescribedDataset}).
 */
package se.insatsnavet.hub.store;
