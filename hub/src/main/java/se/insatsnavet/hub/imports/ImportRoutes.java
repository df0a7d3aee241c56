package se.insatsnavet.hub.imports;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.hub.federations.FederationRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Two Camel routes per federation source:
 * <ol>
 *   <li>{@code direct:read.<federation>.<source>} reads the source once through its connector (the
 *       connector endpoint as a producer); a failed read is redelivered with exponential back-off
 *       ({@code retries} times, first after {@code retryDelayMillis}, doubling), then fails;</li>
 *   <li>the schedule ({@code timer:} for an interval, {@code quartz:} for a cron expression) triggers
 *       {@link #syncNow} with that read route;</li>
 *   <li>for a file source, a watch: the connector polled every {@code watchMillis} ms, importing the file
 *       as soon as its content changes.</li>
 * </ol>
 * Every read ends as a run: imported by {@link ImportService}, or recorded as failed with its reason. A
 * source whose routes cannot even be created (unknown kind, bad option) is a failed run of that source
 * only. On-demand syncs ({@code POST …/sync}, {@code validate}) use the same read route. A source that waits for a
 * plugin ({@link #waitingFor}) is not read on its schedule or watch until the plugin runs. The routes are built by
 * {@link SourceRouteBuilders}, the connector URIs named by {@link SourceEndpoints}; this class adds and removes them
 * and runs reads under the federation's lock and an import slot.
 */
public final class ImportRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
    /** Polling interval when a source declares no schedule. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    /**
     * Start-up reads begin this far apart, so the sources are not all read at the same instant (75 sources: within
     * 1.9 s); their imports then wait for one of the {@link ImportSlots#IMPORT_SLOTS}.
     */
    static final long STAGGER_MILLIS = 25;
    /** On a cluster, a source read by any node this recently is not read again when its descriptor takes effect. */
    static final Duration CHANGED_MIN_GAP = Duration.ofSeconds(10);

    private final FederationRegistry registry;
    private final ImportService imports;
    private final boolean importOnStart;
    private final long watchMillis;
    private Predicate<String> pluginKinds = kind -> false;
    private BiFunction<FederationDescriptor, SourceDescriptor, Optional<String>> waitingFor =
            (federation, source) -> Optional.empty();
    private BatchImporter indicators;
    private final ImportSlots importSlots = new ImportSlots();
    private final SourceEndpoints endpoints;
    private final SourceRouteBuilders builders;

    /**
     * @param watchMillis how often file sources are checked for changes; 0: not at all
     */
    public ImportRoutes(FederationRegistry registry, ImportService imports, boolean importOnStart, int retries,
                        long retryDelayMillis, long watchMillis) {
        this.watchMillis = watchMillis;
        this.registry = registry;
        this.imports = imports;
        this.importOnStart = importOnStart;
        this.endpoints = new SourceEndpoints(imports::plugins);
        this.builders = new SourceRouteBuilders(endpoints, new SourceRouteBuilders.SourceActions() {
            @Override
            public void scheduled(CamelContext camel, FederationDescriptor federation, SourceDescriptor source, Duration minGap) {
                ImportRoutes.this.scheduled(camel, federation, source, "schedule", minGap);
            }

            @Override
            public BatchImporter importerFor(FederationDescriptor federation, SourceDescriptor source) {
                return ImportRoutes.this.importerFor(federation, source);
            }

            @Override
            public void importChanged(FederationDescriptor federation, SourceDescriptor source, BatchImporter importer,
                                      SourceBatch batch) {
                ImportRoutes.this.importChanged(federation, source, importer, batch);
            }
        }, retries, retryDelayMillis, watchMillis);
    }

    /**
     * Gives the federations' indicators sources the same read, schedule and watch routes as their services
     * sources, their batches going to {@code importer}; their schedule does not fire at start-up (the hub reads
     * a federation's indicators after its services). Call before {@link #install}.
     */
    public void indicators(BatchImporter importer) {
        this.indicators = importer;
    }

    /** The importer of a source: the indicators importer for a federation's indicators source. */
    private BatchImporter importerFor(FederationDescriptor federation, SourceDescriptor source) {
        return indicators != null && source.equals(federation.indicators()) ? indicators : imports;
    }

    /** The sources routes are made for: the services sources, then the indicators source (when handled). */
    private List<SourceDescriptor> routedSources(FederationDescriptor federation) {
        List<SourceDescriptor> all = new ArrayList<>(federation.sources());
        if (indicators != null && federation.indicators() != null) {
            all.add(federation.indicators());
        }
        return all;
    }

    /** Tells which kinds a running source connector plugin provides (the plugin host). */
    public void pluginKinds(Predicate<String> provided) {
        this.pluginKinds = provided;
    }

    /**
     * Tells which plugin, if any, a source waits for (one it names that is not running): such a source is not read
     * on its schedule or when its file changes (no failed run each time) until the plugin starts; an explicit sync
     * still runs it (and fails naming the plugin).
     */
    public void waitingFor(BiFunction<FederationDescriptor, SourceDescriptor, Optional<String>> waiting) {
        this.waitingFor = waiting;
    }

    /** Whether a connector kind is built in (any other kind names a source connector plugin). */
    public static boolean builtInKind(String kind) {
        return SourceEndpoints.builtInKind(kind);
    }

    /** Whether a source waits for a plugin (logged), so that a scheduled or file-changed read is skipped. */
    private boolean waits(FederationDescriptor federation, SourceDescriptor source, String what) {
        Optional<String> plugin = waitingFor.apply(federation, source);
        plugin.ifPresent(id -> LOG.info("{} of {}/{} skipped: waiting for plugin '{}'", what, federation.id(), source.id(), id));
        return plugin.isPresent();
    }

    /**
     * Adds the read and schedule routes of every source of every federation to a context that has NOT been
     * started yet, so that no schedule fires while routes are still being added (Camel starts consumers only
     * once every route is up). Each source is isolated: one whose connector endpoint cannot be created (unknown
     * kind, bad option) gets a failed run and no routes; the others are unaffected.
     */
    public void install(CamelContext camel) {
        if (camel.isStarted()) {
            throw new IllegalStateException("install the import routes before starting Camel");
        }
        int order = 0;
        for (FederationDescriptor federation : registry.all()) {
            for (SourceDescriptor source : routedSources(federation)) {
                installSource(camel, federation, source, importOnStart && !source.equals(federation.indicators())
                        ? STAGGER_MILLIS * order++ : -1);
            }
        }
    }

    /**
     * Adds the routes of a federation that takes effect while the hub runs (a new or changed descriptor) to a
     * started context; their schedules fire first after one interval ({@link #readNow} reads the sources at once).
     */
    public void add(CamelContext camel, FederationDescriptor federation) {
        for (SourceDescriptor source : routedSources(federation)) {
            installSource(camel, federation, source, -1);
        }
    }

    /**
     * Reads a federation's services sources now, as its schedule would (its indicators follow its services): a
     * source that waits for a plugin is skipped; on a cluster a source another node is reading, or read less than
     * {@link #CHANGED_MIN_GAP} ago, is skipped, so one node reads each. Blocking; returns the runs.
     */
    public List<RunReport> readNow(CamelContext camel, FederationDescriptor federation, String trigger) {
        List<RunReport> reports = new ArrayList<>();
        for (SourceDescriptor source : federation.sources()) {
            RunReport report = scheduled(camel, federation, source, trigger, imports.locks().clustered() ? CHANGED_MIN_GAP : Duration.ZERO);
            if (report != null) {
                reports.add(report);
            }
        }
        return reports;
    }

    /**
     * Stops and removes the routes of a federation (its descriptor was removed or is replaced), and the endpoints of
     * its sources, so a replacement starts with connectors that remember nothing of the old descriptor.
     */
    public void remove(CamelContext camel, FederationDescriptor federation) {
        for (SourceDescriptor source : routedSources(federation)) {
            for (String kind : List.of("schedule", "watch", "read")) {
                String id = SourceEndpoints.routeId(kind, federation, source);
                try {
                    if (camel.getRoute(id) != null) {
                        camel.getRouteController().stopRoute(id);
                        camel.removeRoute(id);
                    }
                } catch (Exception e) {
                    LOG.warn("Removing route {} failed", id, e);
                }
            }
            try {
                camel.removeEndpoints(endpoints.endpointUri(federation, source));
            } catch (Exception e) {
                LOG.debug("Removing the endpoint of {}/{}", federation.id(), source.id(), e);
            }
        }
    }

    /** Adds a source's routes; {@code firstReadDelay} < 0: first read after one schedule interval. */
    private void installSource(CamelContext camel, FederationDescriptor federation, SourceDescriptor source, long firstReadDelay) {
        try {
            camel.getEndpoint(endpoints.endpointUri(federation, source));
            camel.addRoutes(builders.readRoute(federation, source));
            camel.addRoutes(builders.scheduleRoute(camel, federation, source, firstReadDelay));
            if (source.kind().equals("file") && watchMillis > 0) {
                camel.addRoutes(builders.watchRoute(federation, source, firstReadDelay >= 0));
            }
            if (waitingFor.apply(federation, source).isPresent()) {
                LOG.info("Source {}/{} waits for plugin '{}'", federation.id(), source.id(),
                        waitingFor.apply(federation, source).get());
            } else if (!SourceEndpoints.builtInKind(source.kind()) && !pluginKinds.test(source.kind())) {
                // the routes stay: a plugin providing the kind may be installed later
                importerFor(federation, source).recordFailure(federation, source, "start", new IllegalStateException("No connector for kind '"
                        + source.kind() + "': neither built in (" + SourceEndpoints.builtInKinds()
                        + ") nor provided by a running plugin; reads fail until a plugin provides it"));
            }
        } catch (Exception e) {
            importerFor(federation, source).recordFailure(federation, source, "start", e);
        }
    }

    /**
     * Reads a source now through its read route (adding that route if needed) and imports it. Blocking:
     * call from a worker or a Camel thread.
     */
    public RunReport syncNow(CamelContext camel, FederationDescriptor federation, SourceDescriptor source, String trigger) {
        try (FederationLocks.Lease lease = imports.locks().acquire(federation.id())) {
            return readAndImport(camel, federation, source, trigger);
        }
    }

    /**
     * A scheduled read. Alone, it waits for an import of the federation under way; clustered, it is skipped
     * when another node (or thread) is importing the federation, and also when a run of the source started on
     * any node less than {@code minGap} ago (every node has the same schedules; the first to fire does the work).
     * Returns the run, or null when skipped.
     */
    RunReport scheduled(CamelContext camel, FederationDescriptor federation, SourceDescriptor source, String trigger,
                        Duration minGap) {
        if (waits(federation, source, "Scheduled import")) {
            return null;
        }
        FederationLocks locks = imports.locks();
        Optional<FederationLocks.Lease> lease = locks.clustered() ? locks.tryAcquire(federation.id())
                : Optional.of(locks.acquire(federation.id()));
        if (lease.isEmpty()) {
            LOG.info("Scheduled import of {}/{} skipped: the federation is being imported elsewhere", federation.id(), source.id());
            return null;
        }
        try (FederationLocks.Lease held = lease.get()) {
            if (locks.clustered() && !minGap.isZero()) {
                Instant last = imports.runs().lastFinishedStart(federation.id(), source.id()).orElse(null);
                if (last != null && last.isAfter(Instant.now().minus(minGap))) {
                    LOG.info("Scheduled import of {}/{} skipped: a hub node ran it at {}", federation.id(), source.id(), last);
                    return null;
                }
            }
            return readAndImport(camel, federation, source, trigger);
        }
    }

    /**
     * What {@link #resumeInterrupted} did: how many runs it marked interrupted (pushes and source reads) and the
     * runs it read and imported again.
     */
    public record Resumed(RunRepository.Interrupted marked, List<RunReport> runs) {
        static final Resumed NOTHING = new Resumed(new RunRepository.Interrupted(0, 0), List.of());
    }

    /**
     * Runs again the sources of a federation whose runs a stopped hub (node) left unfinished: under the
     * federation's lock (so nothing of it is under way anywhere) the runs still {@code running} are marked
     * {@code interrupted}, then each routed source (file, HTTP, scheduled …) whose newest run is interrupted is
     * read and imported again (trigger {@code resume}). A push cannot be run again (its body went with the node
     * that took it): its run says, and the log says once, that the push must be sent again. Blocking.
     */
    public Resumed resumeInterrupted(CamelContext camel, FederationDescriptor federation) {
        RunRepository runs = imports.runs();
        if (!runs.hasUnfinished(federation.id())) {
            return Resumed.NOTHING;
        }
        try (FederationLocks.Lease lease = imports.locks().acquire(federation.id())) {
            RunRepository.Interrupted marked = runs.markInterrupted(federation.id());
            if (marked.pushes() > 0) {
                LOG.warn("Federation {}: {} push(es) were interrupted by a stopped hub node before they were committed;"
                        + " nothing of them was published and they cannot be run again here: the push must be sent again",
                        federation.id(), marked.pushes());
            }
            List<String> interrupted = runs.sourcesInterrupted(federation.id());
            List<SourceDescriptor> again = routedSources(federation).stream()
                    .filter(s -> interrupted.contains(s.id())).toList();
            if (marked.reads() > 0 || !again.isEmpty()) {
                LOG.warn("Federation {}: {} run(s) left unfinished by a stopped node; importing {} again", federation.id(),
                        marked.reads(), again.stream().map(SourceDescriptor::id).toList());
            }
            return new Resumed(marked, again.stream().map(s -> readAndImport(camel, federation, s, "resume")).toList());
        }
    }

    private RunReport readAndImport(CamelContext camel, FederationDescriptor federation, SourceDescriptor source, String trigger) {
        BatchImporter imports = importerFor(federation, source);
        String read = SourceEndpoints.readUri(federation, source);
        try {
            if (camel.getRoute(SourceEndpoints.routeId("read", federation, source)) == null) {
                camel.addRoutes(builders.readRoute(federation, source));
            }
        } catch (Exception e) {
            return imports.recordFailure(federation, source, trigger, e);
        }
        if (imports == this.imports) {
            Optional<RunReport> unchanged = unchangedRun(camel, federation, source, trigger);
            if (unchanged.isPresent()) {
                return unchanged.get();
            }
        }
        ProducerTemplate template = camel.createProducerTemplate();
        try {
            SourceBatch batch = template.requestBody(read, null, SourceBatch.class);
            return importBatch(imports, federation, source, batch, trigger);
        } catch (ImportService.Stopped | RunNotRecordedException e) {
            throw e;
        } catch (CamelExecutionException e) {
            return imports.recordFailure(federation, source, trigger, e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            return imports.recordFailure(federation, source, trigger, e);
        } finally {
            try {
                template.close();
            } catch (Exception e) {
                LOG.debug("Closing producer template", e);
            }
        }
    }

    /**
     * A run recorded without reading the source, when its connector knows the source is what it last read and
     * that read is what the newest succeeded run imported ({@link ImportService#recordUnchanged}); empty otherwise.
     */
    private Optional<RunReport> unchangedRun(CamelContext camel, FederationDescriptor federation, SourceDescriptor source,
                                             String trigger) {
        try {
            if (camel.hasEndpoint(endpoints.endpointUri(federation, source)) instanceof SourceEndpoint endpoint) {
                String fingerprint = endpoint.unchangedFingerprint();
                if (fingerprint != null) {
                    return imports.recordUnchanged(federation, source, fingerprint, trigger);
                }
            }
        } catch (ImportService.Stopped | RunNotRecordedException e) {
            throw e;
        } catch (Exception e) {
            LOG.debug("Whether {}/{} is unchanged is not known; reading it", federation.id(), source.id(), e);
        }
        return Optional.empty();
    }

    /** Imports a batch with {@code importer}; a services batch waits for an import slot ({@link ImportSlots}). */
    private RunReport importBatch(BatchImporter importer, FederationDescriptor federation, SourceDescriptor source, SourceBatch batch,
                                  String trigger) {
        if (importer != imports) {
            return importer.importBatch(federation, source, batch, trigger);
        }
        return importSlots.importBatch(imports, federation, source, batch, trigger);
    }

    /** Imports a changed file's batch under the federation's lock, unless another node imports it or it is the last one imported. */
    private RunReport importChanged(FederationDescriptor federation, SourceDescriptor source, BatchImporter importer, SourceBatch batch) {
        FederationLocks locks = imports.locks();
        Optional<FederationLocks.Lease> lease = locks.clustered()
                ? locks.tryAcquire(federation.id()) : Optional.of(locks.acquire(federation.id()));
        if (lease.isEmpty()) {
            return null; // another node imports the federation; the next poll looks again
        }
        // the federation's lock, then an import slot, as for scheduled runs: never the other way round
        try (FederationLocks.Lease held = lease.get()) {
            if (waits(federation, source, "Import of the changed file")) {
                return null;
            }
            if (importer.isLastImported(federation, source, batch.fingerprint())) {
                return null;
            }
            return importBatch(importer, federation, source, batch, "file-changed");
        }
    }
}
