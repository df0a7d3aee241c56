package se.insatsnavet.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.apache.camel.CamelContext;
import se.insatsnavet.hub.changes.ChangeLog;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunRepository;
import se.insatsnavet.hub.ops.Metrics;
import se.insatsnavet.hub.ops.StartSteps;
import se.insatsnavet.hub.security.AuditLog;
import se.insatsnavet.hub.security.TokenStore;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every {@link HubModule} is given: the shared engines the hub opened before any module starts, and a
 * small typed registry through which one module hands another what it built ({@link #put}, {@link #get}), so
 * that modules never reach into each other's fields.
 */
public final class HubContext {

    /** The shared engines, opened by the hub in this order before the modules start. */
    public record Engines(Vertx vertx, HubOptions options, HubIris iris, Metrics metrics, StartSteps steps,
                          HazelcastClusterManager clusterManager, Database database, RunRepository runs,
                          TokenStore tokens, AuditLog audit, ChangeLog changeLog, CatalogStore store, ServiceRdf rdf,
                          ServiceCatalog catalog, ArticleCatalog articleCatalog, Vocabulary vocabulary,
                          ImportService imports, CamelContext camel) {
    }

    private final Engines engines;
    private final CompletableFuture<Void> camelStarted;
    private final long logAtStart;
    private final Future<Integer> publishedAtStart;
    private volatile boolean changedAtStart;
    private final Map<Class<?>, Object> parts = new ConcurrentHashMap<>();

    HubContext(Engines engines, CompletableFuture<Void> camelStarted, long logAtStart, Future<Integer> publishedAtStart,
               boolean changedAtStart) {
        this.engines = engines;
        this.camelStarted = camelStarted;
        this.logAtStart = logAtStart;
        this.publishedAtStart = publishedAtStart;
        this.changedAtStart = changedAtStart;
    }

    /** Publishes a part for other modules (once per type). */
    public <T> void put(Class<T> type, T part) {
        Object before = parts.putIfAbsent(type, Objects.requireNonNull(part, type.getName()));
        if (before != null) {
            throw new IllegalStateException("A " + type.getName() + " was already published");
        }
    }

    /** A part another module published before (an earlier module in the list). */
    public <T> T get(Class<T> type) {
        return find(type).orElseThrow(() -> new IllegalStateException("No module published a " + type.getName()));
    }

    /** A part, if some module published it. */
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(parts.get(type)));
    }

    public Vertx vertx() {
        return engines.vertx();
    }

    public HubOptions options() {
        return engines.options();
    }

    public HubIris iris() {
        return engines.iris();
    }

    public Metrics metrics() {
        return engines.metrics();
    }

    /** The start's step timings: a module that is a step of its own ends it ({@code steps().done("dumps")}). */
    public StartSteps steps() {
        return engines.steps();
    }

    /** The cluster membership, or null when the hub runs alone. */
    public HazelcastClusterManager clusterManager() {
        return engines.clusterManager();
    }

    public Database database() {
        return engines.database();
    }

    public RunRepository runs() {
        return engines.runs();
    }

    public TokenStore tokens() {
        return engines.tokens();
    }

    public AuditLog audit() {
        return engines.audit();
    }

    public ChangeLog changeLog() {
        return engines.changeLog();
    }

    public CatalogStore store() {
        return engines.store();
    }

    public ServiceRdf rdf() {
        return engines.rdf();
    }

    public ServiceCatalog catalog() {
        return engines.catalog();
    }

    public ArticleCatalog articleCatalog() {
        return engines.articleCatalog();
    }

    public Vocabulary vocabulary() {
        return engines.vocabulary();
    }

    public ImportService imports() {
        return engines.imports();
    }

    /** The Camel context of the import routes (not yet started while the modules start). */
    public CamelContext camel() {
        return engines.camel();
    }

    /** Completes once the import routes run (they start after the hub listens). */
    public CompletableFuture<Void> camelStarted() {
        return camelStarted;
    }

    /** Blocks until the import routes run, then the Camel context. */
    public CamelContext startedCamel() {
        camelStarted.join();
        return engines.camel();
    }

    /** The newest change-log entry when the hub started (before any module). */
    public long logAtStart() {
        return logAtStart;
    }

    /** The count of published services, read on a worker since the dataset opened. */
    public Future<Integer> publishedAtStart() {
        return publishedAtStart;
    }

    /** Records that this start changed what the dumps hold (they are rebuilt at start then). */
    public void changedAtStart(boolean changed) {
        changedAtStart |= changed;
    }

    /** Whether this start changed, or may have found behind, what the dumps hold. */
    public boolean changedAtStart() {
        return changedAtStart;
    }
}
