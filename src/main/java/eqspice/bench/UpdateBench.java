package eqspice.bench;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.PhaseStrategy;
import eqspice.network.ConductanceMatrix;
import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.ngspice.NgspiceSession;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The conductance-update part of {@code eqspice bench phases}: what one update of every
 * conductance costs by {@code alter} (per element and in all), by loading the circuit again, and
 * per sample with mini-batches of 1, 8 and 32 samples, next to the cost of one phase.
 */
public final class UpdateBench {
    private UpdateBench() {
    }

    /** One network's figures (seconds). */
    record Result(int conductances, double alterAll, double reload, double perPhase) {
        double alterPerElement() {
            return alterAll / conductances;
        }

        double best() {
            return Math.min(alterAll, reload);
        }
    }

    public static void run(PrintStream out, List<NetworkSpec> specs) {
        out.printf(Locale.ROOT, "%nconductance updates (every conductance changed; medians of 3):%n");
        out.printf(Locale.ROOT, "%-11s %-8s %-14s %-12s %-12s %-10s %-14s %-15s %-6s %-16s %s%n", "network", "g",
                "alter/element", "alter all", "reload", "chosen", "update/phase", "per sample B=8", "B=32",
                "epoch 1000, B=1", "B=8");
        try (NgspiceSession ng = new NgspiceSession()) {
            for (NetworkSpec spec : specs) {
                Result r = measure(ng, spec);
                double phases = 1000 * PhaseWorkload.PHASES * r.perPhase();
                out.printf(Locale.ROOT, "%-11s %-8d %-14s %-12s %-12s %-10s %-14.2f %-15.2f %-6.2f %-16s %s%n",
                        CrossbarCircuit.shape(spec), r.conductances(), String.format(Locale.ROOT, "%.1f us",
                                r.alterPerElement() * 1e6), BenchStats.ms(r.alterAll()), BenchStats.ms(r.reload()),
                        r.alterAll() <= r.reload() ? "alter" : "reload", r.best() / r.perPhase(),
                        r.best() / 8 / (3 * r.perPhase()), r.best() / 32 / (3 * r.perPhase()),
                        minutes(phases + 1000 * r.best()), minutes(phases + 125 * r.best()));
                out.flush();
            }
        }
        out.println("update/phase: the cheaper update against one phase (sweep); per sample B: the update shared by a "
                + "mini-batch of B samples, against the sample's three phases; epoch: 1,000 samples (3 phases each, "
                + "one sweep per sample) and 1000/B updates, projected");
    }

    private static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.2f min", seconds / 60);
    }

    static Result measure(NgspiceSession ng, NetworkSpec spec) {
        PhaseWorkload w = PhaseWorkload.of(spec, 8);
        CrossbarSession session = w.session(ng, SolverOptions.DEFAULT, PhaseStrategy.SWEEP);
        w.step(session, 0);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] alter = new double[3];
        double[] reload = new double[3];
        double[] phase = new double[3];
        for (int k = 0; k < 3; k++) {
            session.reloadAbove(Integer.MAX_VALUE);
            LayeredNetwork next = perturbed(session.network(), rnd);
            long t0 = BenchStats.cpuNanos();
            session.setNetwork(next);
            alter[k] = (BenchStats.cpuNanos() - t0) / 1e9;
            session.reloadAbove(0);
            next = perturbed(session.network(), rnd);
            t0 = BenchStats.cpuNanos();
            session.setNetwork(next);
            reload[k] = (BenchStats.cpuNanos() - t0) / 1e9;
            w.step(session, k + 1); // the first phase after a reload pays the setup: counted in the phase, as in training
            t0 = BenchStats.cpuNanos();
            w.step(session, k + 2);
            phase[k] = (BenchStats.cpuNanos() - t0) / 1e9 / PhaseWorkload.PHASES;
        }
        return new Result(spec.conductanceCount(), BenchStats.median(alter), BenchStats.median(reload),
                BenchStats.median(phase));
    }

    /** Every conductance moved by up to 1 % (within the bounds). */
    static LayeredNetwork perturbed(LayeredNetwork net, SplittableRandom rnd) {
        List<ConductanceMatrix> next = new ArrayList<>();
        for (ConductanceMatrix m : net.weights()) {
            double[] a = m.toArray();
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.min(net.spec().bounds().gMax(), Math.max(net.spec().bounds().gMin(),
                        a[i] * (1 + 0.01 * rnd.nextDouble(-1, 1))));
            }
            next.add(ConductanceMatrix.of(m.rows(), m.columns(), a));
        }
        return new LayeredNetwork(net.spec(), next);
    }
}
