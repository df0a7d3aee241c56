package se.insatsnavet.hub.usage;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-memory counters per day, kind and item. Counting never blocks and never touches the database (it is
 * called on the event loop); {@link #drain()} hands the counts gathered since the last drain to the flusher.
 * The day is the day in Sweden. Only what is given here is counted: no address, cookie or user agent.
 *
 * <p>Search words are normalised before counting: lower case, diacritics kept (å, ä, ö), only words of 2 to
 * 40 letters (a word with a digit or an {@code @} is dropped, so personal identity numbers, phone numbers and
 * e-mail addresses are never counted), each word once, sorted, at most {@value #MAX_WORDS} words.
 * At most {@value #MAX_KEYS} distinct items are held between two flushes; further new items are dropped
 * (and counted as dropped).
 */
public final class UsageCounter {

    static final int MAX_WORDS = 5;
    static final int MAX_KEYS = 50_000;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** One counted item of a day. */
    public record Key(LocalDate day, UsageKind kind, String item) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    public UsageCounter(Clock clock) {
        this.clock = clock;
    }

    /** A search (its first page): its filters, and its words when it found nothing. */
    public void search(List<String> words, long total, String targetGroup, String municipality) {
        if (total == 0) {
            String normalised = normalisedWords(words);
            if (!normalised.isEmpty()) {
                count(UsageKind.NO_HITS, normalised);
            }
        }
        if (targetGroup != null) {
            count(UsageKind.TARGET_GROUP, targetGroup);
        }
        if (municipality != null) {
            count(UsageKind.MUNICIPALITY, municipality);
        }
    }

    /** A guided-finder answer path; each part null when not answered. */
    public void finderPath(String situation, String help, Integer age) {
        count(UsageKind.FINDER_PATH, (situation == null ? "-" : situation) + "/" + (help == null ? "-" : help) + "/"
                + ageBand(age));
    }

    /** A service's page was viewed. */
    public void serviceViewed(String serviceId) {
        count(UsageKind.SERVICE_VIEW, serviceId);
    }

    /** How many new items were dropped because {@value #MAX_KEYS} were already held. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * The counts gathered since the last drain (zero counts left out); counts of earlier days are forgotten
     * once drained. Safe while counting goes on: a count made during the drain goes into the next one.
     */
    public Map<Key, Long> drain() {
        Map<Key, Long> out = new LinkedHashMap<>();
        LocalDate today = today();
        for (Map.Entry<Key, LongAdder> e : counts.entrySet()) {
            long n = e.getValue().sumThenReset();
            if (n > 0) {
                out.put(e.getKey(), n);
            }
            if (e.getKey().day().isBefore(today)) {
                counts.remove(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Puts drained counts back (their write failed), so the next flush writes them. */
    public void restore(Map<Key, Long> drained) {
        drained.forEach((key, n) -> counts.computeIfAbsent(key, k -> new LongAdder()).add(n));
    }

    private void count(UsageKind kind, String item) {
        Key key = new Key(today(), kind, item.length() > 300 ? item.substring(0, 300) : item);
        LongAdder adder = counts.get(key);
        if (adder == null) {
            if (counts.size() >= MAX_KEYS) {
                dropped.incrementAndGet();
                return;
            }
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SWEDEN));
    }

    /** The words as counted: see the class comment. "" when none is left. */
    public static String normalisedWords(List<String> words) {
        TreeSet<String> kept = new TreeSet<>();
        for (String w : words) {
            String word = Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
                    .replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
            if (word.matches("\\p{L}{2,40}")) {
                kept.add(word);
            }
        }
        List<String> out = new ArrayList<>(kept);
        return String.join(" ", out.subList(0, Math.min(MAX_WORDS, out.size())));
    }

    /** Age bands of the guided finder's statistics (never the exact age). */
    static String ageBand(Integer age) {
        if (age == null) {
            return "-";
        }
        if (age < 16) {
            return "0-15";
        }
        if (age < 20) {
            return "16-19";
        }
        if (age < 25) {
            return "20-24";
        }
        if (age < 30) {
            return "25-29";
        }
        if (age < 50) {
            return "30-49";
        }
        return age < 65 ? "50-64" : "65-";
    }
}
