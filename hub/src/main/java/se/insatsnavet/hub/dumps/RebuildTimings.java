package se.insatsnavet.hub.dumps;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/** Wall and CPU time of each step of a rebuild of the dumps, for the log. */
final class RebuildTimings {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long wall0 = System.nanoTime();
    private final long cpu0 = cpu();
    private long wall = wall0;
    private long cpu = cpu0;
    private final StringBuilder steps = new StringBuilder();

    private long cpu() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    void lap(String step) {
        long w = System.nanoTime();
        long c = cpu();
        steps.append(steps.isEmpty() ? "" : ", ").append(step).append(' ')
                .append(TimeUnit.NANOSECONDS.toMillis(w - wall)).append(" ms (CPU ")
                .append(TimeUnit.NANOSECONDS.toMillis(c - cpu)).append(" ms)");
        wall = w;
        cpu = c;
    }

    @Override
    public String toString() {
        return "in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wall0) + " ms (CPU "
                + TimeUnit.NANOSECONDS.toMillis(cpu() - cpu0) + " ms): " + steps;
    }
}
