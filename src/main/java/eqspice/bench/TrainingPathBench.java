package eqspice.bench;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.PhaseStrategy;
import eqspice.network.NetworkSpec;
import eqspice.simulate.Simulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The second table of {@code eqspice bench backends}: the cost per phase on the path training
 * really takes ({@link EqPropStep#runBatch} over mini-batches), where ngspice can use its
 * faster phase strategies (one {@code dc} sweep per mini-batch). The per-phase table above it
 * times single operating points, which is the embedded solver's own unit but not ngspice's
 * best; this table gives the fair ratio against ngspice's fastest strategy.
 */
final class TrainingPathBench {
    /** Samples per mini-batch: the size docs/performance.md "Fast phases" measured as ngspice's best. */
    static final int BATCH = 8;
    private static final double BETA = 1e-6;

    private TrainingPathBench() {
    }

    /** Warm-up per row: at least one mini-batch and this long (seconds), so that Java code is timed JIT-compiled. */
    static final double WARM_UP_SECONDS = 3.0;
    /** Timed per row: at least the requested mini-batches and this long (seconds), so that fast rows are medians of many. */
    static final double MIN_TIMED_SECONDS = 2.0;

    /**
     * One row per (backend, strategy): median wall and thread CPU time per phase over at least
     * {@code batches} timed mini-batches, with its ratio to the first row and, for the embedded
     * backend, to ngspice's fastest strategy measured above it (wall and CPU).
     */
    static void measure(PrintStream out, List<BackendBench.Backend> backends, List<Simulator> sims, NetworkSpec spec,
                        SolverOptions options, int batches) {
        measure(out, backends, sims, spec, options, batches, WARM_UP_SECONDS, MIN_TIMED_SECONDS);
    }

    static void measure(PrintStream out, List<BackendBench.Backend> backends, List<Simulator> sims, NetworkSpec spec,
                        SolverOptions options, int batches, double warmUpSeconds, double minTimedSeconds) {
        PhaseWorkload work = PhaseWorkload.of(spec, BATCH * (batches + 1));
        String shape = eqspice.network.CrossbarCircuit.shape(spec);
        double baseline = Double.NaN;
        double fastestNgspice = Double.NaN;
        double fastestNgspiceCpu = Double.NaN;
        for (int b = 0; b < backends.size(); b++) {
            boolean embedded = "embedded".equals(sims.get(b).info().backend());
            List<PhaseStrategy> strategies = embedded ? List.of(PhaseStrategy.SWEEP)
                    : List.of(PhaseStrategy.ALTER_OP, PhaseStrategy.SWEEP);
            for (PhaseStrategy strategy : strategies) {
                CrossbarSession session = work.session(sims.get(b), options, strategy);
                // Warm-up: the harness's Java code (maps of source values, the gradient pass) and the
                // embedded solver must be timed JIT-compiled, as in a training run of many mini-batches,
                // not in the interpreter (measured: 784-100-10 took ~17 mini-batches, 5x the steady time
                // per phase at first; on a loaded machine the compiler threads need longer).
                long warm = System.nanoTime() + (long) (warmUpSeconds * 1e9);
                for (int w = 0; w == 0 || (System.nanoTime() < warm && w < 100_000); w++) {
                    batch(session, work, w % (batches + 1));
                }
                List<Double> wall = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                long until = System.nanoTime() + (long) (minTimedSeconds * 1e9);
                for (int k = 0; k < batches || (System.nanoTime() < until && k < 100_000); k++) {
                    long c0 = BenchStats.cpuNanos();
                    long t0 = System.nanoTime();
                    batch(session, work, k % batches + 1);
                    wall.add((System.nanoTime() - t0) / 1e9 / (BATCH * 3));
                    cpu.add((BenchStats.cpuNanos() - c0) / 1e9 / (BATCH * 3));
                }
                double median = BenchStats.median(wall.stream().mapToDouble(Double::doubleValue).toArray());
                double medianCpu = BenchStats.median(cpu.stream().mapToDouble(Double::doubleValue).toArray());
                if (Double.isNaN(baseline)) {
                    baseline = median;
                }
                String versus = "";
                if (!embedded && !(median >= fastestNgspice)) {
                    fastestNgspice = median;
                    fastestNgspiceCpu = medianCpu;
                } else if (embedded && !Double.isNaN(fastestNgspice)) {
                    versus = String.format(Locale.ROOT, "  %.0fx ngspice's fastest (cpu %.0fx)", fastestNgspice / median,
                            fastestNgspiceCpu / medianCpu);
                }
                String label = embedded ? backends.get(b).name() : "ngspice-" + strategy.label();
                out.printf(Locale.ROOT, "%-12s %-20s %10s per phase (cpu %10s) over %5d mini-batches  %8s of the first row%s%n",
                        shape, label, BenchStats.ms(median), BenchStats.ms(medianCpu), wall.size(),
                        String.format(Locale.ROOT, "%.1fx", baseline / median), versus);
                out.flush();
            }
        }
    }

    private static void batch(CrossbarSession session, PhaseWorkload work, int k) {
        List<double[]> xs = new ArrayList<>(Arrays.asList(work.xs()).subList(k * BATCH, (k + 1) * BATCH));
        List<double[]> ys = new ArrayList<>(Arrays.asList(work.ys()).subList(k * BATCH, (k + 1) * BATCH));
        for (EqPropStep.Outcome o : EqPropStep.runBatch(session, xs, ys, Estimator.CENTERED, BETA)) {
            if (o.failure() != null) {
                throw new IllegalStateException("bench backends: a phase failed on the training path: "
                        + o.failure().getMessage(), o.failure());
            }
        }
    }
}
