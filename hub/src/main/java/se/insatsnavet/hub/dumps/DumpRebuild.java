package se.insatsnavet.hub.dumps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * One rebuild of the dumps: the parts per graph ({@link Dumps#PARTS}: N-Quads per named graph, the NDJSON items of
 * each federation, a part per federation of each {@link PartedDumpFormat}), exported again only where they may have
 * changed, all from one read transaction; then the dumps written from them ({@code catalogue.nq.gz},
 * {@code services.ndjson}, the further formats) and the Turtle dump of each changed federation, through
 * {@link DumpFiles}.
 */
final class DumpRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(DumpRebuild.class);

    private final Path dir;
    private final CatalogStore store;
    private final ServiceCatalog catalog;
    private final HubIris iris;
    private final List<DumpFormat> formats;
    private final DumpFiles files;

    DumpRebuild(Path dir, CatalogStore store, ServiceCatalog catalog, HubIris iris, List<DumpFormat> formats, DumpFiles files) {
        this.dir = dir;
        this.store = store;
        this.catalog = catalog;
        this.iris = iris;
        this.formats = formats;
        this.files = files;
    }

    /**
     * Rebuilds the dumps now (blocking); see {@link Dumps#rebuild(Collection, Set)}.
     *
     * @param changed the federations whose graphs changed; null for any (all are exported again)
     */
    void rebuild(Collection<String> federationIds, Set<String> changed) {
        RebuildTimings t = new RebuildTimings();
        try {
            Files.createDirectories(dir);
            Path parts = dir.resolve(Dumps.PARTS);
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
                    for (String graph : new TreeSet<>(store.graphNames())) {
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
            files.write("catalogue.nq.gz", "application/n-quads", out -> concatenate(catalogueParts, out), false, "application/gzip");
            t.lap("catalogue.nq.gz");
            int ttl = 0;
            for (String federation : federationIds) {
                if (changed == null || changed.contains(federation) || !files.has(federation + ".ttl")) {
                    files.write(federation + ".ttl", "text/turtle", out -> store.exportGraph(iris.federationGraph(federation),
                            StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS)), false, null);
                    ttl++;
                }
            }
            t.lap(ttl + " of " + federationIds.size() + " .ttl");
            files.write("services.ndjson", "application/x-ndjson", out -> concatenate(itemParts, out), false, null);
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
                    files.write(format.name(), format.mediaType(), out -> parted.join(out, formatParts), false, null);
                    t.lap(format.name() + " (" + written + " of " + formatParts.size() + " parts)");
                } else {
                    files.write(format.name(), format.mediaType(), out -> format.write(out, action -> readItems(itemParts, action)), false, null);
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
    private static void writePartFile(Path part, DumpFiles.Body body) throws IOException {
        Path tmp = part.resolveSibling(part.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, part, StandardCopyOption.REPLACE_EXISTING);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Passes every item of the NDJSON parts, in their order, to {@code action}. */
    private static void readItems(List<Path> parts, Consumer<ObjectNode> action) {
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
        Node graph = NodeFactory.createURI(graphIri);
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 16)) {
            StreamRDF quads = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
            store.exportGraph(graphIri, new StreamRDFWrapper(quads) {
                @Override
                public void triple(Triple triple) {
                    quads.quad(Quad.create(graph, triple));
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
}
