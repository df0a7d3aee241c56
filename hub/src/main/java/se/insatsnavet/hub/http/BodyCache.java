package se.insatsnavet.hub.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Rendered response bodies kept in memory under a byte budget; the least recently used are dropped first.
 * Each entry carries the generation of the data it was rendered from: a lookup with another generation
 * misses, so a body rendered before a change is never served after it. Thread-safe.
 *
 * @param <K> what identifies a body (a service and representation, a normalised query)
 */
public final class BodyCache<K> {

    private record Entry(long generation, PreparedBody body) {
    }

    private final long budget;
    private long used;
    private final LinkedHashMap<K, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);

    private BodyCache(long budget) {
        this.budget = budget;
    }

    /** A cache holding at most {@code budgetBytes} of bodies. */
    public static <K> BodyCache<K> create(long budgetBytes) {
        return new BodyCache<>(budgetBytes);
    }

    /** The body kept for {@code key} if it was rendered at {@code generation}, else null. */
    public synchronized PreparedBody get(K key, long generation) {
        Entry e = entries.get(key);
        return e != null && e.generation() == generation ? e.body() : null;
    }

    /** Keeps {@code body} for {@code key}, rendered from the data of {@code generation}. */
    public synchronized void put(K key, long generation, PreparedBody body) {
        if (body.weight() > budget) {
            return;
        }
        Entry old = entries.put(key, new Entry(generation, body));
        if (old != null) {
            used -= old.body().weight();
        }
        used += body.weight();
        Iterator<Map.Entry<K, Entry>> eldest = entries.entrySet().iterator();
        while (used > budget && eldest.hasNext()) {
            used -= eldest.next().getValue().body().weight();
            eldest.remove();
        }
    }

    /** Forgets the body of {@code key}. */
    public synchronized void remove(K key) {
        Entry old = entries.remove(key);
        if (old != null) {
            used -= old.body().weight();
        }
    }

    /** Forgets the bodies whose key matches. */
    public synchronized void removeIf(Predicate<K> matching) {
        Iterator<Map.Entry<K, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<K, Entry> e = it.next();
            if (matching.test(e.getKey())) {
                used -= e.getValue().body().weight();
                it.remove();
            }
        }
    }

    /** Bodies kept. */
    public synchronized int size() {
        return entries.size();
    }

    /** Bytes kept (bodies and a small overhead each). */
    public synchronized long bytes() {
        return used;
    }
}
