package eqspice.bench;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.PhaseStrategy;
import eqspice.simulate.Simulator;
import eqspice.sweep.Sweep;
import eqspice.sweep.SweepPoint;
import eqspice.train.Trainer;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code eqspice bench study}: training runs per minute of a study (a sweep of small training
 * runs, by default {@code experiments/kiraz-alpha-beta.yaml}) on several solving paths in one
 * run, and whether they agree with the reference path, the way a sweep point trains today.
 *
 * <p>All paths train the same runs (every {@code stride}-th point of the sweep, or all of them)
 * on one thread, one after another; a repetition times each path once, in turn, so that the
 * machine's load falls on all of them alike, and the figures are medians over the repetitions.
 * Agreement is checked against the reference run by run: the converged flag, the epoch of
 * convergence and the final loss (the largest absolute difference is printed).
 */
public final class StudyBench {
    /**
     * A way of solving a study's runs.
     *
     * @param name     for the table
     * @param open     the simulator (opened once per repetition, closed after it)
     * @param strategy the phase strategy; empty: the default for the solver options (auto, as sweep points use)
     * @param options  the run's solver options from the study's; the identity keeps them
     * @param copyRepeats whether epochs at an exact fixed point are copied (as runs train) or solved
     */
    public record Path(String name, Supplier<Simulator> open, java.util.Optional<PhaseStrategy> strategy,
                       java.util.function.UnaryOperator<SolverOptions> options, boolean copyRepeats) {
    }

    /** One path's outcome over the selected runs. */
    public record Timing(double wallSeconds, double cpuSeconds, List<TrainingResult> results) {
    }

    /** Differences of a path from the reference over the same runs. */
    public record Agreement(int runs, int convergedDiffer, int epochDiffer, double maxLossDifference,
                            double maxRelativeLossDifference) {
        /** Identical converged flags and epochs of convergence. */
        public boolean identical() {
            return convergedDiffer == 0 && epochDiffer == 0;
        }
    }

    /**
     * Losses below this (V^2) count as this in the relative difference: a converged Kiraz run ends
     * near 1e-15 V^2, where any two solvers differ by "100 %" at the level of rounding.
     */
    public static final double RELATIVE_FLOOR = 1e-9;

    private StudyBench() {
    }

    /** The paths {@code eqspice bench study} knows, in table order; the first is the reference. */
    public static List<Path> defaultPaths() {
        return List.of(
                new Path("ngspice reference (auto: external-op at the study's tolerances, every epoch solved)",
                        eqspice.ngspice.NgspiceSession::new, java.util.Optional.empty(), o -> o, false),
                new Path("ngspice reference, epochs at an exact fixed point copied (as runs train)",
                        eqspice.ngspice.NgspiceSession::new, java.util.Optional.empty(), o -> o, true),
                new Path("ngspice sparse solver (external-op, same tolerances, klu off)",
                        eqspice.ngspice.NgspiceSession::new, java.util.Optional.of(PhaseStrategy.EXTERNAL_OP),
                        o -> o.withKlu(false), false),
                new Path("ngspice sweep per epoch (reltol 1e-7, vntol 1e-9)",
                        eqspice.ngspice.NgspiceSession::new, java.util.Optional.of(PhaseStrategy.SWEEP),
                        o -> o.withTolerances(1e-7, o.abstol(), 1e-9), false),
                new Path("embedded (study's tolerances)",
                        eqspice.embedded.EmbeddedSimulator::new, java.util.Optional.empty(), o -> o, false));
    }

    /** Every {@code stride}-th point of the sweep (stride 1: all), starting with the first. */
    public static List<TrainingConfig> select(Sweep sweep, int stride, int epochs) {
        if (stride < 1) {
            throw new IllegalArgumentException("--stride must be >= 1, got " + stride);
        }
        List<TrainingConfig> out = new ArrayList<>();
        List<SweepPoint> points = sweep.points();
        for (int k = 0; k < points.size(); k += stride) {
            TrainingConfig c = points.get(k).experiment().config();
            out.add(epochs > 0 ? c.toBuilder().epochs(epochs).build() : c);
        }
        return out;
    }

    /** Trains every run on the path's simulator, timing the whole. */
    public static Timing time(Path path, List<TrainingConfig> runs) {
        List<TrainingResult> results = new ArrayList<>(runs.size());
        try (Simulator sim = path.open().get()) {
            // warm-up: the JIT and the library's first circuit, outside the timing
            Trainer.train(sim, configFor(path, runs.get(0)).toBuilder().epochs(Math.min(20, runs.get(0).epochs()))
                    .build(), options(path));
            long cpu0 = BenchStats.cpuNanos();
            long t0 = System.nanoTime();
            for (TrainingConfig run : runs) {
                results.add(Trainer.train(sim, configFor(path, run), options(path)));
            }
            return new Timing((System.nanoTime() - t0) / 1e9, (BenchStats.cpuNanos() - cpu0) / 1e9, results);
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("closing the simulator of " + path.name() + " failed", e);
        }
    }

    private static TrainingConfig configFor(Path path, TrainingConfig run) {
        return run.toBuilder().solver(path.options().apply(run.solver())).build();
    }

    private static Trainer.Options options(Path path) {
        Trainer.Options o = path.copyRepeats() ? Trainer.Options.defaults()
                : Trainer.Options.defaults().withEveryEpochSolved();
        return path.strategy().map(o::withStrategy).orElse(o);
    }

    /** How the results of a path differ from the reference's, run by run. */
    public static Agreement compare(List<TrainingResult> reference, List<TrainingResult> other) {
        if (reference.size() != other.size()) {
            throw new IllegalArgumentException("different numbers of runs: " + reference.size() + " and " + other.size());
        }
        int conv = 0;
        int epoch = 0;
        double maxAbs = 0;
        double maxRel = 0;
        for (int k = 0; k < reference.size(); k++) {
            TrainingResult r = reference.get(k);
            TrainingResult o = other.get(k);
            if (r.converged() != o.converged()) {
                conv++;
            }
            if (r.epochsToConverge() != o.epochsToConverge()) {
                epoch++;
            }
            double d = Math.abs(r.finalLoss() - o.finalLoss());
            maxAbs = Math.max(maxAbs, d);
            maxRel = Math.max(maxRel, d / Math.max(Math.abs(r.finalLoss()), RELATIVE_FLOOR));
        }
        return new Agreement(reference.size(), conv, epoch, maxAbs, maxRel);
    }

    /**
     * Times every path {@code repeats} times over the runs (paths interleaved within each
     * repetition) and prints runs per minute, the ratios to the first path and the agreement.
     */
    public static void run(PrintStream out, Sweep sweep, List<TrainingConfig> runs, List<Path> paths, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be >= 1, got " + repeats);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs selected");
        }
        out.printf(Locale.ROOT, "bench study: %s, %d of its %d runs, %d epochs each, %d repetitions; one thread; load %s%n",
                sweep.name(), runs.size(), sweep.points().size(), runs.get(0).epochs(), repeats, BenchStats.load());
        double[][] wall = new double[paths.size()][repeats];
        double[][] cpu = new double[paths.size()][repeats];
        List<List<TrainingResult>> firstResults = new ArrayList<>();
        for (int rep = 0; rep < repeats; rep++) {
            for (int p = 0; p < paths.size(); p++) {
                Timing t = time(paths.get(p), runs);
                wall[p][rep] = t.wallSeconds();
                cpu[p][rep] = t.cpuSeconds();
                if (rep == 0) {
                    firstResults.add(t.results());
                }
                out.printf(Locale.ROOT, "  repetition %d, %s: %.2f s wall, %.2f s cpu (load %s)%n", rep + 1,
                        paths.get(p).name(), t.wallSeconds(), t.cpuSeconds(), BenchStats.load());
            }
        }
        // the path column as wide as its longest name, so that the figures line up under their headings
        String row = "%-" + paths.stream().mapToInt(q -> q.name().length()).max().orElse(4)
                + "s %12s %12s %9s %9s  %s%n";
        out.printf(Locale.ROOT, row, "path", "runs/min", "runs/min cpu", "x (wall)",
                "x (cpu)", "agreement with the reference (converged flags, epochs, max |final loss difference|)");
        double refWall = BenchStats.median(wall[0]);
        double refCpu = BenchStats.median(cpu[0]);
        for (int p = 0; p < paths.size(); p++) {
            double w = BenchStats.median(wall[p]);
            double c = BenchStats.median(cpu[p]);
            Agreement a = compare(firstResults.get(0), firstResults.get(p));
            out.printf(Locale.ROOT, row, paths.get(p).name(), String.format(Locale.ROOT, "%.1f", runs.size() * 60 / w),
                    String.format(Locale.ROOT, "%.1f", runs.size() * 60 / c), String.format(Locale.ROOT, "%.2f", refWall / w),
                    String.format(Locale.ROOT, "%.2f", refCpu / c), describe(a));
        }
        int converged = (int) firstResults.get(0).stream().filter(TrainingResult::converged).count();
        out.printf(Locale.ROOT, "reference: %d of %d runs converged%n", converged, runs.size());
    }

    /** One line: identical or how many runs differ, and the largest loss difference. */
    public static String describe(Agreement a) {
        String flags = a.identical() ? "identical flags and epochs"
                : String.format(Locale.ROOT, "%d runs differ in converged, %d in epoch", a.convergedDiffer(), a.epochDiffer());
        return String.format(Locale.ROOT, "%s over %d runs; max |dL| %.2g V^2 (%.2g relative, losses under 1e-9 V^2 counted as 1e-9)", flags, a.runs(),
                a.maxLossDifference(), a.maxRelativeLossDifference());
    }
}
