package se.insatsnavet.hub;

import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.security.TokenStore;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code insatsnavet.jar token create|list|revoke}: manages write tokens in the hub's database (also while
 * the hub runs: the embedded H2 is opened in mixed mode). A new token's secret is printed once.
 *
 * <p>The command takes the hub's own database options: {@code --data DIR} (the hub's H2 database in
 * {@code DIR/db/}, which must already exist; {@code ./data} by default) or {@code --jdbc-url URL [--jdbc-user U]} (the database a hub, or a
 * cluster, was started with; the password from {@code INSATSNAVET_JDBC_PASSWORD}, or {@code --jdbc-password}).
 * With neither, or with a data folder that holds no hub database, it refuses (exit 2) and creates nothing:
 * a token written to a stray database would be refused by the hub.
 */
final class TokenCommand {

    static final String DATABASE_OPTIONS = "The token commands need the hub's database options, the same the hub runs with:\n"
            + "  --data DIR                      the hub's data folder, its H2 database in DIR/db/ (a hub alone), or\n"
            + "  --jdbc-url URL --jdbc-user U    the hub's (cluster's) database, e.g. jdbc:postgresql://…, with its\n"
            + "                                  password in the environment variable INSATSNAVET_JDBC_PASSWORD";

    private TokenCommand() {
    }

    /** Why these options name no existing hub database (null: they do); nothing is created to find out. */
    static String missingDatabase(HubOptions options, boolean dataGiven) {
        if (options.jdbcUrl() != null) {
            return null;
        }
        if (!Files.isDirectory(options.dataDir())) {
            return "no data folder " + options.dataDir().toAbsolutePath() + (dataGiven ? "" : " (the default, as neither"
                    + " --data DIR nor --jdbc-url URL was given)");
        }
        if (!Files.isRegularFile(options.h2DatabaseFile())) {
            return options.dataDir().toAbsolutePath() + " holds no hub database (" + options.dataDir().relativize(
                    options.h2DatabaseFile()) + "): start the hub with it once, or give the database of a hub that"
                    + " keeps it elsewhere (PostgreSQL) with --jdbc-url";
        }
        return null;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System::getenv);
    }

    /** The command, with the database password (unless {@code --jdbc-password}) read from {@code environment}. */
    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
        if (args.length == 0) {
            err.println(Main.usage());
            return 2;
        }
        String action = args[0];
        String federation = null;
        String label = null;
        boolean admin = false;
        List<String> rest = new ArrayList<>();
        List<String> hubArgs = new ArrayList<>();
        for (int i = action.equals("--help") || action.equals("-h") ? 0 : 1; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.println(Main.usage());
                    out.println(DATABASE_OPTIONS);
                    return 0;
                }
                case "--admin" -> admin = true;
                case "--federation" -> federation = i + 1 < args.length ? args[++i] : null;
                case "--label" -> label = i + 1 < args.length ? args[++i] : null;
                case "--data", "--jdbc-url", "--jdbc-user", "--jdbc-password" -> {
                    hubArgs.add(args[i]);
                    if (i + 1 < args.length) {
                        hubArgs.add(args[++i]);
                    }
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        err.println("insatsnavet token: unknown option " + args[i]);
                        err.println(Main.usage());
                        return 2;
                    }
                    rest.add(args[i]);
                }
            }
        }
        if (!action.equals("revoke") && !rest.isEmpty()) {
            err.println("insatsnavet token " + action + ": unexpected argument " + rest.get(0));
            return 2;
        }
        HubOptions options;
        try {
            options = Main.parse(hubArgs.toArray(String[]::new), environment);
        } catch (IllegalArgumentException e) {
            err.println("insatsnavet token: " + e.getMessage());
            return 2;
        }
        String usageProblem = switch (action) {
            case "create" -> admin == (federation != null) || label == null || label.isBlank()
                    ? "token create needs exactly one of --admin or --federation ID, and --label TEXT"
                    : federation != null && !federation.matches("[a-z0-9]+(-[a-z0-9]+)*") ? "not a federation id: " + federation : null;
            case "list" -> null;
            case "revoke" -> rest.size() != 1 || !rest.get(0).matches("\\d+") ? "token revoke needs the token's id (see token list)" : null;
            default -> "unknown token action '" + action + "'\n" + Main.usage();
        };
        if (usageProblem != null) {
            err.println(usageProblem);
            return 2;
        }
        String missing = missingDatabase(options, hubArgs.contains("--data"));
        if (missing != null) {
            err.println("insatsnavet token: " + missing);
            err.println(DATABASE_OPTIONS);
            return 2;
        }
        Database db;
        try {
            db = Database.open(options.effectiveJdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        } catch (RuntimeException e) {
            err.println("insatsnavet token: cannot open the database " + options.effectiveJdbcUrl() + ": " + rootMessage(e)
                    + (options.jdbcUrl() != null && options.jdbcPassword() == null ? " (no password: set " + Main.JDBC_PASSWORD_VARIABLE + ")" : ""));
            return 1;
        }
        try (db) {
            TokenStore tokens = new TokenStore(db);
            switch (action) {
                case "create" -> {
                    TokenStore.NewToken token = tokens.create(federation, label);
                    out.println("Token " + token.id() + " (" + (admin ? "admin" : "federation " + federation) + "): " + token.secret());
                    out.println("Keep it now: only its hash is stored.");
                    return 0;
                }
                case "list" -> {
                    out.printf("%-5s %-10s %-28s %-25s %s%n", "id", "scope", "federation", "created", "label / revoked");
                    for (TokenStore.TokenInfo t : tokens.list()) {
                        out.printf("%-5d %-10s %-28s %-25s %s%s%n", t.id(), t.scope(), t.federationId() == null ? "-" : t.federationId(),
                                t.createdAt(), t.label(), t.revokedAt() == null ? "" : " (revoked " + t.revokedAt() + ")");
                    }
                    return 0;
                }
                default -> {
                    boolean revoked = tokens.revoke(Long.parseLong(rest.get(0)));
                    (revoked ? out : err).println(revoked ? "Revoked token " + rest.get(0) : "No active token " + rest.get(0));
                    return revoked ? 0 : 1;
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
