package eqspice.bench;

import eqspice.sweep.LibraryCopyWorker;
import eqspice.sweep.PointExecutor;
import eqspice.sweep.Sweep;
import eqspice.sweep.SweepProgress;
import eqspice.sweep.SweepRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * {@code eqspice bench sweep}: points per minute of a small sweep with one and with two worker
 * processes, and with two library copies in one JVM (the alternative to processes), each in a
 * fresh results folder; then the projected wall time of a full sweep at the best rate.
 */
public final class SweepBench {
    private SweepBench() {
    }

    /**
     * @param small          the sweep to time
     * @param full           the sweep whose wall time is projected (same epochs per point is assumed)
     * @param processCommand worker n's command line for a results folder
     */
    public static void run(PrintStream out, Sweep small, Sweep full, java.util.function.BiFunction<Path, Integer,
            List<String>> processCommand, String eqspiceVersion) throws IOException {
        int points = small.points().size();
        out.printf(Locale.ROOT, "bench sweep: %s (%d points) -> projection for %s (%d points)%n", small.name(), points,
                full.name(), full.points().size());
        out.printf(Locale.ROOT, "%-26s %-10s %-12s %s%n", "executors", "seconds", "points/min", "speedup vs 1 process");
        double one = time(out, "1 worker process", small, 1,
                d -> SweepRunner.processes(d, n -> processCommand.apply(d, n)), 0);
        double two = time(out, "2 worker processes", small, 2,
                d -> SweepRunner.processes(d, n -> processCommand.apply(d, n)), one);
        time(out, "2 library copies, 1 JVM", small, 2, d -> n -> new LibraryCopyWorker(n, d, eqspiceVersion), one);
        int cores = Runtime.getRuntime().availableProcessors();
        double perPointCoreSeconds = two * 2 / points;
        double projected = full.points().size() * perPointCoreSeconds / cores;
        out.printf(Locale.ROOT, "projected wall time of %s on %d cores: %.2f h = %.0f min (%.3f s of one core per "
                + "point, from the 2-process run)%n", full.name(), cores, projected / 3600, projected / 60, perPointCoreSeconds);
    }

    private static double time(PrintStream out, String label, Sweep sweep, int workers,
                               java.util.function.Function<Path, IntFunction<PointExecutor>> executors, double baseline)
            throws IOException {
        Path dir = Files.createTempDirectory("eqspice-bench-sweep");
        try {
            SweepProgress quiet = new SweepProgress(new PrintStream(OutputStream.nullOutputStream()), false, 1e9);
            SweepRunner.Summary s = new SweepRunner(sweep, dir, workers, executors.apply(dir), quiet).run();
            double rate = s.ran() / s.seconds() * 60;
            out.printf(Locale.ROOT, "%-26s %-10.1f %-12.1f %s%n", label, s.seconds(), rate,
                    baseline > 0 ? String.format(Locale.ROOT, "%.2f", baseline / s.seconds()) : "1.00");
            if (s.failed() > 0) {
                out.printf(Locale.ROOT, "  (%d points failed)%n", s.failed());
            }
            return s.seconds();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
