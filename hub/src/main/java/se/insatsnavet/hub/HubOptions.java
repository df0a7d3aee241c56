package se.insatsnavet.hub;

import se.insatsnavet.hub.cluster.ClusterOptions;
import se.insatsnavet.hub.store.CatalogStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How one hub runs: where it listens, where it keeps its data, where the federation descriptors are.
 *
 * @param port        HTTP port; 0 picks a free one (tests)
 * @param host        interface to bind
 * @param dataDir     holds the H2 database ({@code db/}), the TDB2 dataset ({@code tdb2/}) and plugins
 * @param federations the watched folder of the operator's federation descriptors ({@code <id>/federation.json}
 *                    or {@code <id>.json}); null = {@code <data>/federations/}
 * @param baseUri     base of every published IRI, ending in '/'
 * @param jdbcUrl     operational database; null = an H2 file in {@code <data>/db/}
 * @param jdbcUser    database user (may be null)
 * @param jdbcPassword database password (may be null)
 * @param importOnStart whether the federations' sources are polled as soon as the hub starts
 * @param readRetries   how often a failed source read is retried before the run is marked failed
 * @param readRetryDelayMillis delay before the first retry; it doubles with each further retry
 * @param fileWatchMillis how often file sources are checked for changes (a changed file is imported as soon as
 *                        its size and modification time stayed the same for one whole check, so never half-written);
 *                        0 turns the watch off; {@value #DEFAULT_FILE_WATCH_MILLIS} ms by default (a check is one
 *                        stat() of the file; it is read only when its size or modification time changed)
 * @param peers       base URLs of peer hubs (another region's, a national one) that network queries also ask
 * @param sparqlStore a remote SPARQL 1.1 store (Fuseki dataset) that holds the linked data instead of the
 *                    embedded TDB2 dataset in {@code <data>/tdb2/}; null = embedded TDB2
 * @param cluster     whether and how this hub joins other hub nodes (Hazelcast); {@link ClusterOptions#NONE}: alone
 * @param examples    whether the bundled example federations (extracted into {@code <data>/examples/}) run too
 */
public record HubOptions(int port, String host, Path dataDir, Path federations, String baseUri,
                         String jdbcUrl, String jdbcUser, String jdbcPassword, boolean importOnStart,
                         int readRetries, long readRetryDelayMillis, long fileWatchMillis, List<String> peers,
                         SparqlStore sparqlStore, ClusterOptions cluster, boolean examples) {

    public static final int DEFAULT_PORT = 8080;

    /** The options before the examples flag: the bundled examples run only when no folder is given. */
    public HubOptions(int port, String host, Path dataDir, Path federations, String baseUri,
                      String jdbcUrl, String jdbcUser, String jdbcPassword, boolean importOnStart,
                      int readRetries, long readRetryDelayMillis, long fileWatchMillis, List<String> peers,
                      SparqlStore sparqlStore, ClusterOptions cluster) {
        this(port, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart, readRetries,
                readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, federations == null);
    }

    /** Whether the bundled examples run besides the folder's federations (the command line: unless --no-examples). */
    public HubOptions withExamples(boolean flag) {
        return new HubOptions(port, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart,
                readRetries, readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, flag);
    }

    /** The watched folder of the operator's descriptors: {@link #federations()}, or {@code <data>/federations}. */
    public Path federationsFolder() {
        return federations != null ? federations : dataDir.resolve("federations");
    }

    public HubOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(baseUri, "baseUri");
        if (!baseUri.endsWith("/")) {
            baseUri = baseUri + "/";
        }
        if (host == null) {
            host = "0.0.0.0";
        }
        peers = peers == null ? List.of() : List.copyOf(peers);
        cluster = cluster == null ? ClusterOptions.NONE : cluster;
    }

    /** How often file sources are checked by default: a change is visible within about a second. */
    public static final long DEFAULT_FILE_WATCH_MILLIS = 100;

    /** Defaults for one machine: port 8080, bundled examples, H2 and TDB2 under {@code dataDir}. */
    public static HubOptions defaults(Path dataDir) {
        return new HubOptions(DEFAULT_PORT, "0.0.0.0", dataDir, null, "http://localhost:" + DEFAULT_PORT + "/",
                null, null, null, true, 3, 2_000, DEFAULT_FILE_WATCH_MILLIS, List.of(), null, ClusterOptions.NONE, true);
    }

    public HubOptions withPort(int newPort) {
        return new HubOptions(newPort, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart, readRetries, readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, examples);
    }

    public HubOptions withFederations(Path dir) {
        return new HubOptions(port, host, dataDir, dir, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart, readRetries, readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, dir == null);
    }

    public HubOptions withBaseUri(String uri) {
        return new HubOptions(port, host, dataDir, federations, uri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart, readRetries, readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, examples);
    }

    public HubOptions withHost(String newHost) {
        return new HubOptions(port, newHost, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart, readRetries, readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, examples);
    }

    public HubOptions withDatabase(String url, String user, String password) {
        return new HubOptions(port, host, dataDir, federations, baseUri, url, user, password, importOnStart, readRetries, readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, examples);
    }

    public HubOptions withImportOnStart(boolean flag) {
        return new HubOptions(port, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, flag, readRetries, readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, examples);
    }

    public HubOptions withReadRetries(int retries, long firstDelayMillis) {
        return new HubOptions(port, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart,
                retries, firstDelayMillis, fileWatchMillis, peers, sparqlStore, cluster, examples);
    }

    /** Checks file sources for changes every {@code millis} ms; 0 turns the watch off. */
    public HubOptions withFileWatch(long millis) {
        return new HubOptions(port, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart,
                readRetries, readRetryDelayMillis, millis, peers, sparqlStore, cluster, examples);
    }

    /**
     * A remote SPARQL 1.1 store: {@code url} is the dataset's URL (e.g. {@code http://host:3030/ds}), which
     * answers SPARQL queries, SPARQL updates and the Graph Store Protocol; {@code user}/{@code password} (HTTP
     * authentication) may be null.
     */
    public record SparqlStore(String url, String user, String password) {

        public SparqlStore {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return "SparqlStore[" + url + (user == null ? "" : ", user " + user) + "]";
        }
    }

    /** Keeps the linked data in a remote SPARQL store (null: the embedded TDB2 dataset). */
    public HubOptions withSparqlStore(SparqlStore store) {
        return new HubOptions(port, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart,
                readRetries, readRetryDelayMillis, fileWatchMillis, peers, store, cluster, examples);
    }

    /** Opens the store these options name: the remote SPARQL store, else TDB2 in {@link #tdb2Dir()}. Blocking. */
    public CatalogStore openStore() {
        return sparqlStore == null ? CatalogStore.openTdb2(tdb2Dir())
                : CatalogStore.remote(sparqlStore.url(), sparqlStore.user(), sparqlStore.password());
    }

    public Path tdb2Dir() {
        return dataDir.resolve("tdb2");
    }

    /** The options without the database password, which shows in no log or message. */
    @Override
    public String toString() {
        return "HubOptions[port=" + port + ", host=" + host + ", dataDir=" + dataDir + ", federations=" + federations
                + ", baseUri=" + baseUri + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser
                + (jdbcPassword == null ? "" : ", jdbcPassword=(set)") + ", importOnStart=" + importOnStart
                + ", readRetries=" + readRetries + ", readRetryDelayMillis=" + readRetryDelayMillis + ", fileWatchMillis="
                + fileWatchMillis + ", peers=" + peers + ", sparqlStore=" + sparqlStore + ", cluster=" + cluster + "]";
    }

    /** The file of the embedded H2 database that {@link #effectiveJdbcUrl()} names when no {@code jdbcUrl} is given. */
    public Path h2DatabaseFile() {
        return dataDir.resolve("db").resolve("insatsnavet.mv.db");
    }

    public String effectiveJdbcUrl() {
        return jdbcUrl != null ? jdbcUrl
                : "jdbc:h2:file:" + dataDir.resolve("db").resolve("insatsnavet").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    public HubOptions withPeers(List<String> urls) {
        return new HubOptions(port, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart, readRetries, readRetryDelayMillis, fileWatchMillis, urls, sparqlStore, cluster, examples);
    }

    /** Joins (or not) a cluster of hub nodes. */
    public HubOptions withCluster(ClusterOptions options) {
        return new HubOptions(port, host, dataDir, federations, baseUri, jdbcUrl, jdbcUser, jdbcPassword, importOnStart,
                readRetries, readRetryDelayMillis, fileWatchMillis, peers, sparqlStore, options);
    }
}
