package se.insatsnavet.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.db.Database;
import se.insatsnavet.hub.security.TokenStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token commands work on the hub's own database, named by the hub's database options (the password from
 * the environment), and refuse to run, creating nothing, when those options name no existing hub database.
 */
class TokenCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int token(Function<String, String> environment, String... args) {
        return TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    private int token(String... args) {
        return token(name -> null, args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    /** A data folder as a hub alone leaves it: its H2 database in db/. */
    private Path hubDataFolder() {
        Path data = dir.resolve("data");
        Database.open(HubOptions.defaults(data).effectiveJdbcUrl(), null, null).close();
        return data;
    }

    @Test
    void aDataFolderThatDoesNotExistIsRefusedAndNotCreated() {
        Path nowhere = dir.resolve("nowhere");
        assertEquals(2, token("list", "--data", nowhere.toString()));
        assertTrue(errors().contains("no data folder " + nowhere.toAbsolutePath()), errors());
        assertTrue(errors().contains("--jdbc-url URL --jdbc-user U") && errors().contains("INSATSNAVET_JDBC_PASSWORD"), errors());
        assertEquals("", output());
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void aDataFolderWithoutTheHubsDatabaseIsRefusedAndNoStrayDatabaseIsCreated() throws IOException {
        Path data = Files.createDirectories(dir.resolve("node-data").resolve("plugins"));
        List<String> before = listing(dir);
        assertEquals(2, token("create", "--admin", "--label", "ops", "--data", data.getParent().toString()));
        assertTrue(errors().contains("holds no hub database (db/insatsnavet.mv.db)") && errors().contains("--jdbc-url"), errors());
        assertFalse(output().contains("insv_"), "no token printed: " + output());
        assertEquals(before, listing(dir));
    }

    @Test
    void withoutAnyDatabaseOptionTheDefaultDataFolderMustExist() {
        Path defaultData = Path.of("data");
        boolean existed = Files.exists(defaultData);
        int code = token("list");
        if (!existed) {
            assertEquals(2, code, errors());
            assertTrue(errors().contains("neither --data DIR nor --jdbc-url URL was given"), errors());
            assertFalse(Files.exists(defaultData), "no ./data created");
        } else {
            assertTrue(code == 0 || errors().contains("holds no hub database"), errors());
        }
    }

    @Test
    void theTokenCommandsWorkOnTheHubsDataFolderAndStoreOnlyHashes() {
        Path data = hubDataFolder();
        assertEquals(0, token("create", "--federation", "alfa", "--label", "Alfa IT", "--data", data.toString()), errors());
        String secret = output().replaceAll("(?s).*: (insv_\\S+).*", "$1");
        assertTrue(secret.startsWith("insv_"), output());
        out.reset();
        assertEquals(0, token("list", "--data", data.toString()), errors());
        assertTrue(output().contains("Alfa IT") && output().contains("alfa"), output());
        assertFalse(output().contains(secret), "the secret is never listed");
        assertEquals(0, token("revoke", "1", "--data", data.toString()), errors());
        assertEquals(1, token("revoke", "1", "--data", data.toString()));
        assertEquals(2, token("create", "--label", "nobody", "--data", data.toString()));
    }

    @Test
    void theDatabaseOfJdbcUrlIsUsedWithThePasswordFromTheEnvironment() {
        String url = "jdbc:h2:file:" + dir.resolve("shared").resolve("hub").toAbsolutePath();
        Database.open(url, "hub", "hemligt-ord").close(); // the database a cluster's nodes share
        Map<String, String> environment = Map.of(Main.JDBC_PASSWORD_VARIABLE, "hemligt-ord");
        assertEquals(0, token(environment::get, "create", "--admin", "--label", "Klustrets drift", "--jdbc-url", url,
                "--jdbc-user", "hub"), errors());
        assertTrue(output().contains("(admin): insv_"), output());
        try (Database db = Database.open(url, "hub", "hemligt-ord")) {
            List<TokenStore.TokenInfo> tokens = new TokenStore(db).list();
            assertEquals(1, tokens.size());
            assertEquals("Klustrets drift", tokens.get(0).label());
            assertNull(tokens.get(0).federationId());
        }
        // without the variable the database refuses the user, and the command says what is missing
        err.reset();
        assertEquals(1, token("list", "--jdbc-url", url, "--jdbc-user", "hub"));
        assertTrue(errors().contains("cannot open the database") && errors().contains("set INSATSNAVET_JDBC_PASSWORD"), errors());
    }

    @Test
    void anUnknownOptionOrArgumentIsAnError() {
        Path data = hubDataFolder();
        assertEquals(2, token("list", "--data", data.toString(), "--port", "8080"));
        assertTrue(errors().contains("unknown option --port") && errors().contains("usage:"), errors());
        err.reset();
        assertEquals(2, token("list", "extra", "--data", data.toString()));
        assertTrue(errors().contains("unexpected argument extra"), errors());
        err.reset();
        assertEquals(2, token("rotate", "--data", data.toString()));
        assertTrue(errors().contains("unknown token action 'rotate'"), errors());
    }

    @Test
    void theHubTakesTheDatabasePasswordFromTheEnvironmentUnlessGivenOnTheCommandLine() {
        Function<String, String> environment = Map.of(Main.JDBC_PASSWORD_VARIABLE, "fran-miljon")::get;
        HubOptions fromEnvironment = Main.parse(new String[] {"--jdbc-url", "jdbc:postgresql://db/insatsnavet",
                "--jdbc-user", "hub"}, environment);
        assertEquals("fran-miljon", fromEnvironment.jdbcPassword());
        assertEquals("hub", fromEnvironment.jdbcUser());
        assertFalse(fromEnvironment.toString().contains("fran-miljon"), fromEnvironment.toString());
        HubOptions given = Main.parse(new String[] {"--jdbc-url", "jdbc:postgresql://db/insatsnavet", "--jdbc-password",
                "pa-raden"}, environment);
        assertEquals("pa-raden", given.jdbcPassword());
        assertNull(Main.parse(new String[] {"--data", "x"}, environment).jdbcPassword(), "the embedded H2 has none");
    }

    @Test
    void theUsageSaysTheTokenCommandsNeedTheDatabaseOptions() {
        assertEquals(0, token("--help"));
        assertTrue(output().contains("token list DATABASE") && output().contains("--jdbc-url URL")
                && output().contains("INSATSNAVET_JDBC_PASSWORD"), output());
        assertTrue(Main.usage().contains("the password comes from INSATSNAVET_JDBC_PASSWORD"), Main.usage());
    }
}
