package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.osgi.framework.BundleException;
import se.insatsnavet.connectors.descriptor.DescriptorException;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.hub.federations.DryRun;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.RunJson;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code insatsnavet.jar validate --federation FILE [--plugins DIR]}: what a federation runs before connecting.
 * Loads the descriptor, starts the hub's plugin host (embedded Felix with the built-in bundles and the bundles of
 * {@code --plugins DIR}, in a temporary folder, see {@link ValidationPlugins}), reads every source through its
 * connector and runs the real import pipeline ({@link DryRun}: a mapper, enricher and validator plugins the source names,
 * mapping, JSON Schema, SHACL) against a throw-away in-memory database and dataset, then its indicators source if
 * it has one (rows checked, small cells withheld), then prints each run's report on standard output as the hub's
 * {@code GET /api/federations/{id}/runs/{run}} gives it (one JSON object per source). Nothing is published.
 * Exit code 0 when every source was read and no record was rejected, 1 when records were rejected or a source
 * failed, 2 when the descriptor itself is invalid or the command line is wrong (an unknown option, a missing
 * value or folder: each named, with the usage).
 */
final class ValidateCommand {

    static final String USAGE = "usage: java -jar insatsnavet.jar validate --federation path/to/federation.json [--plugins DIR]\n"
            + "  --federation FILE  the federation's descriptor\n"
            + "  --plugins DIR      plugin bundles (*.jar) the descriptor's sources name (mapper, enrichers, validators,\n"
            + "                     connector kinds), loaded into the hub's plugin host in a temporary folder";

    private ValidateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path pluginsDir = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (!option.equals("--federation") && !option.equals("--plugins")) {
                return usageError(err, "unknown option " + option);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                return usageError(err, option + " needs a value");
            }
            Path value = Path.of(args[++i]);
            if (option.equals("--federation")) {
                file = value;
            } else {
                pluginsDir = value;
            }
        }
        if (file == null) {
            return usageError(err, "--federation is required");
        }
        if (pluginsDir != null && !Files.isDirectory(pluginsDir)) {
            return usageError(err, "--plugins " + pluginsDir + " is not a folder");
        }
        FederationDescriptor federation;
        try {
            federation = new DescriptorLoader().load(file);
        } catch (DescriptorException e) {
            err.println("Descriptor rejected:");
            err.println(e.getMessage());
            return 2;
        }
        try {
            if (pluginsDir != null && ValidationPlugins.jars(pluginsDir).isEmpty()) {
                err.println("Warning: " + pluginsDir + " holds no *.jar bundle");
            }
        } catch (IOException e) {
            return usageError(err, "cannot read --plugins " + pluginsDir + ": " + e.getMessage());
        }
        try (ValidationPlugins plugins = ValidationPlugins.start(pluginsDir, err)) {
            return validate(file, federation, plugins, out, err);
        } catch (IOException | BundleException e) {
            err.println("Could not start the plugin host: " + e.getMessage());
            return 1;
        }
    }

    private static int usageError(PrintStream err, String problem) {
        err.println("insatsnavet validate: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static int validate(Path file, FederationDescriptor federation, ValidationPlugins plugins, PrintStream out,
                                PrintStream err) {
        boolean[] clean = {true};
        try {
            DryRun.run(federation, plugins.imports(), plugins::providesKind, new DryRun.Listener() {
                @Override
                public void reading(FederationDescriptor f, SourceDescriptor source) {
                    err.println("Reading " + f.id() + "/" + source.id() + " (" + source.kind() + ": " + source.location() + ") …");
                }

                @Override
                public void progress(String fed, String src, String stage, int done, int total) {
                    err.println("  " + fed + "/" + src + ": " + stage + " " + done + " of " + total);
                }

                @Override
                public void read(FederationDescriptor f, SourceDescriptor source, RunReport report) {
                    out.println(Responses.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).valueToTree(RunJson.full(report)).toPrettyString());
                    err.printf("%s/%s: %s, %d read, %d valid, %d rejected, %d warnings%n", f.id(), source.id(),
                            report.status().label(), report.counts().read(), report.counts().valid(), report.counts().rejected(),
                            report.counts().warnings());
                    if (report.failure() != null && report.failure().contains("No plugin '")) {
                        err.println("  The plugin is not running here: give the folder of its bundle with --plugins DIR");
                    }
                    clean[0] &= report.status() == RunStatus.SUCCEEDED && report.counts().rejected() == 0;
                }
            });
        } catch (UncheckedIOException e) {
            err.println(e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
        return clean[0] ? 0 : 1;
    }
}
