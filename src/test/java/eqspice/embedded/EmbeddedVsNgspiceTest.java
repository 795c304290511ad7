package eqspice.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.DiodeModel;
import eqspice.circuit.SolverOptions;
import eqspice.network.Amplifier;
import eqspice.network.ConductanceBounds;
import eqspice.network.CrossbarCircuit;
import eqspice.network.DiodePair;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.NgspiceSession;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The embedded solver against the real ngspice on the circuits eqspice generates: random
 * networks of several sizes and both presets, with and without diodes (ideal and with series
 * resistance, both orientations), with both amplifier variants and with none, in the free and
 * both nudged phases. Both solve with tight tolerances; every node voltage must agree within
 * 1e-12 V and every branch current within 1e-9 A, with the same names. Every one of these
 * circuits is solved by {@link SchurSolver} (checked), the whole-system LU being the fallback
 * for other structures ({@link SchurSolverTest}).
 */
class EmbeddedVsNgspiceTest {
    static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-10, 1e-15, 1e-12);
    private static final double VOLTS = 1e-12;
    private static final double AMPS = 1e-9;

    private static NetworkSpec spec(int inputs, boolean doubled, List<Integer> hidden, int outputs,
                                    Optional<DiodePair> diodes, Optional<Amplifier> amp) {
        return new NetworkSpec(inputs, doubled, List.of(1.0), hidden, outputs, diodes, amp, ConductanceBounds.DEFAULT);
    }

    /**
     * What one comparison saw.
     *
     * @param worst     the largest node-voltage difference between the two solvers (V)
     * @param maxHidden the largest |V| of a hidden node (ngspice's value)
     */
    record Comparison(double worst, double maxHidden) {
    }

    /** Free, +nudged and -nudged phases for two input vectors. */
    static Comparison compare(NetworkSpec spec, long seed, double lo, double hi) {
        return compare(LayeredNetwork.random(spec, lo, hi, seed), seed, 2.0);
    }

    /** Inputs uniform in [-amplitude, amplitude] V. */
    static Comparison compare(LayeredNetwork net, long seed, double amplitude) {
        NetworkSpec spec = net.spec();
        CrossbarCircuit cc = new CrossbarCircuit(spec);
        SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
        NgspiceSession ng = SharedSession.get();
        EmbeddedSimulator em = new EmbeddedSimulator();
        double worst = 0;
        double maxHidden = 0;
        double[] zero = new double[spec.inputs()];
        for (Simulator sim : List.<Simulator>of(ng, em)) {
            sim.load(cc.build(net, zero, TIGHT, List.of()));
        }
        for (int sample = 0; sample < 2; sample++) {
            double[] x = new double[spec.inputs()];
            for (int i = 0; i < x.length; i++) {
                x[i] = amplitude * (2 * rng.nextDouble() - 1);
            }
            for (double nudgeScale : new double[] {0, 1e-4, -1e-4}) {
                double[] nudge = new double[spec.outputs()];
                for (int k = 0; k < nudge.length; k++) {
                    nudge[k] = nudgeScale * (0.5 + rng.nextDouble());
                }
                for (Simulator sim : List.<Simulator>of(ng, em)) {
                    cc.inputValues(x).forEach(sim::setSource);
                    cc.nudgeValues(nudge).forEach(sim::setSource);
                }
                Solution a = ng.operatingPoint();
                Solution b = em.operatingPoint();
                assertTrue(em.schurInUse() != null, CrossbarCircuit.shape(spec) + ": solved by the whole-system LU");
                maxHidden = Math.max(maxHidden, a.voltages().entrySet().stream().filter(e -> e.getKey().startsWith("h"))
                        .mapToDouble(e -> Math.abs(e.getValue())).max().orElse(0));
                worst = Math.max(worst, check(a, b, CrossbarCircuit.shape(spec) + " seed " + seed + " sample " + sample
                        + " nudge " + nudgeScale));
            }
        }
        return new Comparison(worst, maxHidden);
    }

    static double check(Solution ng, Solution em, String what) {
        assertEquals(new TreeSet<>(ng.voltages().keySet()), new TreeSet<>(em.voltages().keySet()), what + ": node names");
        assertEquals(new TreeSet<>(ng.currents().keySet()), new TreeSet<>(em.currents().keySet()),
                what + ": branch current names");
        double worst = 0;
        for (String node : ng.voltages().keySet()) {
            double d = Math.abs(ng.voltage(node) - em.voltage(node));
            worst = Math.max(worst, d);
            assertTrue(d <= VOLTS, what + ": V(" + node + ") ngspice " + ng.voltage(node) + " embedded "
                    + em.voltage(node));
        }
        for (String e : ng.currents().keySet()) {
            double d = Math.abs(ng.current(e) - em.current(e));
            assertTrue(d <= AMPS + 1e-6 * Math.abs(ng.current(e)), what + ": I(" + e + ") ngspice " + ng.current(e)
                    + " embedded " + em.current(e));
        }
        return worst;
    }

    @Test
    void kirazPresetMatchesNgspice() {
        for (long seed = 1; seed <= 5; seed++) {
            double w = compare(Presets.kirazCase1(), seed, 1e-6, 1e-3).worst();
            System.out.printf("kiraz seed %d: worst |dV| %.2e V%n", seed, w);
        }
    }

    /**
     * Input crossbar in [0.1, 1] mS, output crossbar in [1, 10] uS: the hidden nodes are driven
     * hard and lightly loaded, so the diodes conduct and clip (checked), the regime where the
     * diode model and the damping matter.
     */
    @Test
    void clippingDiodesMatchNgspice() {
        for (Optional<Amplifier> amp : List.of(Optional.of(Amplifier.KENDALL), Optional.of(Amplifier.powerConserving(4)))) {
            NetworkSpec spec = spec(4, false, List.of(6), 2, Optional.of(DiodePair.DEFAULT), amp);
            for (long seed = 1; seed <= 4; seed++) {
                SplittableRandom rng = new SplittableRandom(seed);
                List<eqspice.network.ConductanceMatrix> w = new java.util.ArrayList<>();
                for (int l = 0; l < spec.weightLayers(); l++) {
                    double lo = l == 0 ? 1e-4 : 1e-6;
                    double[] v = new double[spec.rows(l) * spec.columns(l)];
                    for (int k = 0; k < v.length; k++) {
                        v[k] = lo + 9 * lo * rng.nextDouble();
                    }
                    w.add(eqspice.network.ConductanceMatrix.of(spec.rows(l), spec.columns(l), v));
                }
                Comparison c = compare(new LayeredNetwork(spec, w), seed, 5.0);
                System.out.printf("clipping %s seed %d: worst |dV| %.2e V, largest |V(h)| %.3f V%n", amp, seed,
                        c.worst(), c.maxHidden());
                assertTrue(c.maxHidden() > 0.6, "the diodes must conduct in this case: largest |V(h)| "
                        + c.maxHidden());
            }
        }
    }

    @Test
    void kendallPresetOfSeveralSizesMatchesNgspice() {
        int[][] shapes = {{2, 3, 1}, {4, 5, 2}, {16, 8, 4}, {64, 32, 10}, {196, 100, 10}, {784, 100, 10}};
        for (int[] s : shapes) {
            double w = compare(Presets.kendall(s[0], s[1], s[2]), s[0] + s[1], 1e-6, 1e-4).worst();
            System.out.printf("kendall %d-%d-%d: worst |dV| %.2e V%n", s[0], s[1], s[2], w);
        }
    }

    @Test
    void bothAmplifierVariantsAndNoAmplifierMatchNgspice() {
        for (Optional<Amplifier> amp : List.of(Optional.of(Amplifier.KENDALL), Optional.of(Amplifier.powerConserving(4)),
                Optional.<Amplifier>empty())) {
            for (long seed = 1; seed <= 3; seed++) {
                double w = compare(spec(3, true, List.of(6, 4), 2, Optional.of(DiodePair.DEFAULT), amp), seed, 1e-6,
                        1e-3).worst();
                System.out.printf("amplifier %s seed %d: worst |dV| %.2e V%n", amp, seed, w);
            }
        }
    }

    @Test
    void diodeVariantsMatchNgspice() {
        DiodeModel rs = new DiodeModel("dact", 1e-14, 1.7, 50.0);
        List<Optional<DiodePair>> pairs = List.of(Optional.empty(),
                Optional.of(new DiodePair(rs, 0.3, -0.2, DiodePair.Orientation.CLIPPING)),
                Optional.of(new DiodePair(DiodePair.DEFAULT_MODEL, 0.5, -0.5, DiodePair.Orientation.REVERSED)),
                Optional.of(new DiodePair(rs, 0.4, -0.6, DiodePair.Orientation.REVERSED)));
        for (Optional<DiodePair> pair : pairs) {
            for (long seed = 1; seed <= 3; seed++) {
                double w = compare(spec(5, true, List.of(7), 3, pair, Optional.of(Amplifier.powerConserving(2))), seed,
                        1e-5, 1e-3).worst();
                System.out.printf("diodes %s seed %d: worst |dV| %.2e V%n", pair.map(p -> p.model() + " "
                        + p.orientation()).orElse("none"), seed, w);
            }
        }
    }
}
