package se.insatsnavet.hub.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.source.RawRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The raw hash decides whether a record may skip mapping: it must change with the record and the descriptor. */
class RawRecordHashTest {

    @TempDir
    Path dir;

    @Test
    void theSameFieldsGiveTheSameHashWhereverTheRecordIs() throws Exception {
        RawRecordHash hashes = RawRecordHash.of(descriptor("Namn"));
        assertEquals(hashes.of(new RawRecord("row 1", Map.of("Id", "a1", "Namn", "Jobbcoach"))),
                hashes.of(new RawRecord("row 7", Map.of("Id", "a1", "Namn", "Jobbcoach"))));
    }

    @Test
    void anotherValueGivesAnotherHash() throws Exception {
        RawRecordHash hashes = RawRecordHash.of(descriptor("Namn"));
        assertNotEquals(hashes.of(new RawRecord("row 1", Map.of("Id", "a1", "Namn", "Jobbcoach"))),
                hashes.of(new RawRecord("row 1", Map.of("Id", "a1", "Namn", "Jobbcoach!"))));
    }

    @Test
    void theSameCharactersSplitOtherwiseOrTypedOtherwiseGiveAnotherHash() throws Exception {
        RawRecordHash hashes = RawRecordHash.of(descriptor("Namn"));
        java.util.Set<String> distinct = new java.util.HashSet<>(java.util.List.of(
                hashes.of(new RawRecord("row 1", Map.of("Id", "a1"))),
                hashes.of(new RawRecord("row 1", Map.of("Ida", "1"))),
                hashes.of(new RawRecord("row 1", Map.of("Id", 1))),
                hashes.of(new RawRecord("row 1", Map.of("Id", "1"))),
                hashes.of(new RawRecord("row 1", Map.of("Id", java.util.List.of("1")))),
                hashes.of(new RawRecord("row 1", Map.of("Id", true))),
                hashes.of(new RawRecord("row 1", Map.of("Id", "true")))));
        assertEquals(7, distinct.size());
    }

    @Test
    void anotherMappingGivesAnotherHashForTheSameRecord() throws Exception {
        RawRecord record = new RawRecord("row 1", Map.of("Id", "a1", "Namn", "Jobbcoach", "Rubrik", "Coach"));
        assertNotEquals(RawRecordHash.of(descriptor("Namn")).of(record), RawRecordHash.of(descriptor("Rubrik")).of(record));
    }

    private FederationDescriptor descriptor(String titleColumn) throws Exception {
        Files.writeString(dir.resolve("services.csv"), "Id,Namn,Rubrik\n", StandardCharsets.UTF_8);
        Path file = dir.resolve("federation.json");
        Files.writeString(file, """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "main", "kind": "file", "location": "services.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "%s"}}}]}
                """.formatted(titleColumn), StandardCharsets.UTF_8);
        return new DescriptorLoader().load(file);
    }
}
