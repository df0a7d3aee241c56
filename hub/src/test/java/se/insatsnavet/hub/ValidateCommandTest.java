package se.insatsnavet.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.federations.BundledExamples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validate command a federation runs before connecting: the real pipeline, nothing published. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(Path descriptor) {
        return ValidateCommand.run(new String[] {"--federation", descriptor.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBundledExampleIsReadAndItsInvalidRecordReported() {
        Path examples = BundledExamples.extractTo(dir.resolve("examples"));
        int code = validate(examples.resolve("centrala-ostergotland").resolve("federation.json"));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(report.contains("\"record\" : \"sco-017\""), report);
        assertTrue(report.contains("\"field\" : \"title\""), report);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("17 valid, 1 rejected"), err.toString(StandardCharsets.UTF_8));
        // its indicators source is checked too, after the services its rows name
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("centrala-ostergotland/indikatorer: succeeded, 10 read"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(report.contains("\"record\" : \"sco-018\"") && report.contains("\"field\" : \"workOrStudiesAtExit\""), report);
    }

    @Test
    void anInvalidDescriptorIsRejectedNamingFileAndField() throws Exception {
        Path fed = Files.createDirectories(dir.resolve("trasig"));
        Files.writeString(fed.resolve("federation.json"),
                "{\"id\":\"trasig\",\"name\":{\"sv\":\"Trasig\"},\"municipalities\":[\"0580\"],\"sources\":[{\"id\":\"a\",\"location\":\"x.csv\"}]}");
        assertEquals(2, validate(fed.resolve("federation.json")));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("trasig/federation.json") && message.contains("sources[0].kind"), message);
    }
}
