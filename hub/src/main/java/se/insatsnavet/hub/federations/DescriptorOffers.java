package se.insatsnavet.hub.federations;

import se.insatsnavet.connectors.descriptor.DescriptorException;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.federations.FederationRegistry.Origin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The descriptors offered to the hub, from its three sources: the bundled examples, the operator's folder
 * ({@code <id>/federation.json} or {@code <id>.json}, as {@link DescriptorLoader#loadAll} reads it) and the admin
 * API (the database, each copied to {@code <apiDir>/<id>/federation.json} to be loaded like any file). Each file is
 * loaded, i.e. validated as {@code validate} validates a descriptor (JSON Schema, fields, local source files), only
 * when its bytes changed. A folder file is taken only once it read the same on two scans in a row (never half
 * written; an editor's save that replaces the file is not a removal). Not thread-safe: one scanner calls it.
 */
public final class DescriptorOffers {

    /** One descriptor offered for a federation: loaded, or refused with every problem. */
    public record Offer(String id, Origin origin, String file, String sha256, FederationDescriptor descriptor, List<String> errors) {
        public Offer {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return descriptor != null;
        }

        Offer refused(String why) {
            return new Offer(id, origin, file, sha256, null, List.of(why));
        }
    }

    private final DescriptorLoader loader = new DescriptorLoader();
    private final Path examples;
    private final Path folder;
    private final FederationDescriptorRepository api;
    private final Path apiDir;
    private final Map<Path, Offer> settled = new HashMap<>();
    private Map<Path, String> seenInFolder = Map.of();

    /**
     * @param examples the extracted bundled examples (null: none)
     * @param folder   the operator's folder (null: none)
     * @param api      the admin API's descriptors (null: none)
     * @param apiDir   where those are copied to be loaded
     */
    public DescriptorOffers(Path examples, Path folder, FederationDescriptorRepository api, Path apiDir) {
        this.examples = examples == null ? null : examples.toAbsolutePath().normalize();
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.api = api;
        this.apiDir = apiDir.toAbsolutePath().normalize();
    }

    /** The operator's folder (null: none). */
    public Path folder() {
        return folder;
    }

    /**
     * Every offer now, by federation id, highest precedence first (API, folder, example). Blocking.
     *
     * @param atOnce take the folder's files as they are (at start), not only once they read the same twice
     */
    public Map<String, List<Offer>> scan(boolean atOnce) {
        Map<String, List<Offer>> byId = new TreeMap<>();
        List<Offer> all = new ArrayList<>();
        all.addAll(apiOffers());
        all.addAll(unique(folder == null ? List.of() : folderOffers(atOnce)));
        all.addAll(unique(examples == null ? List.of() : files(examples, Origin.EXAMPLE)));
        for (Offer offer : all) {
            byId.computeIfAbsent(offer.id(), k -> new ArrayList<>()).add(offer);
        }
        return byId;
    }

    /** Loads a descriptor sent to the API (copied to its own folder first) without storing it anywhere else. */
    public Offer load(String id, String json) {
        Path file = apiFile(id);
        try {
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling("federation.json." + UUID.randomUUID() + ".part");
            try {
                Files.writeString(part, json, StandardCharsets.UTF_8);
                return offer(id, Origin.API, part, sha256(json.getBytes(StandardCharsets.UTF_8)), shown(Origin.API, file));
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The folder an API descriptor of {@code id} is loaded from. */
    Path apiFile(String id) {
        return apiDir.resolve(id).resolve(DescriptorLoader.DESCRIPTOR_FILE);
    }

    private List<Offer> apiOffers() {
        if (api == null) {
            return List.of();
        }
        List<Offer> out = new ArrayList<>();
        Map<String, String> hashes = api.hashes();
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            Path file = apiFile(e.getKey());
            Offer known = settled.get(file);
            if (known == null || !known.sha256().equals(e.getValue())) {
                api.get(e.getKey()).ifPresent(stored -> {
                    try {
                        Files.createDirectories(file.getParent());
                        Path part = file.resolveSibling("federation.json.part");
                        Files.writeString(part, stored.descriptor(), StandardCharsets.UTF_8);
                        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException ex) {
                        throw new UncheckedIOException("Cannot write " + file, ex);
                    }
                    settled.put(file, offer(e.getKey(), Origin.API, file, stored.sha256(), shown(Origin.API, file)));
                });
            }
            if (settled.containsKey(file)) {
                out.add(settled.get(file));
            }
        }
        settled.keySet().removeIf(p -> p.startsWith(apiDir) && !hashes.containsKey(p.getParent().getFileName().toString()));
        return out;
    }

    /** The folder's files, each as it stood on the last two scans (a file that changed in between: as before). */
    private List<Offer> folderOffers(boolean atOnce) {
        Map<Path, String> now = new HashMap<>();
        Map<Path, byte[]> bytes = new HashMap<>();
        for (Path file : descriptorFiles(folder)) {
            try {
                byte[] b = Files.readAllBytes(file);
                bytes.put(file, b);
                now.put(file, sha256(b));
            } catch (NoSuchFileException gone) {
                // removed between listing and reading: seen as missing
            } catch (IOException e) {
                now.put(file, "unreadable: " + e.getMessage());
            }
        }
        List<Path> known = new ArrayList<>(now.keySet());
        settled.keySet().stream().filter(p -> p.startsWith(folder) && !now.containsKey(p)).forEach(known::add);
        for (Path file : known) {
            String sha = now.get(file);
            if (!atOnce && !Objects.equals(sha, seenInFolder.get(file))) {
                continue; // changed since the last scan: wait for it to settle
            }
            if (sha == null) {
                settled.remove(file);
            } else if (settled.get(file) == null || !settled.get(file).sha256().equals(sha)) {
                settled.put(file, offer(idOf(folder, file), Origin.FOLDER, file, sha, shown(Origin.FOLDER, file)));
            }
        }
        seenInFolder = now;
        return settled.entrySet().stream().filter(e -> e.getKey().startsWith(folder))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    private List<Offer> files(Path dir, Origin origin) {
        List<Offer> out = new ArrayList<>();
        for (Path file : descriptorFiles(dir)) {
            Offer known = settled.get(file);
            if (known == null) {
                try {
                    known = offer(idOf(dir, file), origin, file, sha256(Files.readAllBytes(file)), shown(origin, file));
                } catch (IOException e) {
                    known = new Offer(idOf(dir, file), origin, shown(origin, file), "", null, List.of("(document): cannot read: " + e));
                }
                settled.put(file, known);
            }
            out.add(known);
        }
        return out;
    }

    /** A second file of the same origin defining an id already defined is refused, as {@code loadAll} does. */
    private static List<Offer> unique(List<Offer> offers) {
        Map<String, Offer> first = new LinkedHashMap<>();
        List<Offer> out = new ArrayList<>();
        for (Offer o : offers.stream().sorted(Comparator.comparing(Offer::file)).toList()) {
            Offer earlier = first.putIfAbsent(o.id(), o);
            out.add(earlier == null ? o : o.refused("id: federation id '" + o.id() + "' is already defined by " + earlier.file()));
        }
        return out;
    }

    private Offer offer(String fallbackId, Origin origin, Path file, String sha, String shownAs) {
        try {
            FederationDescriptor d = loader.load(file);
            if (origin == Origin.API) {
                d = withFile(d, apiFile(d.id()));
            }
            return new Offer(d.id(), origin, shownAs, sha, d, List.of());
        } catch (DescriptorException e) {
            return new Offer(fallbackId, origin, shownAs, sha, null, e.problems());
        }
    }

    /** How a descriptor file is named in answers and logs: within its source, never the server's full path. */
    private String shown(Origin origin, Path file) {
        Path base = switch (origin) {
            case API -> apiDir;
            case FOLDER -> folder;
            case EXAMPLE -> examples;
        };
        return origin.label() + ":" + base.relativize(file).toString().replace('\\', '/');
    }

    private static FederationDescriptor withFile(FederationDescriptor d, Path file) {
        return new FederationDescriptor(d.id(), d.name(), d.description(), d.homepage(), d.contact(), d.members(),
                d.municipalities(), d.sources(), file, d.linkCheck(), d.indicators());
    }

    /** The federation id a file stands for by its name: {@code <id>/federation.json} or {@code <id>.json}. */
    static String idOf(Path dir, Path file) {
        String name = file.getFileName().toString();
        return name.equals(DescriptorLoader.DESCRIPTOR_FILE) ? file.getParent().getFileName().toString()
                : name.substring(0, name.length() - ".json".length());
    }

    /** {@code <dir>/*}{@code /federation.json} and {@code <dir>/*.json}, as {@link DescriptorLoader#loadAll} reads them. */
    private static List<Path> descriptorFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.toAbsolutePath().normalize())) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    Path descriptor = entry.resolve(DescriptorLoader.DESCRIPTOR_FILE);
                    if (Files.isRegularFile(descriptor)) {
                        files.add(descriptor);
                    }
                } else if (entry.getFileName().toString().endsWith(".json") && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the federations folder " + dir, e);
        }
        files.sort(null);
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
