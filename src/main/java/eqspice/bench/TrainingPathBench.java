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

    /** One row per (backend, strategy): median seconds per phase over {@code batches} timed mini-batches. */
    static void measure(PrintStream out, List<BackendBench.Backend> backends, List<Simulator> sims, NetworkSpec spec,
                        SolverOptions options, int batches) {
        PhaseWorkload work = PhaseWorkload.of(spec, BATCH * (batches + 1));
        String shape = eqspice.network.CrossbarCircuit.shape(spec);
        double baseline = Double.NaN;
        for (int b = 0; b < backends.size(); b++) {
            boolean embedded = "embedded".equals(sims.get(b).info().backend());
            List<PhaseStrategy> strategies = embedded ? List.of(PhaseStrategy.SWEEP)
                    : List.of(PhaseStrategy.ALTER_OP, PhaseStrategy.SWEEP);
            for (PhaseStrategy strategy : strategies) {
                CrossbarSession session = work.session(sims.get(b), options, strategy);
                // Warm-up as in the per-phase table: at least one mini-batch and one second, so that the
                // harness's Java code (maps of source values, the gradient pass) is timed JIT-compiled, as in
                // a training run of many mini-batches, not in the interpreter (measured: 784-100-10 took ~17
                // mini-batches, 5x the steady time per phase at first, to compile).
                long warm = System.nanoTime() + 1_000_000_000L;
                for (int w = 0; w == 0 || (System.nanoTime() < warm && w < 10_000); w++) {
                    batch(session, work, w % (batches + 1));
                }
                double[] perPhase = new double[batches];
                for (int k = 0; k < batches; k++) {
                    long t0 = System.nanoTime();
                    batch(session, work, k + 1);
                    perPhase[k] = (System.nanoTime() - t0) / 1e9 / (BATCH * 3);
                }
                double median = BenchStats.median(perPhase);
                if (Double.isNaN(baseline)) {
                    baseline = median;
                }
                String label = embedded ? backends.get(b).name() : "ngspice-" + strategy.label();
                out.printf(Locale.ROOT, "%-12s %-20s %12s per phase  %8s of the first row%n", shape, label,
                        BenchStats.ms(median), String.format(Locale.ROOT, "%.1fx", baseline / median));
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
