package se.insatsnavet.hub.imports;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.Schedule;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.feed.FeedSourceComponent;
import se.insatsnavet.connectors.file.FileSourceComponent;
import se.insatsnavet.connectors.hsds.HsdsSourceComponent;
import se.insatsnavet.connectors.http.HttpSourceComponent;
import se.insatsnavet.connectors.wordpress.WordPressSourceComponent;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceEndpoint;
import se.insatsnavet.hub.federations.FederationRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * plugin ({@link #waitingFor}) is not read on its schedule or watch until the plugin runs.
 */
public final class ImportRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
    /** Polling interval when a source declares no schedule. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    /**
     * Start-up reads begin this far apart, so the sources are not all read at the same instant (75 sources: within
     * 1.9 s); their imports then wait for one of the {@link #IMPORT_SLOTS}.
     */
    static final long STAGGER_MILLIS = 25;
    /**
     * How many services batches read are imported at once (mapping, checks, the store's write; one per CPU, at
     * least two, so one long import never holds up all others): the reads themselves are not bounded, so a slow or
     * failing source never holds up another's import.
     */
    static final int IMPORT_SLOTS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** On a cluster, a source read by any node this recently is not read again when its descriptor takes effect. */
    static final Duration CHANGED_MIN_GAP = Duration.ofSeconds(10);
    /** Connector kinds this hub has a Camel component for; any other kind is a source connector plugin's id. */
    private static final Map<String, SourceUri> CONNECTORS = Map.of(
            "file", FileSourceComponent::endpointUri,
            "http", HttpSourceComponent::endpointUri,
            "rss", FeedSourceComponent::endpointUri,
            "wordpress", WordPressSourceComponent::endpointUri,
            "hsds", HsdsSourceComponent::endpointUri);

    private final FederationRegistry registry;
    private final ImportService imports;
    private final boolean importOnStart;
    private final int retries;
    private final long retryDelayMillis;
    private final long watchMillis;
    private java.util.function.Predicate<String> pluginKinds = kind -> false;
    private java.util.function.BiFunction<FederationDescriptor, SourceDescriptor, java.util.Optional<String>> waitingFor =
            (federation, source) -> java.util.Optional.empty();
    private BatchImporter indicators;
    private final FailedWatchReads failedWatchReads = new FailedWatchReads();
    private final java.util.concurrent.Semaphore importSlots = new java.util.concurrent.Semaphore(IMPORT_SLOTS, true);

    /**
     * @param watchMillis how often file sources are checked for changes; 0: not at all
     */
    public ImportRoutes(FederationRegistry registry, ImportService imports, boolean importOnStart, int retries,
                        long retryDelayMillis, long watchMillis) {
        this.watchMillis = watchMillis;
        this.registry = registry;
        this.imports = imports;
        this.importOnStart = importOnStart;
        this.retries = retries;
        this.retryDelayMillis = retryDelayMillis;
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
    public void pluginKinds(java.util.function.Predicate<String> provided) {
        this.pluginKinds = provided;
    }

    /**
     * Tells which plugin, if any, a source waits for (one it names that is not running): such a source is not read
     * on its schedule or when its file changes (no failed run each time) until the plugin starts; an explicit sync
     * still runs it (and fails naming the plugin).
     */
    public void waitingFor(java.util.function.BiFunction<FederationDescriptor, SourceDescriptor, java.util.Optional<String>> waiting) {
        this.waitingFor = waiting;
    }

    /** Whether a connector kind is built in (any other kind names a source connector plugin). */
    public static boolean builtInKind(String kind) {
        return CONNECTORS.containsKey(kind);
    }

    /** Whether a source waits for a plugin (logged), so that a scheduled or file-changed read is skipped. */
    private boolean waits(FederationDescriptor federation, SourceDescriptor source, String what) {
        java.util.Optional<String> plugin = waitingFor.apply(federation, source);
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
                String id = routeId(kind, federation, source);
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
                camel.removeEndpoints(endpointUri(federation, source));
            } catch (Exception e) {
                LOG.debug("Removing the endpoint of {}/{}", federation.id(), source.id(), e);
            }
        }
    }

    /** Adds a source's routes; {@code firstReadDelay} < 0: first read after one schedule interval. */
    private void installSource(CamelContext camel, FederationDescriptor federation, SourceDescriptor source, long firstReadDelay) {
        try {
            camel.getEndpoint(endpointUri(federation, source));
            camel.addRoutes(readRoute(federation, source));
            camel.addRoutes(scheduleRoute(camel, federation, source, firstReadDelay));
            if (source.kind().equals("file") && watchMillis > 0) {
                camel.addRoutes(watchRoute(federation, source, firstReadDelay >= 0));
            }
            if (waitingFor.apply(federation, source).isPresent()) {
                LOG.info("Source {}/{} waits for plugin '{}'", federation.id(), source.id(),
                        waitingFor.apply(federation, source).get());
            } else if (!CONNECTORS.containsKey(source.kind()) && !pluginKinds.test(source.kind())) {
                // the routes stay: a plugin providing the kind may be installed later
                importerFor(federation, source).recordFailure(federation, source, "start", new IllegalStateException("No connector for kind '"
                        + source.kind() + "': neither built in (" + String.join(", ", new java.util.TreeSet<>(CONNECTORS.keySet()))
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
        java.util.Optional<FederationLocks.Lease> lease = locks.clustered() ? locks.tryAcquire(federation.id())
                : java.util.Optional.of(locks.acquire(federation.id()));
        if (lease.isEmpty()) {
            LOG.info("Scheduled import of {}/{} skipped: the federation is being imported elsewhere", federation.id(), source.id());
            return null;
        }
        try (FederationLocks.Lease held = lease.get()) {
            if (locks.clustered() && !minGap.isZero()) {
                java.time.Instant last = imports.runs().lastFinishedStart(federation.id(), source.id()).orElse(null);
                if (last != null && last.isAfter(java.time.Instant.now().minus(minGap))) {
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
    public record Resumed(RunRepository.Interrupted marked, java.util.List<RunReport> runs) {
        static final Resumed NOTHING = new Resumed(new RunRepository.Interrupted(0, 0), java.util.List.of());
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
            java.util.List<String> interrupted = runs.sourcesInterrupted(federation.id());
            java.util.List<SourceDescriptor> again = routedSources(federation).stream()
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
        String read = readUri(federation, source);
        try {
            if (camel.getRoute(routeId("read", federation, source)) == null) {
                camel.addRoutes(readRoute(federation, source));
            }
        } catch (Exception e) {
            return imports.recordFailure(federation, source, trigger, e);
        }
        if (imports == this.imports) {
            java.util.Optional<RunReport> unchanged = unchangedRun(camel, federation, source, trigger);
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
    private java.util.Optional<RunReport> unchangedRun(CamelContext camel, FederationDescriptor federation, SourceDescriptor source,
                                                       String trigger) {
        try {
            if (camel.hasEndpoint(endpointUri(federation, source)) instanceof SourceEndpoint endpoint) {
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
        return java.util.Optional.empty();
    }

    /**
     * Imports a batch with {@code importer}: a services batch once one of the {@link #IMPORT_SLOTS} is free, an
     * indicators batch (small) at once. Always called with the federation's lock held (lock first, then slot, on
     * every path: the other order could deadlock).
     */
    private RunReport importBatch(BatchImporter importer, FederationDescriptor federation, SourceDescriptor source, SourceBatch batch,
                                  String trigger) {
        if (importer != imports) {
            return importer.importBatch(federation, source, batch, trigger);
        }
        try {
            importSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportService.Stopped(federation.id() + "/" + source.id());
        }
        try {
            return imports.importBatch(federation, source, batch, trigger);
        } finally {
            importSlots.release();
        }
    }

    private RouteBuilder readRoute(FederationDescriptor federation, SourceDescriptor source) {
        String connector = endpointUri(federation, source);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(readUri(federation, source)).routeId(routeId("read", federation, source))
                        .errorHandler(defaultErrorHandler()
                                .maximumRedeliveries(retries)
                                .redeliveryDelay(retryDelayMillis)
                                .useExponentialBackOff()
                                .backOffMultiplier(2)
                                .logExhausted(false)
                                .logRetryAttempted(true)
                                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN))
                        .to(connector);
            }
        };
    }

    private RouteBuilder scheduleRoute(CamelContext camel, FederationDescriptor federation, SourceDescriptor source,
                                       long firstReadDelay) {
        Schedule schedule = source.schedule() != null ? source.schedule() : Schedule.every(DEFAULT_INTERVAL);
        String name = federation.id() + "." + source.id();
        // clustered: a run on any node this recently makes this node's firing redundant
        Duration minGap = schedule.isCron() ? Duration.ofSeconds(30)
                : Duration.ofMillis(schedule.intervalMillis()).multipliedBy(9).dividedBy(10);
        String trigger = schedule.isCron()
                ? "quartz:insatsnavet/" + name + "?cron=RAW{" + schedule.cron() + "}"
                : "timer:import." + name + "?period=" + schedule.intervalMillis()
                        + "&delay=" + (firstReadDelay >= 0 ? firstReadDelay : schedule.intervalMillis());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(trigger).routeId(routeId("schedule", federation, source))
                        .process(ex -> scheduled(camel, federation, source, "schedule", minGap));
            }
        };
    }

    /**
     * For a file source: the connector as a polling consumer, which emits a batch only when the file's
     * content changed since its last emission (and once its size and time stayed the same for a whole check,
     * so never half-written); a batch whose fingerprint is that of the last succeeded run
     * (the first poll after start-up, typically) is not imported again.
     */
    private RouteBuilder watchRoute(FederationDescriptor federation, SourceDescriptor source, boolean readOnSchedule) {
        // imported at start anyway (or its indicators after its services): the watch's first check only notes
        // the file's size and time, rather than reading every file of every federation once more at start
        String consumer = endpointUri(federation, source) + "&delay=" + watchMillis + "&initialDelay=" + watchMillis
                + "&backoffErrorThreshold=1&backoffMultiplier=12&bridgeErrorHandler=true"
                + (readOnSchedule ? "&readAtFirstPoll=false" : "");
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a changed file that cannot be read (cut off, unparseable, changed while read) fails a run, once per state
                // (a batch that was read and failed while imported keeps its way: sent again at the next poll)
                onException(Exception.class).onWhen(ex -> !(ex.getMessage().getBody() instanceof SourceBatch))
                        .handled(true).process(ex -> failedWatchReads.record(importerFor(federation, source), federation,
                                source, ex.getFromEndpoint(), ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
                from(consumer).routeId(routeId("watch", federation, source))
                        .process(ex -> {
                            BatchImporter importer = importerFor(federation, source);
                            SourceBatch batch = ex.getMessage().getBody(SourceBatch.class);
                            importChanged(federation, source, importer, batch);
                        });
            }
        };
    }

    /** Imports a changed file's batch under the federation's lock, unless another node imports it or it is the last one imported. */
    private RunReport importChanged(FederationDescriptor federation, SourceDescriptor source, BatchImporter importer, SourceBatch batch) {
        FederationLocks locks = imports.locks();
        java.util.Optional<FederationLocks.Lease> lease = locks.clustered()
                ? locks.tryAcquire(federation.id()) : java.util.Optional.of(locks.acquire(federation.id()));
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

    private static String readUri(FederationDescriptor federation, SourceDescriptor source) {
        return "direct:read." + federation.id() + "." + source.id();
    }

    private static String routeId(String kind, FederationDescriptor federation, SourceDescriptor source) {
        return kind + "." + federation.id() + "." + source.id();
    }

    /** The connector URI of a source, with its options. */
    static String endpointUri(FederationDescriptor federation, SourceDescriptor source) {
        SourceUri connector = CONNECTORS.get(source.kind());
        if (connector == null) {
            // any other kind names a source connector plugin (insats-plugin, registered by the plugin host)
            return se.insatsnavet.hub.plugins.PluginSourceComponent.endpointUri(federation, source);
        }
        return connector.uri(federation, source, federation.directory());
    }

    /** How a connector kind names one source as a Camel endpoint URI. */
    @FunctionalInterface
    interface SourceUri {
        String uri(FederationDescriptor federation, SourceDescriptor source, Path descriptorDir);
    }
}
