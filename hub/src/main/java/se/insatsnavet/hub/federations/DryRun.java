package se.insatsnavet.hub.federations;

import org.apache.camel.impl.DefaultCamelContext;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.indicators.IndicatorImport;
import se.insatsnavet.hub.indicators.Suppression;
import se.insatsnavet.hub.plugins.PluginImports;
import se.insatsnavet.hub.plugins.PluginSourceComponent;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A federation's import without publishing anything: every source read through its connector and the real import
 * pipeline (its plugins, mapping, JSON Schema, SHACL) run against a throw-away in-memory database and dataset, its
 * indicators source last. What {@code validate} runs, and what {@code PUT /api/federations/{id}?dryRun=true} answers.
 */
public final class DryRun {

    /** Told before and after each source is read. */
    public interface Listener {
        default void reading(FederationDescriptor federation, SourceDescriptor source) {
        }

        default void progress(String federation, String source, String stage, int done, int total) {
        }

        default void read(FederationDescriptor federation, SourceDescriptor source, RunReport report) {
        }
    }

    private DryRun() {
    }

    /**
     * Reads and imports every source of {@code federation} into throw-away engines. Blocking.
     *
     * @param plugins      the plugins the sources may name
     * @param providesKind whether a running plugin provides a source kind
     */
    public static List<RunReport> run(FederationDescriptor federation, PluginImports plugins, Predicate<String> providesKind,
                                      Listener listener) {
        HubIris iris = HubIris.defaults();
        String memory = "jdbc:h2:mem:dryrun-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database db = Database.open(memory, null, null);
             CatalogStore store = CatalogStore.inMemory();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            new FederationRepository(db).upsert(federation.id(), federation.id(),
                    federation.file() == null ? null : federation.file().toString());
            RunRepository runs = new RunRepository(db);
            ImportService imports = new ImportService(store, runs, ServiceRdf.of(iris), Vocabulary.load(iris).conceptIndex()::match);
            imports.usePlugins(plugins);
            camel.addComponent(PluginSourceComponent.SCHEME, new PluginSourceComponent(plugins,
                    id -> Optional.of(federation).filter(f -> f.id().equals(id))));
            camel.start();
            imports.onProgress(listener::progress);
            ImportRoutes routes = new ImportRoutes(null, imports, false, 0, 0, 0);
            routes.pluginKinds(providesKind);
            routes.indicators(new IndicatorImport(store, runs, iris,
                    Integer.getInteger("insatsnavet.indicators.minimumCount", Suppression.DEFAULT_MINIMUM)));
            List<SourceDescriptor> all = new ArrayList<>(federation.sources());
            federation.indicatorsSource().ifPresent(all::add); // last: its rows name the services just read
            List<RunReport> reports = new ArrayList<>();
            for (SourceDescriptor source : all) {
                listener.reading(federation, source);
                RunReport report = routes.syncNow(camel, federation, source, "validate");
                listener.read(federation, source, report);
                reports.add(report);
            }
            return reports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the dry run's engines", e);
        }
    }
}
