package eqspice.bench;

import eqspice.circuit.Circuit;
import eqspice.circuit.SolverOptions;
import eqspice.ngspice.NgspiceSession;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code eqspice bench binding}: the cost of one operating point through eqspice (alter a
 * source, {@code op}, read every vector, destroy the plot) against the analysis time the
 * {@code ngspice -b} program reports for the same netlist ({@code .options acct}), on
 * resistor grids of about 1k, 10k and 80k resistors; then resident memory over 10,000 solves.
 */
public final class BindingBench {
    private static final int[] SIZES = {1_000, 10_000, 80_000};

    private BindingBench() {
    }

    /** Runs the benchmark; {@code memorySolves} is 10,000 for the reported figure. */
    public static void run(PrintStream out, SolverOptions options, int memorySolves) throws IOException {
        out.println("bench binding: per operating point, median; solver options: " + options.label());
        out.printf(Locale.ROOT, "%-10s %-9s %-14s %-18s %-16s %s%n", "grid", "resistors", "eqspice op",
                "ngspice -b analysis", "ngspice -b wall", "ratio eqspice/ngspice");
        try (NgspiceSession ng = new NgspiceSession()) {
            for (int size : SIZES) {
                int side = ResistorGrid.sideFor(size);
                Circuit grid = ResistorGrid.build(side, options);
                int reps = size <= 1_000 ? 51 : size <= 10_000 ? 21 : 7;
                double eq = inProcess(ng, grid, reps);
                BatchBaseline batch = BatchBaseline.measure(grid, 3);
                out.printf(Locale.ROOT, "%-10s %-9d %-14s %-18s %-16s %.2f%n", side + "x" + side,
                        grid.elements().size() - 2, BenchStats.ms(eq), BenchStats.ms(batch.analysisSeconds()),
                        BenchStats.ms(batch.wallSeconds()), eq / batch.analysisSeconds());
                out.flush();
            }
            out.println("solved by " + ng.info().label());
        }
        memoryInChild(out, memorySolves);
    }

    private static double inProcess(NgspiceSession ng, Circuit grid, int reps) {
        ng.load(grid);
        ng.operatingPoint(); // warm-up: JIT and ngspice's first-time allocations
        double[] t = new double[reps];
        for (int k = 0; k < reps; k++) {
            ng.setSource("vin", 1.0 + 0.5 * (k % 2));
            long t0 = System.nanoTime();
            ng.operatingPoint();
            t[k] = (System.nanoTime() - t0) / 1e9;
        }
        return BenchStats.median(t);
    }

    /**
     * Runs {@link #memory} in a child JVM whose heap is fixed and pre-touched: the Java heap of
     * this JVM grows on garbage until the collector has sized it, which RSS would count as a
     * leak. With the heap resident from the start, RSS growth is ngspice's (or the JIT's).
     */
    private static void memoryInChild(PrintStream out, int solves) throws IOException {
        java.util.List<String> cmd = eqspice.run.ChildJvm.command(java.util.List.of("-Xms256m", "-Xmx256m",
                "-XX:+AlwaysPreTouch"), java.util.List.of("bench", "memory", "--solves", Integer.toString(solves)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("the memory measurement failed: " + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        out.print(text);
    }

    /** Resident memory over {@code solves} operating points of the ~1k grid (run by {@code eqspice bench memory}). */
    public static void memory(PrintStream out, SolverOptions options, int solves) {
        try (NgspiceSession ng = new NgspiceSession()) {
            ng.load(ResistorGrid.build(ResistorGrid.sideFor(SIZES[0]), options));
            for (int k = 0; k < 500; k++) { // warm-up: JIT compilation is not ngspice's memory
                ng.operatingPoint();
            }
            long after100 = 0;
            long t0 = System.nanoTime();
            for (int k = 1; k <= solves; k++) {
                ng.setSource("vin", 1.0 + (k % 3));
                ng.operatingPoint();
                if (k == 100) {
                    after100 = BenchStats.rssKib();
                }
            }
            long last = BenchStats.rssKib();
            out.printf(Locale.ROOT, "memory: %d solves of the %d-resistor grid in %.1f s (JVM heap fixed at 256 MiB); "
                    + "RSS after 100: %d KiB, after %d: %d KiB (%+.1f %%)%n", solves, SIZES[0],
                    (System.nanoTime() - t0) / 1e9, after100, solves, last, 100.0 * (last - after100) / after100);
        }
    }
}
