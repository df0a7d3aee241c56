package se.insatsnavet.hub;

import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.security.TokenStore;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code insatsnavet.jar token create|list|revoke}: manages write tokens in the hub's database (also while
 * the hub runs: the embedded H2 is opened in mixed mode). A new token's secret is printed once.
 */
final class TokenCommand {

    private TokenCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
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
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--admin" -> admin = true;
                case "--federation" -> federation = i + 1 < args.length ? args[++i] : null;
                case "--label" -> label = i + 1 < args.length ? args[++i] : null;
                case "--data", "--jdbc-url", "--jdbc-user", "--jdbc-password" -> {
                    hubArgs.add(args[i]);
                    if (i + 1 < args.length) {
                        hubArgs.add(args[++i]);
                    }
                }
                default -> rest.add(args[i]);
            }
        }
        HubOptions options;
        try {
            options = Main.parse(hubArgs.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            err.println("insatsnavet token: " + e.getMessage());
            return 2;
        }
        try (Database db = Database.open(options.effectiveJdbcUrl(), options.jdbcUser(), options.jdbcPassword())) {
            TokenStore tokens = new TokenStore(db);
            switch (action) {
                case "create" -> {
                    if (admin == (federation != null) || label == null || label.isBlank()) {
                        err.println("token create needs exactly one of --admin or --federation ID, and --label TEXT");
                        return 2;
                    }
                    if (federation != null && !federation.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                        err.println("not a federation id: " + federation);
                        return 2;
                    }
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
                case "revoke" -> {
                    if (rest.size() != 1 || !rest.get(0).matches("\\d+")) {
                        err.println("token revoke needs the token's id (see token list)");
                        return 2;
                    }
                    boolean revoked = tokens.revoke(Long.parseLong(rest.get(0)));
                    (revoked ? out : err).println(revoked ? "Revoked token " + rest.get(0) : "No active token " + rest.get(0));
                    return revoked ? 0 : 1;
                }
                default -> {
                    err.println("unknown token action '" + action + "'");
                    err.println(Main.usage());
                    return 2;
                }
            }
        }
    }
}
