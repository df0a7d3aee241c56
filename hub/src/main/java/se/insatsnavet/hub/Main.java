package se.insatsnavet.hub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Command line of {@code insatsnavet.jar}: starts the hub.
 *
 * <pre>
 * java -jar insatsnavet.jar [--port 8080] [--host 0.0.0.0] [--data ./data] [--federations DIR]
 *                           [--base-uri http://localhost:8080/] [--jdbc-url URL --jdbc-user U]  (password:
 *                           INSATSNAVET_JDBC_PASSWORD)
 *                           [--no-import-on-start] [--cluster --cluster-host H --cluster-port N
 *                           --cluster-members host:port,…]
 * </pre>
 * Stops cleanly on SIGTERM / Ctrl-C: HTTP server, import routes, database and dataset are closed in order.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    /** The environment variable holding the password of {@code --jdbc-url}'s database (unless --jdbc-password). */
    static final String JDBC_PASSWORD_VARIABLE = "INSATSNAVET_JDBC_PASSWORD";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(RestoreCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("reindex")) {
            System.exit(ReindexCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        HubOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("insatsnavet: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        Hub hub = Hub.start(options).toCompletionStage().toCompletableFuture().get();
        LOG.info("Insatsnavet serves on http://localhost:{}/ (data in {})", hub.port(), options.dataDir().toAbsolutePath());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Insatsnavet");
            try {
                hub.stop().get(Hub.stopGrace().toSeconds() + 90, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Unclean stop", e);
            }
            stopped.countDown();
        }, "insatsnavet-shutdown"));
        stopped.await();
    }

    static HubOptions parse(String[] args) {
        return parse(args, System::getenv);
    }

    /** The options of {@code args}, passwords not given there read from {@code environment}. */
    static HubOptions parse(String[] args, Function<String, String> environment) {
        HubOptions o = HubOptions.defaults(Path.of("data"));
        boolean baseGiven = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> o = o.withPort(Integer.parseInt(value(args, ++i, a)));
                case "--host" -> o = o.withHost(value(args, ++i, a));
                case "--data" -> {
                    HubOptions d = HubOptions.defaults(Path.of(value(args, ++i, a)));
                    o = new HubOptions(o.port(), o.host(), d.dataDir(), o.federations(), o.baseUri(), o.jdbcUrl(),
                            o.jdbcUser(), o.jdbcPassword(), o.importOnStart(), o.readRetries(), o.readRetryDelayMillis(),
                            o.fileWatchMillis(), o.peers(), o.sparqlStore(), o.cluster(), o.examples());
                }
                case "--federations" -> o = o.withFederations(Path.of(value(args, ++i, a))).withExamples(o.examples());
                case "--no-examples" -> o = o.withExamples(false);
                case "--base-uri" -> {
                    o = o.withBaseUri(value(args, ++i, a));
                    baseGiven = true;
                }
                case "--jdbc-url" -> o = o.withDatabase(value(args, ++i, a), o.jdbcUser(), o.jdbcPassword());
                case "--jdbc-user" -> o = o.withDatabase(o.jdbcUrl(), value(args, ++i, a), o.jdbcPassword());
                case "--jdbc-password" -> o = o.withDatabase(o.jdbcUrl(), o.jdbcUser(), value(args, ++i, a));
                case "--no-import-on-start" -> o = o.withImportOnStart(false);
                case "--sparql-store" -> o = o.withSparqlStore(new HubOptions.SparqlStore(value(args, ++i, a),
                        o.sparqlStore() == null ? null : o.sparqlStore().user(),
                        o.sparqlStore() == null ? null : o.sparqlStore().password()));
                case "--sparql-user" -> o = o.withSparqlStore(new HubOptions.SparqlStore(
                        o.sparqlStore() == null ? "" : o.sparqlStore().url(), value(args, ++i, a),
                        o.sparqlStore() == null ? null : o.sparqlStore().password()));
                case "--peer" -> {
                    List<String> peers = new ArrayList<>(o.peers());
                    peers.add(value(args, ++i, a));
                    o = o.withPeers(peers);
                }
                case "--cluster" -> o = o.withCluster(o.cluster().withEnabled(true));
                case "--cluster-host" -> o = o.withCluster(o.cluster().withEnabled(true).withHost(value(args, ++i, a)));
                case "--cluster-port" -> o = o.withCluster(o.cluster().withEnabled(true).withPort(Integer.parseInt(value(args, ++i, a))));
                case "--cluster-bus-port" -> o = o.withCluster(o.cluster().withEnabled(true).withBusPort(Integer.parseInt(value(args, ++i, a))));
                case "--cluster-members" -> o = o.withCluster(o.cluster().withEnabled(true).withMembers(
                        Arrays.stream(value(args, ++i, a).split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList()));
                case "--help", "-h" -> {
                    System.out.println(usage());
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.jdbcUrl() != null && o.jdbcPassword() == null) {
            // like the SPARQL store's: from the environment, so that it shows in no process listing
            o = o.withDatabase(o.jdbcUrl(), o.jdbcUser(), environment.apply(JDBC_PASSWORD_VARIABLE));
        }
        if (o.sparqlStore() != null) {
            if (o.sparqlStore().url().isEmpty()) {
                throw new IllegalArgumentException("--sparql-user needs --sparql-store URL");
            }
            if (o.sparqlStore().user() != null && o.sparqlStore().password() == null) {
                // the password is read from the environment, so it shows in no process listing
                o = o.withSparqlStore(new HubOptions.SparqlStore(o.sparqlStore().url(), o.sparqlStore().user(),
                        environment.apply("INSATSNAVET_SPARQL_PASSWORD")));
            }
        }
        if (!baseGiven) {
            o = o.withBaseUri("http://localhost:" + (o.port() == 0 ? HubOptions.DEFAULT_PORT : o.port()) + "/");
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static String usage() {
        return """
                usage: java -jar insatsnavet.jar [options]
                       java -jar insatsnavet.jar validate --federation path/to/federation.json [--plugins DIR]
                       java -jar insatsnavet.jar token create (--admin | --federation ID) --label TEXT DATABASE
                       java -jar insatsnavet.jar token list DATABASE
                       java -jar insatsnavet.jar token revoke ID DATABASE
                       (token DATABASE: the hub's own database options, as the hub runs with them: --data DIR
                        (default ./data) whose db/ already holds the hub's H2 database, or --jdbc-url URL
                        --jdbc-user U with the password in INSATSNAVET_JDBC_PASSWORD; without an existing hub
                        database the token commands refuse to run and create nothing)
                       java -jar insatsnavet.jar reindex [--data DIR] [--base-uri URI] [--sparql-store URL]   (hub stopped)
                       java -jar insatsnavet.jar restore --from BACKUP_DIR --data EMPTY_DIR
                       (backups: POST /admin/backup with an admin token, while the hub serves)
                  --port N              HTTP port (default 8080; 0 = any free port)
                  --host H              interface to bind (default 0.0.0.0)
                  --data DIR            data folder: H2 database, TDB2 dataset, plugins (default ./data)
                  --federations DIR     the watched folder of federation descriptors (<id>/federation.json or
                                        <id>.json; default: <data>/federations); added, changed or removed
                                        files take effect within seconds
                  --no-examples         do not run the bundled example federations (run by default besides the folder)
                  --base-uri URI        base of published IRIs (default http://localhost:<port>/)
                  --jdbc-url URL        operational database (default: H2 file in <data>/db); e.g. jdbc:postgresql://…
                  --jdbc-user U         database user; the password comes from INSATSNAVET_JDBC_PASSWORD
                                        (--jdbc-password P also works, but a command line shows in ps)
                  --no-import-on-start  do not poll sources at start (they still run on their schedules)
                  --sparql-store URL    keep the linked data in a remote SPARQL 1.1 store (a Fuseki dataset,
                                        e.g. http://host:3030/ds) instead of the embedded TDB2 in <data>/tdb2
                  --sparql-user U       HTTP user for the store; its password comes from INSATSNAVET_SPARQL_PASSWORD
                  --peer URL            a peer hub that network queries (/api/services?network=true) also ask (repeatable)
                  --cluster             join other hub nodes (Hazelcast; share --jdbc-url PostgreSQL and the linked-data store)
                  --cluster-host H      address this node binds and announces for the cluster (default 127.0.0.1)
                  --cluster-port N      Hazelcast member port (default 5701; the next free one if taken)
                  --cluster-members L   host:port,host:port,… of the other nodes (TCP-IP join; no multicast)
                  --cluster-bus-port N  event-bus port between nodes (default 0 = any free port)""";
    }
}
