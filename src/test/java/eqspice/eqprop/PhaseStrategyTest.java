package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sweep strategy (all phases of a sample in one dc sweep over EXTERNAL sources) against
 * alter + op per phase, on the real libngspice: networks with diode pairs and bidirectional
 * amplifiers, free and both nudged phases (the nudging currents come from the free phase's
 * outputs inside the sweep). Tight tolerances, so that two Newton iterations that start from
 * different points stop within 1e-9 of each other.
 */
class PhaseStrategyTest {
    private static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-10, 1e-15, 1e-12);

    @Test
    void sweepGivesTheSameVoltagesAsAlterAndOpOnKirazCase1() {
        compare(Presets.kirazCase1(), new double[][] {Presets.KIRAZ_CASE1_INPUTS, {1.5, -0.5}, {0.3, 0.9}},
                new double[][] {Presets.KIRAZ_CASE1_TARGET, {-0.4}, {0.2}}, 1e-3);
    }

    @Test
    void sweepGivesTheSameVoltagesAsAlterAndOpOnAKendallNetwork() {
        NetworkSpec spec = Presets.kendall(6, 4, 3);
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] xs = new double[4][spec.inputs()];
        double[][] ys = new double[4][spec.outputs()];
        for (int s = 0; s < xs.length; s++) {
            for (int i = 0; i < xs[s].length; i++) {
                xs[s][i] = rnd.nextDouble(-1, 1);
            }
            for (int k = 0; k < ys[s].length; k++) {
                ys[s][k] = rnd.nextDouble(-0.5, 0.5);
            }
        }
        compare(spec, xs, ys, 1e-4);
    }

    /** Free phase, then +beta and -beta with currents from the free phase's outputs. */
    private static PhasePlan plan(CrossbarSession session, double[] x, double[] y, double beta) {
        return (k, solved) -> {
            if (k == 0) {
                Map<String, Double> v = new HashMap<>(session.builder().inputValues(x));
                v.putAll(session.builder().nudgeValues(new double[y.length]));
                return v;
            }
            double[] o = session.outputs(solved.get(0));
            double[] currents = new double[y.length];
            for (int j = 0; j < y.length; j++) {
                currents[j] = (k == 1 ? 1 : -1) * beta * (y[j] - o[j]);
            }
            return session.builder().nudgeValues(currents);
        };
    }

    private static void compare(NetworkSpec spec, double[][] xs, double[][] ys, double beta) {
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, 3);
        double[][][] results = new double[2][][];
        double[][] losses = new double[2][xs.length];
        PhaseStrategy[] strategies = {PhaseStrategy.ALTER_OP, PhaseStrategy.SWEEP};
        for (int m = 0; m < 2; m++) {
            CrossbarSession session = CrossbarSession.builder(SharedSession.get(), net).options(TIGHT)
                    .strategy(strategies[m]).open();
            results[m] = new double[xs.length][];
            for (int s = 0; s < xs.length; s++) {
                EqPropStep.Result r = EqPropStep.run(session, xs[s], ys[s], Estimator.CENTERED, beta);
                results[m][s] = r.gradient();
                losses[m][s] = r.loss();
                // the gradient of the centered estimate is (dV+^2 - dV-^2) / (4 beta): equal gradients need equal
                // nudged voltages to far better than the gradient's own size
            }
            assertTrue(session.takeRecoveries().isEmpty(), strategies[m] + " needed recoveries");
        }
        CrossbarSession alter = CrossbarSession.builder(SharedSession.get(), net).options(TIGHT)
                .strategy(PhaseStrategy.ALTER_OP).open();
        List<List<Solution>> byOp = new ArrayList<>();
        for (int s = 0; s < xs.length; s++) {
            byOp.add(alter.solveSequence(3, plan(alter, xs[s], ys[s], beta)).solutions());
        }
        CrossbarSession sweep = CrossbarSession.builder(SharedSession.get(), net).options(TIGHT)
                .strategy(PhaseStrategy.SWEEP).open();
        for (int s = 0; s < xs.length; s++) {
            List<Solution> bySweep = sweep.solveSequence(3, plan(sweep, xs[s], ys[s], beta)).solutions();
            for (int k = 0; k < 3; k++) {
                Solution a = byOp.get(s).get(k);
                Solution b = bySweep.get(k);
                assertEquals(a.voltages().keySet(), b.voltages().keySet());
                for (String node : a.voltages().keySet()) {
                    assertEquals(a.voltage(node), b.voltage(node), 1e-9 * Math.abs(a.voltage(node)) + 1e-12,
                            "sample " + s + " phase " + k + " node " + node);
                }
            }
        }
        for (int s = 0; s < xs.length; s++) {
            assertEquals(losses[0][s], losses[1][s], 1e-9 * Math.abs(losses[0][s]), "loss of sample " + s);
            double scale = 0;
            for (double g : results[0][s]) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertArrayEquals(results[0][s], results[1][s], 1e-6 * scale, "gradient of sample " + s);
        }
    }

    @org.junit.jupiter.api.Test
    void theSweepIsTheDefaultOnlyAtTightTolerances() {
        // warm-started nudged phases may stop within a loose reltol before resolving the nudge
        assertEquals(PhaseStrategy.EXTERNAL_OP, PhaseStrategy.defaultFor(SolverOptions.DEFAULT));
        assertEquals(PhaseStrategy.SWEEP, PhaseStrategy.defaultFor(SolverOptions.DEFAULT.withTolerances(1e-7, 1e-12, 1e-9)));
        assertEquals(PhaseStrategy.SWEEP, PhaseStrategy.defaultFor(TIGHT));
        assertEquals(PhaseStrategy.SWEEP, PhaseStrategy.FASTEST);
    }
}
