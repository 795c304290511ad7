package eqspice.bench;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Estimator;
import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.NgspiceSession;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code eqspice bench train}: EqProp phases per second through the whole harness (set the
 * sources, solve, read, compute the estimate), against the analysis time {@code ngspice -b}
 * reports for the same circuit; the difference is the harness's overhead per phase.
 */
public final class TrainBench {

    private TrainBench() {
    }

    /** Runs the benchmark on the 2-2-1 Kiraz circuit and a 64-32-10 Kendall network. */
    public static void run(PrintStream out, SolverOptions options, double seconds) throws IOException {
        out.println("bench train: centered EqProp steps (3 phases each), median over blocks; solver: " + options.label());
        out.printf(Locale.ROOT, "%-10s %-11s %-14s %-14s %-22s %s%n", "network", "phases/s", "per phase", "per sample",
                "ngspice -b analysis", "harness overhead per phase");
        try (NgspiceSession ng = new NgspiceSession()) {
            measure(out, ng, Presets.kirazCase1(), options, seconds);
            measure(out, ng, Presets.kendall(64, 32, 10), options, seconds);
            out.println("solved by " + ng.info().label());
        }
    }

    private static void measure(PrintStream out, NgspiceSession ng, NetworkSpec spec, SolverOptions options,
                                double seconds) throws IOException {
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, 7);
        CrossbarSession session = CrossbarSession.builder(ng, net).options(options).open();
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] xs = new double[16][spec.inputs()];
        double[][] ys = new double[16][spec.outputs()];
        for (int s = 0; s < xs.length; s++) {
            for (int i = 0; i < spec.inputs(); i++) {
                xs[s][i] = rnd.nextDouble(-1, 1);
            }
            for (int k = 0; k < spec.outputs(); k++) {
                ys[s][k] = rnd.nextDouble(0, 0.5);
            }
        }
        EqPropStep.run(session, xs[0], ys[0], Estimator.CENTERED, 1e-6); // warm-up
        List<Double> blocks = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int k = 0;
        while (System.nanoTime() < end || blocks.size() < 5) {
            long t0 = System.nanoTime();
            for (int b = 0; b < 8; b++, k++) {
                EqPropStep.run(session, xs[k % xs.length], ys[k % ys.length], Estimator.CENTERED, 1e-6);
            }
            blocks.add((System.nanoTime() - t0) / 1e9 / 8);
        }
        double perSample = BenchStats.median(blocks.stream().mapToDouble(Double::doubleValue).toArray());
        double perPhase = perSample / 3;
        double raw = BatchBaseline.measure(new CrossbarCircuit(spec).build(net, xs[0], options, List.of()), 5)
                .analysisSeconds();
        out.printf(Locale.ROOT, "%-10s %-11.0f %-14s %-14s %-22s %s%n", CrossbarCircuit.shape(spec), 1 / perPhase,
                BenchStats.ms(perPhase), BenchStats.ms(perSample), BenchStats.ms(raw),
                BenchStats.ms(perPhase - raw) + String.format(Locale.ROOT, " (%.1fx the solve)", perPhase / raw));
        out.flush();
    }

}
