package se.insatsnavet.connectors.file;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSourceEndpointTest {

    @TempDir
    Path dir;

    private CamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    private SourceBatch read(String options) throws Exception {
        return endpoint(options).read();
    }

    private FileSourceEndpoint endpoint(String options) {
        Endpoint endpoint = context.getEndpoint("insats-file:centrala-ostergotland/katalog?" + options);
        return assertInstanceOf(FileSourceEndpoint.class, endpoint);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String uriPath(Path file) {
        return "RAW(" + file + ")";
    }

    @Test
    void knowsTheLastReadsFingerprintOnlyWhileTheFileIsUnchanged() throws Exception {
        Path file = write("insatser.csv", "Id;Namn\n1;Steget vidare\n");
        FileSourceEndpoint endpoint = endpoint("path=" + uriPath(file));
        assertNull(endpoint.unchangedFingerprint(), "nothing read yet");

        SourceBatch batch = endpoint.read();
        assertEquals(batch.fingerprint(), endpoint.unchangedFingerprint());

        Files.writeString(file, "Id;Namn\n1;Steget vidare\n2;Ung Framtid\n", StandardCharsets.UTF_8);
        assertNull(endpoint.unchangedFingerprint(), "the file changed since it was read");
    }

    @Test
    void readsSemicolonCsvDetectingTheDelimiterFromTheHeader() throws Exception {
        Path file = write("insatser.csv", "Id;Namn;Kommun\n1;Steget vidare;Linköping, Norrköping\n2;Ung Framtid;Motala\n");

        SourceBatch batch = read("path=" + uriPath(file));

        assertEquals("centrala-ostergotland", batch.federationId());
        assertEquals("katalog", batch.sourceId());
        assertEquals(List.of(
                new RawRecord("row 1", Map.of("Id", "1", "Namn", "Steget vidare", "Kommun", "Linköping, Norrköping")),
                new RawRecord("row 2", Map.of("Id", "2", "Namn", "Ung Framtid", "Kommun", "Motala"))), batch.records());
        assertEquals(List.of("Id", "Namn", "Kommun"), List.copyOf(batch.records().get(0).fields().keySet()));
        assertTrue(batch.problems().isEmpty());
        assertTrue(batch.fingerprint().startsWith("sha256:"));
    }

    @Test
    void readsCommaCsvWithQuotedDelimitersAndLineBreaksAndOmitsEmptyCells() throws Exception {
        Path file = write("insatser.csv", " Id , Namn ,Beskrivning,Telefon\r\n"
                + "a-1,\"Steg 1, steg 2\",\"Rad ett\r\nrad två med \"\"citat\"\"\",\r\n"
                + "a-2,Jobbspår,,013-12 34 56\r\n");

        SourceBatch batch = read("path=" + uriPath(file) + "&format=csv");

        assertEquals(2, batch.records().size(), () -> batch.problems().toString());
        assertEquals(Map.of("Id", "a-1", "Namn", "Steg 1, steg 2", "Beskrivning", "Rad ett\r\nrad två med \"citat\""),
                batch.records().get(0).fields());
        assertEquals(new RawRecord("row 2", Map.of("Id", "a-2", "Namn", "Jobbspår", "Telefon", "013-12 34 56")),
                batch.records().get(1));
    }

    @Test
    void readsTabDelimitedCsvWhenTheDelimiterIsDeclared() throws Exception {
        Path file = write("insatser.txt", "Id\tNamn\n1\tSteget, vidare\n");

        SourceBatch batch = read("path=" + uriPath(file) + "&delimiter=TAB");

        assertEquals(Map.of("Id", "1", "Namn", "Steget, vidare"), batch.records().get(0).fields());
    }

    @Test
    void readsWindows1252FileWithSwedishCharactersIntact() throws Exception {
        Path file = dir.resolve("ansi.csv");
        Files.write(file, "Id;Område;Län\n7;Linköping, Åtvidaberg;Östergötland\n".getBytes(Charset.forName("windows-1252")));

        SourceBatch detected = read("path=" + uriPath(file));
        SourceBatch declared = read("path=" + uriPath(file) + "&encoding=windows-1252");

        Map<String, Object> expected = Map.of("Id", "7", "Område", "Linköping, Åtvidaberg", "Län", "Östergötland");
        assertEquals(expected, detected.records().get(0).fields());
        assertEquals(expected, declared.records().get(0).fields());
    }

    @Test
    void readsAWindows1252FileWhoseFirstNonUtf8ByteComesAfterManyRowsWithTheFingerprintOfItsBytes() throws Exception {
        StringBuilder csv = new StringBuilder("Id;Namn;Kommun\n");
        for (int i = 1; i <= 5_000; i++) {
            csv.append(i).append(";Steget vidare nummer ").append(i).append(";Motala\n");
        }
        csv.append("5001;Jobbspår;Åtvidaberg\n");
        byte[] bytes = csv.toString().getBytes(Charset.forName("windows-1252"));
        Path file = Files.write(dir.resolve("sen.csv"), bytes);

        SourceBatch batch = read("path=" + uriPath(file));

        assertEquals(5_001, batch.records().size(), () -> batch.problems().toString());
        assertEquals(Map.of("Id", "5001", "Namn", "Jobbspår", "Kommun", "Åtvidaberg"), batch.records().get(5_000).fields());
        assertEquals(SourceBatch.fingerprintOf(bytes), batch.fingerprint());
    }

    @Test
    void stripsTheByteOrderMarkOfAFileInADeclaredUtf8() throws Exception {
        Path file = dir.resolve("bom-declared.csv");
        Files.write(file, ("\uFEFFId;Namn\n1;Åtgärd\n").getBytes(StandardCharsets.UTF_8));

        SourceBatch batch = read("path=" + uriPath(file) + "&encoding=UTF-8");

        assertEquals(Map.of("Id", "1", "Namn", "Åtgärd"), batch.records().get(0).fields());
        assertEquals(SourceBatch.fingerprintOf(Files.readAllBytes(file)), batch.fingerprint());
    }

    @Test
    void stripsTheUtf8ByteOrderMarkFromTheFirstColumnName() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFId;Namn\n1;Åtgärd\n").getBytes(StandardCharsets.UTF_8));

        SourceBatch batch = read("path=" + uriPath(file));

        assertEquals(Map.of("Id", "1", "Namn", "Åtgärd"), batch.records().get(0).fields());
    }

    @Test
    void isolatesMalformedCsvRowsAndStillReadsTheOthers() throws Exception {
        Path file = write("trasig.csv", "Id;Namn;Kommun\n"
                + "1;Steget;Motala\n"
                + "2;\"Oavslutat citat;Linköping\n"
                + "3;Jobbspår;Kinda\n"
                + "4;För många;kolumner;här\n"
                + "5;Sista;Boxholm\n");

        SourceBatch batch = read("path=" + uriPath(file));

        assertEquals(List.of("row 1", "row 3", "row 5"), batch.records().stream().map(RawRecord::locator).toList());
        assertEquals(List.of("3", "5"), List.of(batch.records().get(1).get("Id"), batch.records().get(2).get("Id")));
        assertEquals(List.of("row 2", "row 4"), batch.problems().stream().map(SourceProblem::locator).toList());
        assertTrue(batch.problems().get(0).message().contains("never closed"), batch.problems().get(0).message());
        assertTrue(batch.problems().get(1).message().contains("expected 3 columns, found 4"), batch.problems().get(1).message());
    }

    @Test
    void readsJsonRecordsAtTheRecordPathKeepingNestedValues() throws Exception {
        Path file = write("export.json", """
                {"meta": {"count": 2},
                 "data": {"services": [
                   {"id": "s-1", "title": {"sv": "Steget"}, "tags": ["unga", "arbete"], "age": 16, "remiss": true, "note": null},
                   "inte ett objekt",
                   {"id": "s-2", "title": {"sv": "Jobbspår"}}
                 ]}}
                """);

        SourceBatch batch = read("path=" + uriPath(file) + "&format=json&recordPath=data.services");

        assertEquals(List.of("data.services[0]", "data.services[2]"), batch.records().stream().map(RawRecord::locator).toList());
        RawRecord first = batch.records().get(0);
        assertEquals(Map.of("sv", "Steget"), first.get("title"));
        assertEquals(List.of("unga", "arbete"), first.get("tags"));
        assertEquals(16, first.get("age"));
        assertEquals(true, first.get("remiss"));
        assertEquals(List.of("id", "title", "tags", "age", "remiss"), List.copyOf(first.fields().keySet()));
        assertEquals(List.of(new SourceProblem("data.services[1]", null, "expected a JSON object, found string")), batch.problems());
    }

    @Test
    void readsRootJsonArrayWithRecordsLocators() throws Exception {
        Path file = write("export.json", "[{\"id\": \"a\"}, {\"id\": \"b\"}]");

        SourceBatch batch = read("path=" + uriPath(file));

        assertEquals(List.of("records[0]", "records[1]"), batch.records().stream().map(RawRecord::locator).toList());
    }

    @Test
    void readsNdjsonAndTurnsABadLineIntoAProblem() throws Exception {
        Path file = write("export.ndjson", "{\"id\": \"a\"}\n\n{\"id\": \"b\"\n{\"id\": \"c\"}\n");

        SourceBatch batch = read("path=" + uriPath(file));

        assertEquals(List.of("line 1", "line 4"), batch.records().stream().map(RawRecord::locator).toList());
        assertEquals(1, batch.problems().size());
        assertEquals("line 3", batch.problems().get(0).locator());
    }

    @Test
    void truncatedJsonFailsTheReadNamingTheFile() throws Exception {
        Path file = write("trasig.json", "[{\"id\": \"a\"}, {\"id\": \"b\", \"title\": \"Ste");

        IOException failure = assertThrows(IOException.class, () -> read("path=" + uriPath(file)));

        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("not valid JSON"), failure.getMessage());
    }

    @Test
    void jsonObjectWithoutRecordPathFailsTheReadSuggestingTheOption() throws Exception {
        Path file = write("export.json", "{\"data\": []}");

        IOException failure = assertThrows(IOException.class, () -> read("path=" + uriPath(file)));

        assertTrue(failure.getMessage().contains("recordPath"), failure.getMessage());
    }

    @Test
    void missingFileFailsTheReadNamingTheFile() {
        Path file = dir.resolve("finns-inte.csv");

        IOException failure = assertThrows(IOException.class, () -> read("path=" + uriPath(file)));

        assertTrue(failure.getMessage().contains("not found") && failure.getMessage().contains(file.toString()),
                failure.getMessage());
    }

    @Test
    void emptyCsvFileFailsTheReadInsteadOfYieldingAnEmptyCatalogue() throws Exception {
        Path file = write("tom.csv", "\n");

        IOException failure = assertThrows(IOException.class, () -> read("path=" + uriPath(file)));

        assertTrue(failure.getMessage().contains("no header row"), failure.getMessage());
    }

    @Test
    void fingerprintChangesWithTheContentOnly() throws Exception {
        Path file = write("a.csv", "Id\n1\n");
        String first = read("path=" + uriPath(file)).fingerprint();
        assertEquals(first, read("path=" + uriPath(file)).fingerprint());

        write("a.csv", "Id\n2\n");

        assertNotEquals(first, read("path=" + uriPath(file)).fingerprint());
    }

    @Test
    void relativePathResolvesInsideTheBaseDirectory() throws Exception {
        Files.createDirectories(dir.resolve("ostergotland"));
        Files.writeString(dir.resolve("ostergotland/insatser.csv"), "Id\n1\n");

        SourceBatch batch = read("baseDirectory=" + uriPath(dir) + "&path=ostergotland/insatser.csv");

        assertEquals(1, batch.records().size());
    }

    @Test
    void pathTraversalOutOfTheBaseDirectoryIsRejected() throws Exception {
        Path base = Files.createDirectories(dir.resolve("federationer"));
        Path secret = write("hemlig.csv", "Id\n1\n");

        for (String path : List.of("../hemlig.csv", "a/../../hemlig.csv", secret.toString())) {
            ResolveEndpointFailedException failure = assertThrows(ResolveEndpointFailedException.class,
                    () -> context.getEndpoint("insats-file:f/s?baseDirectory=" + uriPath(base) + "&path=RAW(" + path + ")"),
                    path);
            assertTrue(rootMessage(failure).contains("outside the base directory"), rootMessage(failure));
        }
    }

    @Test
    void componentBaseDirectoryConfinesEveryEndpointIncludingTheirOwnBaseDirectory() throws Exception {
        Path base = Files.createDirectories(dir.resolve("federationer"));
        write("hemlig.csv", "Id\n1\n");
        FileSourceComponent component = new FileSourceComponent();
        component.setBaseDirectory(base.toString());
        context.addComponent("confined-file", component);

        ResolveEndpointFailedException viaPath = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("confined-file:f/s?path=../hemlig.csv"));
        ResolveEndpointFailedException viaBase = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("confined-file:f/s?baseDirectory=..&path=hemlig.csv"));

        assertTrue(rootMessage(viaPath).contains("path traversal rejected"), rootMessage(viaPath));
        assertTrue(rootMessage(viaBase).contains("path traversal rejected"), rootMessage(viaBase));
    }

    @Test
    void symbolicLinkLeadingOutOfTheBaseDirectoryIsRejectedOnRead() throws Exception {
        Path base = Files.createDirectories(dir.resolve("federationer"));
        Path secret = write("hemlig.csv", "Id\n1\n");
        try {
            Files.createSymbolicLink(base.resolve("lank.csv"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links on this file system
        }
        FileSourceEndpoint endpoint = endpoint("baseDirectory=" + uriPath(base) + "&path=lank.csv");

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, endpoint::read);

        assertTrue(failure.getMessage().contains("outside the base directory"), failure.getMessage());
    }

    @Test
    void componentIsFoundWithoutRegistrationAndCanAlsoBeAddedExplicitly() {
        assertInstanceOf(FileSourceComponent.class, context.getComponent("insats-file"));

        context.addComponent("other-file", new FileSourceComponent());

        assertInstanceOf(FileSourceEndpoint.class, context.getEndpoint("other-file:f/s?path=x.csv"));
    }

    @Test
    void typedOptionsAreBoundAndUnknownOrInvalidOnesAreRejected() {
        FileSourceEndpoint endpoint = endpoint("path=x.json&format=ndjson&encoding=UTF-8&recordPath=a.b&onlyWhenChanged=false");
        assertEquals(FileFormat.NDJSON, endpoint.getFormat());
        assertEquals("a.b", endpoint.getRecordPath());
        assertEquals(false, endpoint.isOnlyWhenChanged());

        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("insats-file:f/s?path=x.csv&colour=red"));
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("insats-file:f/s?path=x.csv&encoding=klingon"));
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("insats-file:f/s?format=csv"));
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("insats-file:only-federation?path=x.csv"));
        assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("insats-file:Bad.Id/s?path=x.csv"));
    }

    @Test
    void aDropFolderIsReadFileByFileInNameOrder() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("inkorg"));
        Files.writeString(drop.resolve("b-motala.csv"), "Id;Namn\n3;Ung Framtid\n", StandardCharsets.UTF_8);
        Files.writeString(drop.resolve("a-linkoping.ndjson"), "{\"Id\": \"1\", \"Namn\": \"Steget\"}\nnot json\n", StandardCharsets.UTF_8);
        Files.writeString(drop.resolve("readme.md"), "not a source", StandardCharsets.UTF_8);
        Files.writeString(drop.resolve(".~lock.b-motala.csv#"), "lock", StandardCharsets.UTF_8);

        SourceBatch batch = read("path=" + uriPath(drop));
        assertEquals(List.of("a-linkoping.ndjson line 1", "b-motala.csv row 1"),
                batch.records().stream().map(RawRecord::locator).toList());
        assertEquals("a-linkoping.ndjson line 2", batch.problems().get(0).locator());

        String before = batch.fingerprint();
        Files.writeString(drop.resolve("c-ny.csv"), "Id;Namn\n4;Ny\n", StandardCharsets.UTF_8);
        assertNotEquals(before, read("path=" + uriPath(drop)).fingerprint());
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
