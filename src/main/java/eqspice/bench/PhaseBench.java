package eqspice.bench;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.PhaseStrategy;
import eqspice.network.CrossbarCircuit;
import eqspice.network.NetworkSpec;
import eqspice.ngspice.NgspiceSession;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Solution;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eqspice bench phases}: the cost of an EqProp phase per strategy, all in one run and on
 * one ngspice instance, against the analysis time {@code ngspice -b} reports for the same
 * netlist: reload the netlist per phase, alter the sources then {@code op}, EXTERNAL sources then
 * {@code op}, one {@code dc} sweep per sample, one sweep per 8 samples, and the sparse solver
 * against KLU. Before timing, every strategy's node voltages are checked against alter + op
 * (1e-9 relative, at tight and at the default tolerances: measured, Newton's last step lands far
 * closer to the solution than reltol, whichever point it starts from).
 */
public final class PhaseBench {
    /** Samples per block of the batched sweep. */
    static final int BATCH = 8;
    /** Relative agreement every strategy must reach (at tight solver tolerances). */
    static final double AGREEMENT = 1e-9;
    static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-10, 1e-15, 1e-12);

    private PhaseBench() {
    }

    /** One strategy's figures on one network. */
    record Row(String strategy, double perSample, int samples, double overhead, double callbacks) {
        double perPhase() {
            return perSample / PhaseWorkload.PHASES;
        }
    }

    /** Measures every strategy on each network; {@code samples} scales the repetitions (per 10k resistors). */
    public static void run(PrintStream out, List<NetworkSpec> specs, double budgetSeconds) throws IOException {
        out.println("bench phases: centered EqProp steps (free, +beta, -beta), medians of thread CPU time (as ngspice -b "
                + "reports its analysis time); solver: " + SolverOptions.DEFAULT.label());
        try (NgspiceSession ng = new NgspiceSession()) {
            for (NetworkSpec spec : specs) {
                measure(out, ng, spec, budgetSeconds);
            }
            out.println("ngspice " + ng.version() + "; load average " + BenchStats.load());
        }
    }

    private static void measure(PrintStream out, NgspiceSession ng, NetworkSpec spec, double budget) throws IOException {
        PhaseWorkload w = PhaseWorkload.of(spec, 2 * BATCH);
        CrossbarCircuit builder = new CrossbarCircuit(spec);
        out.printf(Locale.ROOT, "%n== %s: %d conductances, %d elements%n", CrossbarCircuit.shape(spec),
                spec.conductanceCount(), builder.build(w.network(), w.xs()[0], TIGHT, List.of()).elements().size());
        out.println(agreement(ng, w, builder, TIGHT, true));
        out.println(agreement(ng, w, builder, SolverOptions.DEFAULT, true));
        double raw = BatchBaseline.measure(builder.build(w.network(), w.xs()[0], SolverOptions.DEFAULT, List.of()), 3)
                .analysisSeconds();
        List<Row> rows = new ArrayList<>();
        SolverOptions klu = SolverOptions.DEFAULT;
        SolverOptions sparse = klu.withKlu(false);
        rows.add(timeReload(ng, w, builder, klu, budget));
        rows.add(timeSteps(ng, w, klu, PhaseStrategy.ALTER_OP, "alter-op", budget));
        rows.add(timeSteps(ng, w, klu, PhaseStrategy.EXTERNAL_OP, "external-op", budget));
        rows.add(timeSteps(ng, w, klu, PhaseStrategy.SWEEP, "sweep", budget));
        rows.add(timeBatch(ng, w, builder, klu, budget));
        rows.add(timeSteps(ng, w, sparse, PhaseStrategy.ALTER_OP, "alter-op sparse", budget));
        rows.add(timeSteps(ng, w, sparse, PhaseStrategy.SWEEP, "sweep sparse", budget));
        double alter = rows.get(1).perPhase();
        out.printf(Locale.ROOT, "%-18s %-12s %-12s %-8s %-12s %-12s %-11s %s%n", "strategy", "per phase", "per sample", "samples",
                "x ngspice -b", "x alter-op", "x analysis", "callbacks/phase");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-18s %-12s %-12s %-8d %-12.2f %-12.2f %-11.2f %.0f%n", r.strategy(),
                    BenchStats.ms(r.perPhase()), BenchStats.ms(r.perSample()), r.samples(), r.perPhase() / raw,
                    r.perPhase() / alter, r.overhead(), r.callbacks());
        }
        Row best = rows.stream().filter(r -> !r.strategy().contains("sparse"))
                .min((a, b) -> Double.compare(a.perPhase(), b.perPhase())).orElseThrow();
        out.printf(Locale.ROOT, "ngspice -b op analysis %s; fastest: %s (%.2fx the raw solve, %.2fx cheaper than alter-op, "
                + "%.2fx cheaper than reload, %.2fx the CPU time inside ngspice's analyses)%n", BenchStats.ms(raw),
                best.strategy(), best.perPhase() / raw, alter / best.perPhase(), rows.get(0).perPhase() / best.perPhase(),
                best.overhead());
        out.flush();
    }

    /** Samples to time: as many as fit in the budget, at least 3, judged from one warm-up sample. */
    private static int samplesFor(double warmupSeconds, double budget) {
        return (int) Math.max(3, Math.min(200, budget / Math.max(warmupSeconds, 1e-6)));
    }

    private static Row timeSteps(NgspiceSession ng, PhaseWorkload w, SolverOptions o, PhaseStrategy strategy, String label,
                                 double budget) {
        CrossbarSession session = w.session(ng, o, strategy);
        long t0 = BenchStats.cpuNanos();
        w.step(session, 0); // warm-up: JIT, ngspice's first allocations
        int n = samplesFor((BenchStats.cpuNanos() - t0) / 1e9, budget);
        double[] t = new double[n];
        long inside = ng.analysisNanos();
        long calls = ng.externalCalls();
        for (int s = 0; s < n; s++) {
            long a = BenchStats.cpuNanos();
            w.step(session, s + 1);
            t[s] = (BenchStats.cpuNanos() - a) / 1e9;
        }
        return new Row(label, BenchStats.median(t), n, overhead(t, ng.analysisNanos() - inside),
                (ng.externalCalls() - calls) / (3.0 * n));
    }

    private static Row timeReload(NgspiceSession ng, PhaseWorkload w, CrossbarCircuit builder, SolverOptions o,
                                  double budget) {
        long t0 = BenchStats.cpuNanos();
        reloadSample(ng, w, builder, o, 0);
        int n = samplesFor((BenchStats.cpuNanos() - t0) / 1e9, budget);
        double[] t = new double[n];
        long inside = ng.analysisNanos();
        long calls = ng.externalCalls();
        for (int s = 0; s < n; s++) {
            long a = BenchStats.cpuNanos();
            reloadSample(ng, w, builder, o, s + 1);
            t[s] = (BenchStats.cpuNanos() - a) / 1e9;
        }
        return new Row("reload", BenchStats.median(t), n, overhead(t, ng.analysisNanos() - inside),
                (ng.externalCalls() - calls) / (3.0 * n));
    }

    private static void reloadSample(NgspiceSession ng, PhaseWorkload w, CrossbarCircuit builder, SolverOptions o, int s) {
        for (Solution sol : w.reloadPhases(ng, builder, o, s)) {
            voltagesAcross(builder, sol);
        }
    }

    /** One sweep over {@value #BATCH} samples (24 phases); per sample is the block's time / 8. */
    private static Row timeBatch(NgspiceSession ng, PhaseWorkload w, CrossbarCircuit builder, SolverOptions o,
                                 double budget) {
        CrossbarSession session = w.session(ng, o, PhaseStrategy.SWEEP);
        long t0 = BenchStats.cpuNanos();
        batch(session, w, 0);
        int blocks = Math.max(3, Math.min(25, (int) (budget / Math.max((BenchStats.cpuNanos() - t0) / 1e9, 1e-6))));
        double[] t = new double[blocks];
        long inside = ng.analysisNanos();
        long calls = ng.externalCalls();
        for (int b = 0; b < blocks; b++) {
            long a = BenchStats.cpuNanos();
            batch(session, w, b + 1);
            t[b] = (BenchStats.cpuNanos() - a) / 1e9 / BATCH;
        }
        return new Row("sweep x" + BATCH + " samples", BenchStats.median(t), blocks * BATCH,
                overhead(t, (ng.analysisNanos() - inside) / (double) BATCH),
                (ng.externalCalls() - calls) / (3.0 * blocks * BATCH));
    }

    /** Total CPU time over the CPU time inside ngspice's analyses (op, dc) for the same samples. */
    private static double overhead(double[] perSample, double insideNanos) {
        double total = 0;
        for (double v : perSample) {
            total += v;
        }
        return total / (insideNanos / 1e9);
    }

    /** One mini-batch through the training code path ({@link EqPropStep#runBatch}: one sweep, the estimates). */
    static void batch(CrossbarSession session, PhaseWorkload w, int block) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int s = 0; s < BATCH; s++) {
            xs.add(w.xs()[(block * BATCH + s) % w.xs().length]);
            ys.add(w.ys()[(block * BATCH + s) % w.ys().length]);
        }
        for (EqPropStep.Outcome o : EqPropStep.runBatch(session, xs, ys, Estimator.CENTERED, PhaseWorkload.BETA)) {
            if (o.failure() != null) {
                throw o.failure();
            }
        }
    }

    private static void voltagesAcross(CrossbarCircuit builder, Solution s) {
        for (var c : builder.layout().conductors()) {
            double dv = s.voltage(c.rowNode()) - s.voltage(c.columnNode());
            if (Double.isNaN(dv)) {
                throw new IllegalStateException("NaN across " + c.element());
            }
        }
    }

    /**
     * The check before timing: sample 1's three phases by every strategy (the batched sweep
     * solves samples 0 and 1, so sample 1 starts from sample 0's last phase) against alter + op.
     */
    static String agreement(NgspiceSession ng, PhaseWorkload w, CrossbarCircuit builder, SolverOptions opts,
                            boolean checked) {
        CrossbarSession alter = w.session(ng, opts, PhaseStrategy.ALTER_OP);
        List<Solution> ref = alter.solveSequence(3, w.plan(builder, 1)).solutions();
        Map<String, List<Solution>> others = new java.util.LinkedHashMap<>();
        others.put("reload", w.reloadPhases(ng, builder, opts, 1));
        others.put("external-op", w.session(ng, opts, PhaseStrategy.EXTERNAL_OP).solveSequence(3, w.plan(builder, 1))
                .solutions());
        others.put("sweep", w.session(ng, opts, PhaseStrategy.SWEEP).solveSequence(3, w.plan(builder, 1)).solutions());
        CrossbarSession batched = w.session(ng, opts, PhaseStrategy.SWEEP);
        List<PhasePlan> two = List.of(w.plan(builder, 0), w.plan(builder, 1));
        others.put("sweep x2 samples", batched.solveSequence(6, (k, solved) -> two.get(k / 3).values(k % 3,
                solved.subList(k - k % 3, k))).solutions().subList(3, 6));
        others.put("sweep sparse", w.session(ng, opts.withKlu(false), PhaseStrategy.SWEEP)
                .solveSequence(3, w.plan(builder, 1)).solutions());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "agreement with alter-op (reltol %.0e), max relative "
                + "node-voltage difference:", opts.reltol()));
        boolean ok = true;
        for (var e : others.entrySet()) {
            double worst = 0;
            for (int k = 0; k < 3; k++) {
                for (var v : ref.get(k).voltages().entrySet()) {
                    double a = v.getValue();
                    double b = e.getValue().get(k).voltage(v.getKey());
                    worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), 1e-3));
                }
            }
            ok &= worst <= AGREEMENT;
            sb.append(String.format(Locale.ROOT, " %s %.1e;", e.getKey(), worst));
        }
        if (!checked) {
            return sb.append(" (Newton stops within reltol of the solution, from another start point elsewhere)").toString();
        }
        return sb.append(ok ? " all within " : " NOT all within ").append(AGREEMENT).toString();
    }
}
