package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index answers as it did before it was split into classes by job (issue 22): the answers (items in
 * order, total, facet counts, snippets) of some 300 queries over a generated catalogue of 3,000 services (words,
 * typos, municipalities, ages, status filters, sort by title, deep pages, with and without facets and snippets,
 * before and after updates and deletions) are compared, query by query, with digests recorded from the code
 * before the split ({@code search/answers.txt}). Run with {@code -DrecordAnswers=<file>} to write the digests
 * of the code under test instead.
 */
class ServiceIndexAnswersTest {

    private static final String[] WORDS = {"arbetsträning", "handlingsplan", "praktik", "hälsa", "studier", "motivation",
            "arbetstraning", "stöd", "samtal", "jobb", "xyzzy"};
    private static final String[] TEXT = {"Arbetsträning", "handlingsplan", "praktik", "hälsa", "studier", "motivation",
            "stöd", "samtal", "unga", "vuxna", "jobbcoach", "arbetsmarknad", "rehabilitering", "samverkan", "kurs",
            "vägledning", "friskvård", "språk", "praktikplats", "arbetsförmåga"};
    private static final String[] STATUS = {null, "current", "all", "active", "planned,paused", "ended"};

    @TempDir
    Path work;

    @Test
    void theSplitIndexGivesTheAnswersOfTheIndexBeforeTheSplit() throws IOException {
        HubIris iris = HubIris.defaults();
        Vocabulary vocabulary = Vocabulary.load(iris);
        List<String> municipalities = municipalities(vocabulary);
        List<ObjectNode> items = items(3000, vocabulary);
        List<String> answers = new ArrayList<>();
        try (ServiceIndex index = ServiceIndex.open(work.resolve("services"), vocabulary, p -> iris.organisation("stor"))) {
            index.rebuild(sink -> items.forEach(sink));
            queries(index, municipalities, "rebuilt", answers);
            List<ObjectNode> changed = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ObjectNode c = items.get(i * 7).deepCopy();
                c.putObject("title").put("sv", "Ändrad arbetsträning " + i);
                changed.add(c);
            }
            List<String> deleted = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                deleted.add(items.get(1000 + i * 3).path("id").asText());
            }
            index.update(changed.subList(0, 50), List.of());
            index.update(changed.subList(50, 100), deleted);
            // the background merge of the quiet index, awaited: past 1,000 hits a search without facets may stop
            // counting exactly, at a point that depends on the segments, so the answers are compared on one segment
            await().atMost(Duration.ofMinutes(5)).until(() -> index.segments() == 1 && !index.merging());
            answers.add("size " + index.size());
            queries(index, municipalities, "updated", answers);
            List<String> stored = new ArrayList<>();
            index.forEachStoredItem("stor1", stored::add);
            answers.add("stored of stor1 " + digest(String.join("\n", stored)));
        }
        String record = System.getProperty("recordAnswers");
        if (record != null) {
            Files.write(Path.of(record), answers);
            return;
        }
        List<String> expected;
        try (InputStream in = getClass().getResourceAsStream("/search/answers.txt")) {
            assertNotNull(in, "the recorded answers");
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(expected.size(), answers.size(), "number of answers");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), answers.get(i), "answer " + i);
        }
        assertTrue(answers.stream().filter(a -> a.contains(" total 0 ")).count() < answers.size() / 2, "most queries find services");
    }

    /** The municipalities of the generated services: the vocabulary's first 30 codes in order. */
    static List<String> municipalities(Vocabulary vocabulary) {
        List<String> codes = new ArrayList<>(vocabulary.codes(Vocabulary.MUNICIPALITY));
        codes.sort(null);
        return codes.subList(0, 30);
    }

    /** {@code count} generated services in {@link #municipalities}, with the vocabulary's target groups and methods. */
    static List<ObjectNode> items(int count, Vocabulary vocabulary) {
        List<String> targetGroups = new ArrayList<>(vocabulary.codes(Vocabulary.TARGET_GROUP));
        List<String> methods = new ArrayList<>(vocabulary.codes(Vocabulary.METHOD));
        targetGroups.sort(null);
        methods.sort(null);
        return items(count, municipalities(vocabulary), targetGroups, methods);
    }

    private static List<ObjectNode> items(int count, List<String> municipalities, List<String> targetGroups, List<String> methods) {
        SplittableRandom r = new SplittableRandom(5);
        String[] statuses = {"active", "active", "active", "planned", "paused", "ended"};
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode item = TestHttp.JSON.createObjectNode();
            item.put("id", "stor" + (i % 3) + ".s" + i).put("federation", "stor" + (i % 3));
            String status = statuses[r.nextInt(statuses.length)];
            item.put("status", status);
            if ("planned".equals(status)) {
                item.put("startDate", r.nextBoolean() ? "2020-01-01" : "2099-01-01");
            }
            item.putObject("title").put("sv", words(r, 1 + r.nextInt(3)) + " " + i);
            ObjectNode description = item.putObject("description");
            StringBuilder text = new StringBuilder();
            for (int s = 1 + r.nextInt(4); s > 0; s--) {
                text.append(words(r, 4 + r.nextInt(12))).append(". ");
            }
            description.put("sv", text.toString().trim());
            if (r.nextInt(4) == 0) {
                description.put("en", "Support for work and studies " + i);
            }
            ArrayNode keywords = item.putArray("keywords");
            keywords.add(TEXT[r.nextInt(TEXT.length)].toLowerCase());
            ArrayNode m = item.putArray("municipalities");
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                m.add(municipalities.get(r.nextInt(municipalities.size())));
            }
            if (r.nextBoolean()) {
                item.putArray("targetGroups").add(targetGroups.get(r.nextInt(targetGroups.size())));
            }
            if (r.nextBoolean()) {
                item.putArray("methods").add(methods.get(r.nextInt(methods.size())));
            }
            item.putArray("languages").add(r.nextInt(3) == 0 ? "en" : "sv");
            ObjectNode provider = item.putObject("provider");
            provider.putArray("name").add("Utförare " + (i % 17));
            provider.put("type", r.nextBoolean() ? "municipality" : "region");
            item.putObject("admission").put("referralRequired", r.nextBoolean());
            ObjectNode ages = item.putObject("ageRange");
            if (r.nextInt(5) != 0) {
                ages.put("min", 16 + r.nextInt(10));
            }
            if (r.nextInt(4) != 0) {
                ages.put("max", 25 + r.nextInt(40));
            }
            item.put("modified", "2026-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T10:00:00Z");
            out.add(item);
        }
        return out;
    }

    private static String words(SplittableRandom r, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(TEXT[r.nextInt(TEXT.length)].toLowerCase());
        }
        return out.toString();
    }

    private static void queries(ServiceIndex index, List<String> municipalities, String phase, List<String> answers) {
        SplittableRandom r = new SplittableRandom(3);
        for (String word : WORDS) {
            for (int m = 0; m < 6; m++) {
                String municipality = m == 0 ? null : municipalities.get(r.nextInt(municipalities.size()));
                for (Integer age : new Integer[]{null, 16, 30, 64}) {
                    String status = STATUS[r.nextInt(STATUS.length)];
                    String sort = r.nextInt(4) == 0 ? "title" : null;
                    int perPage = r.nextInt(3) == 0 ? 100 : 20;
                    int page = r.nextInt(5) == 0 ? 26 + r.nextInt(4) : 1 + r.nextInt(3);
                    List<String> q = r.nextInt(8) == 0 ? List.of() : r.nextInt(5) == 0 ? List.of(word, "stöd") : List.of(word);
                    ServiceFilter f = new ServiceFilter(q, municipality, null, null, page, perPage,
                            new ServiceFilter.More(null, age, null, null, status, null, null, null, null, null, sort));
                    answers.add(answer(phase, f, index.search(f, r.nextBoolean(), r.nextBoolean())));
                }
            }
        }
        for (int i = 0; i < 24; i++) {
            ServiceFilter f = new ServiceFilter(i % 2 == 0 ? List.of("arbete") : List.of(), null, null, i % 5 == 0 ? "stor1" : null,
                    i % 3 == 0 ? 26 : 1, 20, new ServiceFilter.More(i % 4 == 0 ? "01" : null, null, null,
                    i % 5 == 0 ? "municipality" : null, i % 3 == 0 ? "all" : null, null, null, null,
                    i % 6 == 0 ? "sv,en" : null, i % 7 == 0 ? "self" : null, i % 2 == 1 ? "title" : null));
            answers.add(answer(phase, f, index.search(f, true, true)));
        }
    }

    /** A query's answer: its total, and a digest of its items, facet counts and snippets. */
    private static String answer(String phase, ServiceFilter f, ServiceIndex.Hits hits) {
        StringBuilder all = new StringBuilder();
        for (byte[] json : hits.json()) {
            all.append(new String(json, StandardCharsets.UTF_8)).append('\n');
        }
        all.append(hits.facets()).append('\n').append(hits.snippets());
        return phase + " " + f.q() + " " + f.municipality() + " " + f.more().age() + " " + f.more().status() + " "
                + f.more().sort() + " page " + f.page() + "/" + f.perPage() + ": total " + hits.total() + " "
                + hits.json().size() + " items " + digest(all.toString());
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
