package se.insatsnavet.hub.imports;

import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;

/**
 * Stage "write": a run's change set into the federation's named graph, in one write transaction (TDB2) or one
 * SPARQL Update request (remote store); nothing when the run changed nothing. The run's record in the database
 * follows ({@link ImportService}'s finish).
 */
final class Write {

    private final CatalogStore store;
    private final HubIris iris;

    Write(CatalogStore store, HubIris iris) {
        this.store = store;
        this.iris = iris;
    }

    void apply(String federationId, ChangeSet set) {
        if (set.added() + set.updated() + set.deletedIris().size() > 0) {
            store.applyChanges(iris.federationGraph(federationId), set.upserts(), set.deletedIris());
        }
    }
}
