package eqspice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Small helpers every benchmark shares: medians, resident memory, number formatting. */
public final class BenchStats {
    private BenchStats() {
    }

    /** The median of the samples (mean of the middle two for an even count). */
    public static double median(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** Resident set size of this process in KiB, from /proc (Linux); -1 elsewhere. */
    public static long rssKib() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The 1-, 5- and 15-minute load averages (/proc/loadavg), for figures measured on a shared machine. */
    public static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * CPU time of the calling thread in nanoseconds (wall time where the JVM cannot measure it).
     * ngspice solves in the calling thread, and {@code ngspice -b} reports CPU time as its
     * analysis time; on a machine other jobs keep busy, wall time would count their share too.
     */
    public static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Seconds as milliseconds with three significant digits. */
    public static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
    }
}
