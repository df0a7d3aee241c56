package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redocly's CLI ({@code @redocly/cli}, installed with npm; {@code .ci/run} pins and installs it outside the
 * checkout): {@code INSATSNAVET_REDOCLY} names its {@code redocly} executable, else it is looked up on the
 * {@code PATH}. Missing, the calling test is skipped saying so, unless {@code INSATSNAVET_REQUIRE_REDOCLY} is
 * set (as in CI), when it fails.
 */
final class RedoclyCli {

    private RedoclyCli() {
    }

    record Result(int exitCode, int errors, int warnings, String output) {
    }

    /** The {@code redocly} executable; skips (or, when required, fails) the calling test if there is none. */
    static String executable() {
        String configured = System.getenv("INSATSNAVET_REDOCLY");
        Path found = null;
        if (configured != null && !configured.isBlank()) {
            found = Files.isExecutable(Path.of(configured)) ? Path.of(configured) : null;
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "redocly"))) {
                    found = Path.of(dir, "redocly");
                    break;
                }
            }
        }
        String missing = "No Redocly CLI (npm install @redocly/cli; set INSATSNAVET_REDOCLY to its redocly executable, "
                + "or put it on the PATH; .ci/run installs it)";
        if (System.getenv("INSATSNAVET_REQUIRE_REDOCLY") == null) {
            Assumptions.assumeTrue(found != null, "Skipped: " + missing);
        }
        assertTrue(found != null, "INSATSNAVET_REQUIRE_REDOCLY is set: " + missing);
        return found.toString();
    }

    /** {@code redocly lint --format=json} of {@code file} with the recommended rules (no telemetry, no update check). */
    static Result lint(String redocly, Path file) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(redocly, "lint", "--extends=recommended", "--format=json", file.toString()))
                .directory(file.getParent().toFile()).redirectErrorStream(false);
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        pb.environment().put("NO_COLOR", "1");
        Path err = Files.createTempFile(file.getParent(), "redocly", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "redocly lint did not finish");
        String all = out + "\n" + Files.readString(err);
        int json = out.indexOf('{');
        assertTrue(json >= 0, "redocly printed no JSON report: " + all);
        JsonNode report = TestHttp.JSON.readTree(out.substring(json));
        JsonNode totals = report.path("totals");
        assertTrue(totals.has("errors"), all);
        StringBuilder problems = new StringBuilder(all.length() > 4000 ? "" : all);
        report.path("problems").forEach(pr -> problems.append('\n').append(pr.path("severity").asText()).append(' ')
                .append(pr.path("ruleId").asText()).append(": ").append(pr.path("message").asText()).append(" at ")
                .append(pr.path("location").path(0).path("pointer").asText()));
        return new Result(p.exitValue(), totals.path("errors").asInt(), totals.path("warnings").asInt(), problems.toString());
    }
}
