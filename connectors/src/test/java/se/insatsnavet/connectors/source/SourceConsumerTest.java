package se.insatsnavet.connectors.source;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceConsumerTest {

    @TempDir
    Path dir;

    private CamelContext context;
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createCamel() {
        context = new DefaultCamelContext();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    private SourceConsumer route(Path file, String extraOptions) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("insats-file:centrala-ostergotland/katalog?path=RAW(" + file + ")&initialDelay=0&delay=20" + extraOptions)
                        .routeId("sync")
                        .process(received::add);
            }
        });
        context.start();
        return assertInstanceOf(SourceConsumer.class, context.getRoute("sync").getConsumer());
    }

    private static void awaitMorePolls(SourceConsumer consumer, int polls) {
        long target = consumer.getCounter() + polls;
        await().atMost(Duration.ofMinutes(5)).until(() -> consumer.getCounter() >= target);
    }

    @Test
    void emitsOnceDoesNotReEmitAnUnchangedFileAndReEmitsAfterItChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("insatser.csv"), "Id;Namn\n1;Steget\n");
        SourceConsumer consumer = route(file, "");

        await().atMost(Duration.ofMinutes(5)).until(() -> received.size() == 1);
        Exchange first = received.get(0);
        SourceBatch batch = first.getMessage().getBody(SourceBatch.class);
        assertEquals("centrala-ostergotland", first.getMessage().getHeader(SourceHeaders.FEDERATION));
        assertEquals("katalog", first.getMessage().getHeader(SourceHeaders.SOURCE));
        assertEquals(1, batch.records().size());
        assertEquals(batch.fingerprint(), consumer.getLastFingerprint());

        awaitMorePolls(consumer, 5);
        assertEquals(1, received.size());

        Files.writeString(file, "Id;Namn\n1;Steget\n2;Jobbspår\n");

        await().atMost(Duration.ofMinutes(5)).until(() -> received.size() == 2);
        assertEquals(2, received.get(1).getMessage().getBody(SourceBatch.class).records().size());
        awaitMorePolls(consumer, 5);
        assertEquals(2, received.size());
    }

    @Test
    void anUnchangedFileIsNotReadAgainWhileItsSizeAndTimeStayTheSame() throws Exception {
        Path file = Files.writeString(dir.resolve("insatser.csv"), "Id;Namn\n1;Steget\n");
        SourceConsumer consumer = route(file, "");
        await().atMost(Duration.ofMinutes(5)).until(() -> received.size() == 1);
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        // same size, same time, different bytes: the watch does not read it (it only checks size and time)
        // (written beside it and moved over it, so no poll can see the file between the write and the time)
        Path replacement = Files.writeString(dir.resolve("ersattning.tmp"), "Id;Namn\n2;Stegen\n");
        Files.setLastModifiedTime(replacement, time);
        Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        awaitMorePolls(consumer, 5);
        assertEquals(1, received.size());
        // a new modification time: read, and the change is seen
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(time.toMillis() + 2_000));
        await().atMost(Duration.ofMinutes(5)).until(() -> received.size() == 2);
        assertEquals("2", received.get(1).getMessage().getBody(SourceBatch.class).records().get(0).fields().get("Id"));
    }

    @Test
    void aFileStillBeingWrittenIsReadOnlyOnceItHasStayedTheSameForAWholePoll() throws Exception {
        Path file = dir.resolve("insatser.csv");
        // polled by the test only (Camel's own first poll is an hour away), so each step is one poll
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("insats-file:f/s?path=RAW(" + file + ")&initialDelay=3600000&delay=3600000").routeId("sync")
                        .process(received::add);
            }
        });
        context.start();
        SourceConsumer consumer = assertInstanceOf(SourceConsumer.class, context.getRoute("sync").getConsumer());
        Files.writeString(file, "Id;Namn\n1;Steget\n2;Jobb");

        assertEquals(0, consumer.poll()); // new: perhaps still being written
        Files.writeString(file, "spår\n3;Vägen vidare\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, consumer.poll()); // it grew since the last poll: still being written
        assertTrue(received.isEmpty());

        assertEquals(1, consumer.poll()); // the same as at the last poll: written, read whole
        List<RawRecord> records = received.get(0).getMessage().getBody(SourceBatch.class).records();
        assertEquals(3, records.size());
        assertEquals("Jobbspår", records.get(1).get("Namn"));
        assertEquals(0, consumer.poll());
        assertEquals(1, received.size());
    }

    @Test
    void withoutReadAtFirstPollTheFileIsReadOnlyOnceItChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("insatser.csv"), "Id;Namn\n1;Steget\n");
        // a file last changed well before the hub started (and so read by its import at start)
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        SourceConsumer consumer = watchWithoutFirstRead(file);

        assertEquals(0, consumer.poll()); // only notes the file as it is
        assertEquals(0, consumer.poll());
        assertTrue(received.isEmpty());

        Files.writeString(file, "Id;Namn\n1;Steget\n2;Jobbspår\n");
        assertEquals(0, consumer.poll()); // changed: read once it stays so for a poll
        assertEquals(1, consumer.poll());
        assertEquals(2, received.get(0).getMessage().getBody(SourceBatch.class).records().size());
    }

    @Test
    void withoutReadAtFirstPollAFileChangedSinceTheRouteWasMadeIsStillRead() throws Exception {
        // changed just now: perhaps after the import at start read it, so the first poll must not only note it
        Path file = Files.writeString(dir.resolve("insatser.csv"), "Id;Namn\n1;Steget\n2;Jobbspår\n");
        SourceConsumer consumer = watchWithoutFirstRead(file);

        assertEquals(0, consumer.poll()); // seen; read once it stays so for a poll
        assertEquals(1, consumer.poll());
        assertEquals(2, received.get(0).getMessage().getBody(SourceBatch.class).records().size());
    }

    /** A watch of {@code file} with readAtFirstPoll=false whose polls the test makes itself. */
    private SourceConsumer watchWithoutFirstRead(Path file) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("insats-file:f/s?path=RAW(" + file + ")&initialDelay=3600000&delay=3600000&readAtFirstPoll=false")
                        .routeId("sync").process(received::add);
            }
        });
        context.start();
        return assertInstanceOf(SourceConsumer.class, context.getRoute("sync").getConsumer());
    }

    @Test
    void reEmitsEveryPollWhenOnlyWhenChangedIsOff() throws Exception {
        Path file = Files.writeString(dir.resolve("insatser.csv"), "Id\n1\n");

        route(file, "&onlyWhenChanged=false");

        await().atMost(Duration.ofMinutes(5)).until(() -> received.size() >= 3);
    }

    @Test
    void failedReadEmitsNothingAndTheNextSuccessfulReadEmits() throws Exception {
        Path file = dir.resolve("kommer-snart.csv");
        SourceConsumer consumer = route(file, "");

        await().atMost(Duration.ofMinutes(5)).until(() -> consumer.getErrorCounter() >= 2);
        assertTrue(received.isEmpty());
        assertNull(consumer.getLastFingerprint());

        Files.writeString(file, "Id\n1\n");

        await().atMost(Duration.ofMinutes(5)).until(() -> received.size() == 1);
    }

    @Test
    void batchWhoseRoutingFailsIsSentAgainOnTheNextPoll() throws Exception {
        Path file = Files.writeString(dir.resolve("insatser.csv"), "Id\n1\n");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("insats-file:f/s?path=RAW(" + file + ")&initialDelay=0&delay=20")
                        .process(exchange -> {
                            received.add(exchange);
                            if (received.size() == 1) {
                                throw new IOException("store unavailable");
                            }
                        });
            }
        });
        context.start();

        await().atMost(Duration.ofMinutes(5)).until(() -> received.size() >= 2);
    }

    @Test
    void producerReadsTheSourceOnDemand() throws Exception {
        Path file = Files.writeString(dir.resolve("insatser.csv"), "Id;Namn\n1;Steget\n2;Jobbspår\n");
        context.start();

        SourceBatch batch = context.createProducerTemplate()
                .requestBody("insats-file:centrala-ostergotland/katalog?path=RAW(" + file + ")", null, SourceBatch.class);

        assertEquals(2, batch.records().size());
        assertEquals("Jobbspår", batch.records().get(1).get("Namn"));
    }

    @Test
    void producerFailsTheExchangeWhenTheReadFails() {
        context.start();

        CamelExecutionException failure = assertThrows(CamelExecutionException.class, () -> context.createProducerTemplate()
                .requestBody("insats-file:f/s?path=RAW(" + dir.resolve("saknas.csv") + ")", null, SourceBatch.class));

        assertTrue(failure.getCause().getMessage().contains("saknas.csv"), failure.getCause().getMessage());
    }
}
