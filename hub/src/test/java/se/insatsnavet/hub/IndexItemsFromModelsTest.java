package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index takes the items of the services a run wrote from the descriptions the run wrote, not from
 * the store: each of those items must be the one the store publishes once the run is committed. Checked on the
 * bundled example federations (providers, contacts, criteria, channels, periods, places).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexItemsFromModelsTest {

    @TempDir
    static Path data;
    Hub hub;
    final List<ImportService.Committed> committed = new CopyOnWriteArrayList<>();

    @BeforeAll
    void importTheExamples() throws Exception {
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withImportOnStart(false).withFileWatch(0))
                .toCompletionStage().toCompletableFuture().get();
        hub.imports().onCommitted(committed::add);
        for (FederationDescriptor federation : hub.federations().all()) {
            hub.syncNow(federation.id(), "test");
        }
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    private ServiceCatalog catalog() {
        return new ServiceCatalog(hub.store(), ServiceRdf.of(HubIris.of(hub.options().baseUri())));
    }

    @Test
    void everyServiceARunWroteComesWithTheDescriptionItWrote() {
        assertFalse(committed.isEmpty(), "the examples' runs committed changes");
        int services = 0;
        for (ImportService.Committed c : committed) {
            List<String> written = c.changes().stream().filter(ch -> ch.action() != se.insatsnavet.hub.imports.Change.Action.DELETED)
                    .map(se.insatsnavet.hub.imports.Change::serviceId).toList();
            assertEquals(new java.util.TreeSet<>(written), new java.util.TreeSet<>(c.models().keySet()));
            services += written.size();
        }
        assertTrue(services > 10, "the examples hold more than ten services: " + services);
    }

    @Test
    void theItemBuiltFromARunsModelEqualsTheItemReadFromTheStore() {
        ServiceCatalog catalog = catalog();
        int compared = 0;
        for (ImportService.Committed c : committed) {
            Map<String, Model> models = c.models();
            Map<String, ObjectNode> fromModels = catalog.itemsOfModels(models);
            Map<String, ObjectNode> fromStore = catalog.itemsOfIds(models.keySet());
            for (String id : models.keySet()) {
                assertTrue(fromStore.containsKey(id), id + " is published");
                assertEquals(fromStore.get(id), fromModels.get(id), id);
                compared++;
            }
        }
        assertTrue(compared > 10, "compared " + compared + " items");
    }
}
