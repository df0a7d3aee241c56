package se.insatsnavet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was apart from this process, from {@code /proc/stat} and {@code /proc/self/stat}:
 * the share of all CPUs' time that other processes used between two snapshots. The harness reports it beside
 * each measurement, because anything else running on the machine (a build, another test run) lowers the
 * figures. NaN where {@code /proc} is not there.
 */
public final class CpuMeter {

    /** Clock ticks: all CPUs' total, all CPUs' busy, this process (user + system). */
    public record Snapshot(long total, long busy, long self) {
    }

    private CpuMeter() {
    }

    public static Snapshot now() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] s = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
            long mine = Long.parseLong(s[11]) + Long.parseLong(s[12]);
            return new Snapshot(total, total - idle, mine);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(-1, -1, -1);
        }
    }

    /** Share (0..1) of the machine's CPU time that other processes used between {@code a} and {@code b}. */
    public static double others(Snapshot a, Snapshot b) {
        if (a.total() < 0 || b.total() < 0 || b.total() <= a.total()) {
            return Double.NaN;
        }
        long others = (b.busy() - a.busy()) - (b.self() - a.self());
        return Math.max(0, others) / (double) (b.total() - a.total());
    }
}
