package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The nudging current I = beta (y - o_free) into op{k} (and -I into om{k}) must pull the
 * prediction V+ - V- toward the target for beta &gt; 0 and push it away for -beta, by an amount
 * proportional to beta while beta is small. Checked with the circuits' own diodes and Kendall's
 * amplifiers (the case least like an energy-based model).
 */
class NudgeDirectionTest {
    /** Free and nudged predictions of one sample. */
    private record Nudged(double[] free, double[] plus, double[] minus) {
        @Override
        public String toString() {
            return "free " + Arrays.toString(free) + ", +beta " + Arrays.toString(plus) + ", -beta "
                    + Arrays.toString(minus);
        }
    }

    private static Nudged nudge(LayeredNetwork net, double[] x, double[] y, double beta) {
        CrossbarSession s = CrossbarSession.builder(SharedSession.get(), net).options(SolverOptions.DEFAULT).open();
        EqPropStep.Free free = EqPropStep.free(s, x, y);
        double[] current = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            current[k] = beta * (y[k] - free.outputs()[k]);
        }
        s.setNudge(current);
        double[] plus = s.outputs(s.solve());
        s.setNudge(Arrays.stream(current).map(c -> -c).toArray());
        double[] minus = s.outputs(s.solve());
        s.setNudge(new double[y.length]);
        return new Nudged(free.outputs(), plus, minus);
    }

    private static double distance(double[] y, double[] o) {
        return Math.sqrt(2 * EqPropStep.loss(y, o));
    }

    @Test
    void kirazCase1MovesTowardTheTarget() {
        NetworkSpec spec = Presets.kirazCase1();
        double[] x = Presets.KIRAZ_CASE1_INPUTS;
        double[] y = Presets.KIRAZ_CASE1_TARGET;
        for (long seed = 1; seed <= 4; seed++) {
            LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, seed);
            for (double beta : new double[] {1e-8, 1e-6, 1e-5}) {
                Nudged n = nudge(net, x, y, beta);
                double e0 = Math.abs(y[0] - n.free()[0]);
                assertTrue(Math.abs(y[0] - n.plus()[0]) < e0, "seed " + seed + " beta " + beta + ": " + n);
                assertTrue(Math.abs(y[0] - n.minus()[0]) > e0, "seed " + seed + " beta " + beta + ": " + n);
            }
        }
    }

    @Test
    void kendall342MovesTowardTheTarget() {
        LayeredNetwork net = LayeredNetwork.random(Presets.kendall(3, 4, 2), 1e-5, 1e-4, 5);
        double[] x = {0.8, -1.0, 0.3};
        double[] y = {1.0, -0.5};
        for (double beta : new double[] {1e-8, 1e-6, 1e-5}) {
            Nudged n = nudge(net, x, y, beta);
            double d0 = distance(y, n.free());
            assertTrue(distance(y, n.plus()) < d0, "beta " + beta + ": " + n);
            assertTrue(distance(y, n.minus()) > d0, "beta " + beta + ": " + n);
        }
    }

    @Test
    void displacementIsLinearInSmallBeta() {
        LayeredNetwork net = LayeredNetwork.random(Presets.kirazCase1(), 1e-5, 1e-4, 1);
        double[] x = Presets.KIRAZ_CASE1_INPUTS;
        double[] y = Presets.KIRAZ_CASE1_TARGET;
        Nudged small = nudge(net, x, y, 1e-8);
        Nudged large = nudge(net, x, y, 1e-7);
        double dSmall = small.plus()[0] - small.free()[0];
        double dLarge = large.plus()[0] - large.free()[0];
        assertTrue(dSmall > 0, "target above the prediction: the output must rise, moved " + dSmall);
        // Linear response: ten times the current, ten times the displacement; the +/- phases are symmetric.
        assertEquals(10, dLarge / dSmall, 1e-3);
        assertEquals(dSmall, small.free()[0] - small.minus()[0], 1e-3 * dSmall);
    }
}
