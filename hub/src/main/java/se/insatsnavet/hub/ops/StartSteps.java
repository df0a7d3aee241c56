package se.insatsnavet.hub.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time each step of a hub's start took, for one log line once it serves ("Serving after 1,234 ms:
 * database 80, dataset 40, …"): where a slow start goes, without a profiler.
 */
public final class StartSteps {

    private final long started = System.nanoTime();
    private long last = started;
    private final List<String> steps = new ArrayList<>();

    private StartSteps() {
    }

    public static StartSteps create() {
        return new StartSteps();
    }

    /** Ends the step called {@code name}: the time since the previous step ended. */
    public synchronized void done(String name) {
        long now = System.nanoTime();
        steps.add(String.format(Locale.ROOT, "%s %d", name, (now - last) / 1_000_000));
        last = now;
    }

    /** Milliseconds since the start. */
    public long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The steps so far, in order, each with its milliseconds. */
    public synchronized String summary() {
        return String.join(", ", steps);
    }
}
