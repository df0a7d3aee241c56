package se.insatsnavet.hub.dumps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

/**
 * Bulk dumps in {@code <data>/dumps/}: the whole catalogue as gzipped N-Quads, Turtle per federation, the
 * canonical JSON of every service as NDJSON, and the further {@link DumpFormat}s given (the HSDS package). Rebuilt (coalesced, on one background thread, once runs have been quiet for a second and no import
 * is under way) after runs that changed the catalogue; each file is written beside its final name and moved into place, so readers
 * never see half a dump. The N-Quads and NDJSON dumps are concatenations of parts per graph ({@link #PARTS}); a
 * rebuild after runs of some federations exports again only their graphs (and the small graphs no federation
 * owns), all parts from one read transaction: a consistent snapshot. Whenever it is unsure what changed (a start
 * with changes not yet dumped, a change the request names no federation for, a failed rebuild) it exports all.
 */
public final class Dumps implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dumps.class);

    /** One dump file: name, media type, size, SHA-256 and when it was written. */
    public record DumpInfo(String name, String mediaType, long bytes, String sha256, Instant written) {
    }

    private final Path dir;
    private final CatalogStore store;
    private final ServiceCatalog catalog;
    private final HubIris iris;
    private final Map<String, DumpInfo> current = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "insatsnavet-dumps"));
    private volatile long lastRequest = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    private volatile long firstRequest;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;
    private final List<DumpFormat> formats;
    private volatile java.util.function.BooleanSupplier busy = () -> false;
    /**
     * Beside the dumps (never listed nor served: names starting with a dot): {@code .stale} exists from a change
     * of the catalogue until a rebuild after it has finished, so a start knows whether the dumps on disk are
     * current; {@code .digests} keeps each dump's size, modification time and SHA-256, so a start need not
     * read every dump again to list it.
     */
    static final String STALE_MARKER = ".stale";
    static final String DIGESTS = ".digests";
    /** Requests so far; a rebuild clears {@code .stale} only if none came after it began. */
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    private final Object staleLock = new Object();
    /** What the requests since the last rebuild began asked for (guarded by {@link #staleLock}). */
    private List<String> pendingFederations = List.of();
    private final Set<String> pendingChanged = new HashSet<>();
    private boolean pendingAll;
    /**
     * Hidden folder of the dumps' parts: a gzip member of N-Quads per named graph ({@code catalogue.nq.gz} is their
     * concatenation, a multi-member gzip) and the published items of each federation's services as JSON lines
     * ({@code services.ndjson} is their concatenation; the further formats read their services from them), and a
     * part per federation of each {@link PartedDumpFormat} (joined into its dump). A rebuild writes again only the
     * parts that may have changed.
     */
    static final String PARTS = ".parts";

    /**
     * @param formats further dumps written after the hub's own (e.g. the HSDS tabular package)
     */
    public Dumps(Path dir, CatalogStore store, ServiceCatalog catalog, HubIris iris, List<DumpFormat> formats) {
        this.dir = dir;
        this.store = store;
        this.catalog = catalog;
        this.iris = iris;
        this.formats = List.copyOf(formats);
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Asks for a rebuild; several requests while one is waiting make one rebuild. The rebuild starts once no
     * request came for {@link #QUIET_MILLIS} (an import of many federations finishes runs in quick succession,
     * and a rebuild per run would compete with the import for the CPU), and at most {@link #MAX_DELAY_MILLIS}
     * after the first request; while imports are under way ({@link #waitWhile}), at most
     * {@link #MAX_BUSY_DELAY_MILLIS} after it.
     */
    public void requestRebuild(Collection<String> federationIds) {
        request(federationIds, null, true);
    }

    /**
     * Like {@link #requestRebuild(Collection)} when only the data of the federations {@code changed} changed
     * (besides the graphs no federation owns, which every rebuild exports): the other federations' Turtle dumps
     * and parts of the N-Quads dump are kept. Several requests make one rebuild of the federations any of them named.
     */
    public void requestRebuild(Collection<String> federationIds, Collection<String> changed) {
        request(federationIds, Set.copyOf(changed), true);
    }

    /** Asks for a rebuild of everything that does not wait for quiet (at start, when no run has finished yet). */
    public void requestRebuildNow(Collection<String> federationIds) {
        request(federationIds, null, false);
    }

    /** @param changed the federations whose graphs changed; null for any (all are exported again) */
    private void request(Collection<String> federationIds, Set<String> changed, boolean quiet) {
        synchronized (staleLock) {
            requests.incrementAndGet();
            markStale();
            pendingFederations = List.copyOf(federationIds);
            if (changed == null) {
                pendingAll = true;
            } else {
                pendingChanged.addAll(changed);
            }
        }
        long now = System.nanoTime();
        if (quiet) {
            lastRequest = now;
        }
        if (pending.compareAndSet(false, true)) {
            firstRequest = now;
            writer.schedule(this::rebuildWhenQuiet, quiet ? QUIET_MILLIS : 0, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Makes requested rebuilds also wait while {@code importing} says imports are under way (at most
     * {@link #MAX_BUSY_DELAY_MILLIS} after the first request): a rebuild reads the whole catalogue, and on a few
     * CPUs it would slow the import it is going to be rebuilt after anyway.
     */
    public void waitWhile(java.util.function.BooleanSupplier importing) {
        this.busy = importing;
    }

    /** Quiet time before a requested rebuild (property {@code insatsnavet.dumps.quietMillis}). */
    static final long QUIET_MILLIS = Long.getLong("insatsnavet.dumps.quietMillis", 1_000);
    /** Longest wait of a requested rebuild for quiet. */
    static final long MAX_DELAY_MILLIS = 30_000;
    /** Longest wait of a requested rebuild while imports are under way (a first import of a large catalogue). */
    static final long MAX_BUSY_DELAY_MILLIS = 300_000;

    private void rebuildWhenQuiet() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        long sinceLast = TimeUnit.NANOSECONDS.toMillis(now - lastRequest);
        long sinceFirst = TimeUnit.NANOSECONDS.toMillis(now - firstRequest);
        if (sinceLast < QUIET_MILLIS && sinceFirst < MAX_DELAY_MILLIS) {
            writer.schedule(this::rebuildWhenQuiet, QUIET_MILLIS - sinceLast, TimeUnit.MILLISECONDS);
            return;
        }
        if (sinceFirst < MAX_BUSY_DELAY_MILLIS && busy.getAsBoolean()) {
            writer.schedule(this::rebuildWhenQuiet, QUIET_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        long requestsBefore;
        List<String> federationIds;
        Set<String> changed;
        synchronized (staleLock) {
            // what the requests so far asked for; a request from now on schedules a rebuild of its own
            requestsBefore = requests.get();
            pending.set(false);
            federationIds = pendingFederations;
            changed = pendingAll ? null : Set.copyOf(pendingChanged);
            pendingAll = false;
            pendingChanged.clear();
        }
        try {
            rebuild(federationIds, changed);
            synchronized (staleLock) {
                if (requests.get() == requestsBefore) {
                    // nothing asked for another rebuild meanwhile: the dumps are as current as the catalogue
                    Files.deleteIfExists(dir.resolve(STALE_MARKER));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Writing the dumps failed; the previous dumps stay", e);
            synchronized (staleLock) {
                pendingAll = true; // some parts may have been written, others not: the next rebuild exports all
            }
        }
    }

    private void markStale() {
        try {
            Path marker = dir.resolve(STALE_MARKER);
            if (!Files.exists(marker)) {
                Files.createDirectories(dir);
                Files.newOutputStream(marker, java.nio.file.StandardOpenOption.CREATE).close();
            }
        } catch (IOException e) {
            LOG.warn("Cannot mark the dumps in {} stale; the next start rebuilds them anyway only if one is missing", dir, e);
        }
    }

    /**
     * At start, after {@link #loadExisting}: rebuilds the dumps in the background when they may be behind the
     * catalogue - a change since their last rebuild ({@code .stale}), a dump missing, or {@code changedAtStart}
     * (the start itself changed what they hold: the vocabulary, a federation's description, an interrupted run) -
     * and otherwise keeps serving those on disk. Returns whether a rebuild was asked for.
     */
    public boolean rebuildAtStartIfBehind(Collection<String> federationIds, boolean changedAtStart) {
        List<String> expected = new ArrayList<>(List.of("catalogue.nq.gz", "services.ndjson"));
        federationIds.forEach(f -> expected.add(f + ".ttl"));
        formats.forEach(f -> expected.add(f.name()));
        List<String> missing = expected.stream().filter(n -> !current.containsKey(n)).toList();
        boolean stale = Files.exists(dir.resolve(STALE_MARKER));
        if (!changedAtStart && !stale && missing.isEmpty()) {
            LOG.info("The {} dumps on disk are current; not rebuilt at start", current.size());
            return false;
        }
        LOG.info("Rebuilding the dumps at start ({})", changedAtStart ? "the start changed the catalogue"
                : stale ? "changes since their last rebuild" : missing.size() + " missing, e.g. " + missing.get(0));
        requestRebuildNow(federationIds);
        return true;
    }

    /** Rebuilds every dump now (blocking), exporting every graph again. */
    public void rebuild(Collection<String> federationIds) {
        rebuild(federationIds, null);
    }

    /**
     * Rebuilds the dumps now (blocking). Exports again the graphs of the federations {@code changed} (all if
     * null), every graph no federation owns (the reference vocabulary, links: small) and every graph whose part
     * is missing; rewrites the Turtle dumps of those federations (and any missing one), then
     * {@code catalogue.nq.gz} from the parts, the NDJSON and the further formats. The parts are exported in one
     * read (one snapshot on TDB2).
     */
    public synchronized void rebuild(Collection<String> federationIds, Set<String> changed) {
        Timings t = new Timings();
        try {
            Files.createDirectories(dir);
            Path parts = dir.resolve(PARTS);
            Files.createDirectories(parts);
            List<Path> catalogueParts = new ArrayList<>();
            List<Path> itemParts = new ArrayList<>();
            List<String> itemFederations = new ArrayList<>();
            Set<String> itemsWritten = new HashSet<>();
            int[] exported = {0, 0};
            store.inOneRead(() -> {
                try {
                    // N-Quads: a part per named graph
                    boolean sharedChanged = false;
                    List<String> federationsInStore = new ArrayList<>();
                    for (String graph : new java.util.TreeSet<>(store.graphNames())) {
                        Path part = parts.resolve(partName(graph) + ".nq.gz");
                        catalogueParts.add(part);
                        Optional<String> federation = iris.federationIdOfGraph(graph);
                        federation.ifPresent(federationsInStore::add);
                        if (changed == null || federation.isEmpty() || changed.contains(federation.get()) || !Files.isRegularFile(part)) {
                            boolean differs = writePart(part, graph);
                            sharedChanged |= differs && federation.isEmpty();
                            exported[0]++;
                        }
                    }
                    sharedChanged |= deleteOtherParts(parts, ".nq.gz", catalogueParts);
                    // NDJSON: a part per federation graph; a service's item also reads the graphs no federation
                    // owns (links), so when one of them changed, every federation's part is written again
                    for (String federation : federationsInStore) {
                        Path part = parts.resolve(partName(iris.federationGraph(federation)) + ".ndjson");
                        itemParts.add(part);
                        itemFederations.add(federation);
                        if (changed == null || sharedChanged || changed.contains(federation) || !Files.isRegularFile(part)) {
                            writeItemsPart(part, federation);
                            itemsWritten.add(federation);
                            exported[1]++;
                        }
                    }
                    deleteOtherParts(parts, ".ndjson", itemParts);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            t.lap("N-Quads parts " + exported[0] + " of " + catalogueParts.size() + ", NDJSON parts " + exported[1]
                    + " of " + itemParts.size());
            write("catalogue.nq.gz", "application/n-quads", out -> concatenate(catalogueParts, out), false, "application/gzip");
            t.lap("catalogue.nq.gz");
            int ttl = 0;
            for (String federation : federationIds) {
                if (changed == null || changed.contains(federation) || !current.containsKey(federation + ".ttl")) {
                    write(federation + ".ttl", "text/turtle", out -> store.exportGraph(iris.federationGraph(federation),
                            StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS)), false, null);
                    ttl++;
                }
            }
            t.lap(ttl + " of " + federationIds.size() + " .ttl");
            write("services.ndjson", "application/x-ndjson", out -> concatenate(itemParts, out), false, null);
            t.lap("services.ndjson");
            for (DumpFormat format : formats) {
                if (format instanceof PartedDumpFormat parted) {
                    // a part per federation, written again when its items were
                    List<Path> formatParts = new ArrayList<>();
                    int written = 0;
                    for (int i = 0; i < itemFederations.size(); i++) {
                        Path part = parts.resolve(partName(iris.federationGraph(itemFederations.get(i))) + "." + format.name() + ".part");
                        formatParts.add(part);
                        if (itemsWritten.contains(itemFederations.get(i)) || !Files.isRegularFile(part)) {
                            List<Path> items = List.of(itemParts.get(i));
                            writePartFile(part, out -> parted.writePart(out, action -> readItems(items, action)));
                            written++;
                        }
                    }
                    deleteOtherParts(parts, "." + format.name() + ".part", formatParts);
                    write(format.name(), format.mediaType(), out -> parted.join(out, formatParts), false, null);
                    t.lap(format.name() + " (" + written + " of " + formatParts.size() + " parts)");
                } else {
                    write(format.name(), format.mediaType(), out -> format.write(out, action -> readItems(itemParts, action)), false, null);
                    t.lap(format.name());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dumps in " + dir, e);
        }
        LOG.info("Dumps rebuilt {}", t);
    }

    private static void concatenate(List<Path> parts, OutputStream out) throws IOException {
        for (Path part : parts) {
            Files.copy(part, out);
        }
    }

    /** Deletes the parts ending in {@code suffix} that are not {@code keep} (a graph gone, a part left half-written); whether any was. */
    private static boolean deleteOtherParts(Path parts, String suffix, List<Path> keep) throws IOException {
        boolean deleted = false;
        try (var files = Files.list(parts)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if ((name.endsWith(suffix) || name.endsWith(suffix + ".tmp")) && !keep.contains(f)) {
                    deleted |= Files.deleteIfExists(f);
                }
            }
        }
        return deleted;
    }

    /** The published items of a federation's services, a JSON line each in URI order. */
    private void writeItemsPart(Path part, String federation) throws IOException {
        writePartFile(part, out -> catalog.forEachItemOf(federation, item -> {
            try {
                out.write(item.toString().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** Writes a part beside it and moves it into place. */
    private static void writePartFile(Path part, Body body) throws IOException {
        Path tmp = part.resolveSibling(part.getFileName() + ".tmp");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, part, StandardCopyOption.REPLACE_EXISTING);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Passes every item of the NDJSON parts, in their order, to {@code action}. */
    private static void readItems(List<Path> parts, java.util.function.Consumer<ObjectNode> action) {
        for (Path part : parts) {
            try (var lines = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    action.accept((ObjectNode) JSON.readTree(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the dump part " + part, e);
            }
        }
    }

    /** A part's file name: a digest of the graph IRI (any IRI, a safe and fixed-length name). */
    private static String partName(String graphIri) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(graphIri.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Exports one named graph as one gzip member of N-Quads, written beside the part and moved into place; whether
     * it differs from the part it replaces (or there was none).
     */
    private boolean writePart(Path part, String graphIri) throws IOException {
        Path tmp = part.resolveSibling(part.getFileName() + ".tmp");
        org.apache.jena.graph.Node graph = org.apache.jena.graph.NodeFactory.createURI(graphIri);
        try (OutputStream out = new GZIPOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 16)) {
            StreamRDF quads = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
            store.exportGraph(graphIri, new org.apache.jena.riot.system.StreamRDFWrapper(quads) {
                @Override
                public void triple(org.apache.jena.graph.Triple triple) {
                    quads.quad(org.apache.jena.sparql.core.Quad.create(graph, triple));
                }
            });
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        boolean differs = !Files.isRegularFile(part) || Files.mismatch(tmp, part) != -1;
        Files.move(tmp, part, StandardCopyOption.REPLACE_EXISTING);
        return differs;
    }

    /** Wall and CPU time of each step of a rebuild, for the log. */
    private static final class Timings {
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private final long wall0 = System.nanoTime();
        private final long cpu0 = cpu();
        private long wall = wall0;
        private long cpu = cpu0;
        private final StringBuilder steps = new StringBuilder();

        private long cpu() {
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        }

        void lap(String step) {
            long w = System.nanoTime();
            long c = cpu();
            steps.append(steps.isEmpty() ? "" : ", ").append(step).append(' ')
                    .append(TimeUnit.NANOSECONDS.toMillis(w - wall)).append(" ms (CPU ")
                    .append(TimeUnit.NANOSECONDS.toMillis(c - cpu)).append(" ms)");
            wall = w;
            cpu = c;
        }

        @Override
        public String toString() {
            return "in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wall0) + " ms (CPU "
                    + TimeUnit.NANOSECONDS.toMillis(cpu() - cpu0) + " ms): " + steps;
        }
    }

    /**
     * Lists the dump files already in the folder (from the last run of the hub), with their size and SHA-256,
     * so they are served at once while a rebuild runs in the background.
     */
    public void loadExisting() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Map<String, String[]> known = readDigests();
        boolean hashed = false;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                    continue;
                }
                if (name.startsWith(".")) {
                    continue; // the hub's own notes (.stale, .digests): not dumps
                }
                long size = Files.size(f);
                java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(f);
                String[] k = known.get(name);
                String sha256;
                if (k != null && k[0].equals(Long.toString(size)) && k[1].equals(Long.toString(time.toMillis()))) {
                    sha256 = k[2]; // the file is as the hub wrote it: its digest is known
                } else {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    try (var in = new java.security.DigestInputStream(Files.newInputStream(f), sha)) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                    sha256 = HexFormat.of().formatHex(sha.digest());
                    hashed = true;
                }
                String type = name.endsWith(".nq.gz") ? "application/gzip" : name.endsWith(".ttl") ? "text/turtle"
                        : name.endsWith(".ndjson") ? "application/x-ndjson" : name.endsWith(".zip") ? "application/zip"
                        : "application/octet-stream";
                current.put(name, new DumpInfo(name, type, size, sha256, time.toInstant()));
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            LOG.warn("Cannot list the existing dumps in {}; they are rebuilt", dir, e);
        }
        if (hashed) {
            saveDigests();
        }
    }

    /** {@code .digests}: name -> [size, modification time (ms), SHA-256]; empty when there is none or it is unreadable. */
    private Map<String, String[]> readDigests() {
        Map<String, String[]> out = new java.util.HashMap<>();
        Path file = dir.resolve(DIGESTS);
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t");
                if (p.length == 4) {
                    out.put(p[0], new String[]{p[1], p[2], p[3]});
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read {}; the dumps are hashed again", file, e);
        }
        return out;
    }

    /** Writes {@code .digests} for the current dumps (beside them, moved into place). */
    private void saveDigests() {
        StringBuilder b = new StringBuilder();
        for (DumpInfo d : list()) {
            try {
                Path f = dir.resolve(d.name());
                b.append(d.name()).append('\t').append(Files.size(f)).append('\t')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\t').append(d.sha256()).append('\n');
            } catch (IOException e) {
                // gone meanwhile: left out, so it is hashed again if it comes back
            }
        }
        try {
            Path tmp = dir.resolve(DIGESTS + ".tmp");
            Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(DIGESTS), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Cannot write the dump digests in {}; the next start hashes the dumps again", dir, e);
        }
    }

    /** The dumps as they are now, by name. */
    public List<DumpInfo> list() {
        List<DumpInfo> out = new ArrayList<>(current.values());
        out.sort(java.util.Comparator.comparing(DumpInfo::name));
        return out;
    }

    /** A dump's file, if it is one of the current dumps (nothing else under the folder is ever served). */
    public Optional<Path> file(String name) {
        return Optional.ofNullable(current.get(name)).map(d -> dir.resolve(d.name()));
    }

    public Optional<DumpInfo> info(String name) {
        return Optional.ofNullable(current.get(name));
    }

    /** @param listedType the media type to list instead of {@code mediaType} (null: {@code mediaType}) */
    private void write(String name, String mediaType, Body body, boolean gzip, String listedType) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream file = new DigestOutputStream(Files.newOutputStream(tmp), sha);
             OutputStream out = gzip ? new GZIPOutputStream(file) : file) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            // a full disk: the half-written file goes, so it holds no space the rest of the hub needs
            Files.deleteIfExists(tmp);
            throw e;
        }
        Path target = dir.resolve(name);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        current.put(name, new DumpInfo(name, listedType != null ? listedType : gzip ? "application/gzip" : mediaType, Files.size(target),
                HexFormat.of().formatHex(sha.digest()), Instant.now()));
        saveDigests(); // after each file: a rebuild cut short by a stop leaves the digests true to the files
    }

    /** Stops the writer: a waiting rebuild is dropped, a running one is let finish (at most a minute). */
    @Override
    public void close() {
        closed = true;
        writer.shutdown(); // no interrupt: an interrupted TDB2 read would close the dataset's file channels
        try {
            if (!writer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("The dump writer did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

}
