package se.insatsnavet.hub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.imports.RecordHash;
import se.insatsnavet.hub.imports.RunMessage;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.imports.RunStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A record that gave warnings is skipped like any other when it is read again exactly as last published (it is not
 * mapped and checked again: its raw hash is kept), and the run's report still says its warnings, where it was read
 * this time.
 */
class ResyncOfRecordsWithWarningsTest {

    @TempDir
    Path data;
    @TempDir
    Path federations;
    Hub hub;
    Path list;

    @BeforeEach
    void startHub() throws Exception {
        Path dir = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(dir.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [{"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text", "contact.phone": "Telefon"},
                               "defaults": {"municipalities": "$federation.municipalities"}}}]}
                """, StandardCharsets.UTF_8);
        list = dir.resolve("lista.csv");
        Files.writeString(list, """
                Id;Namn;Text;Telefon
                f1;Jobbstöd;Stöd till arbete.;013-20 00 00
                f2;Studiestöd;Stöd till studier.;123
                f3;Hälsostöd;Stöd för hälsan.;013-20 00 01
                """, StandardCharsets.UTF_8);
        hub = Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(1, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
    }

    @AfterEach
    void stopHub() throws Exception {
        hub.stop().get(5, TimeUnit.MINUTES);
    }

    @Test
    void aRecordWithWarningsIsSkippedOnResyncAndItsWarningsAreSaidAgain() throws Exception {
        RunReport first = hub.syncNow("alfa", "test").get(0);
        assertEquals(RunStatus.SUCCEEDED, first.status(), String.valueOf(first.messages()));
        assertEquals(3, first.counts().added());
        List<RunMessage> warnings = warnings(first);
        assertFalse(warnings.isEmpty(), "the phone '123' gives a warning: " + first.messages());
        RunMessage phone = warnings.get(0);
        assertEquals("contact.phone", phone.field());
        assertEquals("123", phone.value());
        assertEquals("f2", phone.localId());

        // the record is kept with its raw hash and its warnings, so the next run can skip it
        RecordHash kept = hub.imports().runs().hashes("alfa").get("f2");
        assertNotNull(kept.rawHash(), "a record with warnings keeps its raw hash");
        assertEquals(warnings.stream().map(w -> List.of(w.field(), w.value(), w.message())).toList(),
                kept.warningMessages().stream().map(w -> List.of(w.field(), w.value(), w.message())).toList());

        RunReport again = hub.syncNow("alfa", "test").get(0);
        assertEquals(RunStatus.SUCCEEDED, again.status());
        assertEquals(3, again.counts().unchanged());
        assertEquals(0, again.counts().added() + again.counts().updated() + again.counts().deleted());
        assertEquals(first.counts().warnings(), again.counts().warnings());
        assertEquals(warnings, warnings(again), "the same warnings, read at the same place");

        // the same rows in another order: still skipped, the warning names where the record is now
        Files.writeString(list, """
                Id;Namn;Text;Telefon
                f2;Studiestöd;Stöd till studier.;123
                f1;Jobbstöd;Stöd till arbete.;013-20 00 00
                f3;Hälsostöd;Stöd för hälsan.;013-20 00 01
                """, StandardCharsets.UTF_8);
        RunReport moved = hub.syncNow("alfa", "test").get(0);
        assertEquals(3, moved.counts().unchanged());
        List<RunMessage> movedWarnings = warnings(moved);
        assertEquals(warnings.size(), movedWarnings.size());
        assertEquals(List.of(phone.field(), phone.value(), phone.message(), phone.localId()),
                List.of(movedWarnings.get(0).field(), movedWarnings.get(0).value(), movedWarnings.get(0).message(),
                        movedWarnings.get(0).localId()));
        assertFalse(phone.locator().equals(movedWarnings.get(0).locator()),
                "the warning names the row read now: " + phone.locator() + " then, " + movedWarnings.get(0).locator() + " now");
    }

    private static List<RunMessage> warnings(RunReport run) {
        return run.messages().stream().filter(m -> RunMessage.WARNING.equals(m.level())).toList();
    }
}
