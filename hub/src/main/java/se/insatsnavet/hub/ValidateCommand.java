package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.camel.impl.DefaultCamelContext;
import se.insatsnavet.connectors.descriptor.DescriptorException;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunJson;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.imports.RunStatus;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code insatsnavet.jar validate --federation FILE}: what a federation runs before connecting. Loads the
 * descriptor, reads every source through its connector and runs the real import pipeline (mapping, JSON
 * Schema, SHACL) against a throw-away in-memory database and dataset, then its indicators source if it has
 * one (rows checked, small cells withheld), then prints each run's report as JSON. Nothing is published. Exit code 0 when every source was read and no record was rejected, 1 when
 * records were rejected or a source failed, 2 when the descriptor itself is invalid.
 */
final class ValidateCommand {

    private ValidateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--federation") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            }
        }
        if (file == null) {
            err.println("usage: java -jar insatsnavet.jar validate --federation path/to/federation.json");
            return 2;
        }
        FederationDescriptor federation;
        try {
            federation = new DescriptorLoader().load(file);
        } catch (DescriptorException e) {
            err.println("Descriptor rejected:");
            err.println(e.getMessage());
            return 2;
        }
        HubIris iris = HubIris.defaults();
        String memory = "jdbc:h2:mem:validate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database db = Database.open(memory, null, null);
             CatalogStore store = CatalogStore.inMemory();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            new se.insatsnavet.hub.federations.FederationRepository(db).upsert(federation.id(), federation.id(), file.toString());
            RunRepository runs = new RunRepository(db);
            ImportService imports = new ImportService(store, runs, ServiceRdf.of(iris), Vocabulary.load(iris).conceptIndex()::match);
            camel.start();
            imports.onProgress((fed, src, stage, done, total) -> err.println("  " + fed + "/" + src + ": " + stage + " " + done + " of " + total));
            ImportRoutes routes = new ImportRoutes(null, imports, false, 0, 0, 0);
            routes.indicators(new se.insatsnavet.hub.indicators.IndicatorImport(store, runs, iris,
                    Integer.getInteger("insatsnavet.indicators.minimumCount", se.insatsnavet.hub.indicators.Suppression.DEFAULT_MINIMUM)));
            boolean clean = true;
            java.util.List<se.insatsnavet.connectors.descriptor.SourceDescriptor> all = new java.util.ArrayList<>(federation.sources());
            federation.indicatorsSource().ifPresent(all::add); // last: its rows name the services just read
            for (var source : all) {
                err.println("Reading " + federation.id() + "/" + source.id() + " (" + source.kind() + ": " + source.location() + ") …");
                RunReport report = routes.syncNow(camel, federation, source, "validate");
                out.println(Responses.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).valueToTree(RunJson.full(report)).toPrettyString());
                err.printf("%s/%s: %s, %d read, %d valid, %d rejected, %d warnings%n", federation.id(), source.id(),
                        report.status().label(), report.counts().read(), report.counts().valid(), report.counts().rejected(),
                        report.counts().warnings());
                clean &= report.status() == RunStatus.SUCCEEDED && report.counts().rejected() == 0;
            }
            return clean ? 0 : 1;
        } catch (java.io.IOException e) {
            err.println("Could not close the validation engines: " + e.getMessage());
            return 1;
        }
    }
}
