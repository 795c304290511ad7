package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConductanceUpdateTest {
    private final NetworkSpec spec = Presets.kirazCase1();

    @Test
    void stepsAgainstTheGradientAndClipsIntoBounds() {
        LayeredNetwork net = LayeredNetwork.uniform(spec, 1e-4);
        int n = spec.conductanceCount();
        double[] grad = new double[n];
        grad[0] = 1.0;       // g - 1e-5 * 1 = 9e-5
        grad[1] = -1e9;      // pushed far above g_max: clipped to g_max
        grad[2] = 1e9;       // pushed below g_min: clipped to g_min
        grad[3] = Double.NaN; // ignored
        LayeredNetwork next = ConductanceUpdate.apply(net, grad, 1e-5);
        double[] g = LoadedConductances.flatten(next);
        assertEquals(9e-5, g[0], 1e-18);
        assertEquals(spec.bounds().gMax(), g[1]);
        assertEquals(spec.bounds().gMin(), g[2]);
        assertEquals(1e-4, g[3]);
        for (double v : g) {
            assertTrue(spec.bounds().contains(v));
        }
    }

    @Test
    void absurdAlphaOnARealGradientPinsEveryConductanceToTheBoundItsSignPointsAt() {
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, 1);
        CrossbarSession session = CrossbarSession.builder(SharedSession.get(), net)
                .options(SolverOptions.DEFAULT).open();
        double[] grad = EqPropStep.run(session, Presets.KIRAZ_CASE1_INPUTS, Presets.KIRAZ_CASE1_TARGET,
                Estimator.CENTERED, 1e-6).gradient();
        // |dL/dg| is ~1e3 V^2/S here: alpha = 1 S^2/V^2 asks for steps of ~1e3 S, a million times g_max.
        LayeredNetwork next = ConductanceUpdate.apply(net, grad, 1.0);
        double[] g = LoadedConductances.flatten(next);
        int low = 0;
        int high = 0;
        for (int k = 0; k < g.length; k++) {
            assertTrue(spec.bounds().contains(g[k]), "conductance " + k + " = " + g[k]);
            assertTrue(grad[k] != 0, "every conductance of this circuit affects the loss");
            assertEquals(grad[k] > 0 ? spec.bounds().gMin() : spec.bounds().gMax(), g[k], "conductance " + k);
            low += g[k] == spec.bounds().gMin() ? 1 : 0;
            high += g[k] == spec.bounds().gMax() ? 1 : 0;
        }
        assertTrue(low > 0 && high > 0, "a mixed-sign gradient reaches both bounds: " + low + " low, " + high + " high");
        // The clipped network is still a valid circuit.
        session.setNetwork(next);
        assertTrue(Double.isFinite(EqPropStep.free(session, Presets.KIRAZ_CASE1_INPUTS,
                Presets.KIRAZ_CASE1_TARGET).loss()));
    }

    @Test
    void meanOfABatch() {
        assertArrayEquals(new double[] {2, -1}, ConductanceUpdate.mean(List.of(new double[] {1, 0}, new double[] {3, -2})));
        // the running sum gives the list's mean bit for bit (values whose sum rounds)
        java.util.List<double[]> gs = java.util.List.of(new double[] {0.1, 1e-17, 3.3}, new double[] {0.2, 1.0, -1.1},
                new double[] {0.7, -1.0, 1e-9});
        ConductanceUpdate.Sum sum = new ConductanceUpdate.Sum();
        gs.forEach(sum::add);
        assertEquals(3, sum.count());
        assertArrayEquals(ConductanceUpdate.mean(gs), sum.mean(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new ConductanceUpdate.Sum().mean());
    }

    @Test
    void refusesNegativeAlphaAndWrongLength() {
        LayeredNetwork net = LayeredNetwork.uniform(spec, 1e-4);
        assertThrows(IllegalArgumentException.class, () -> ConductanceUpdate.apply(net, new double[12], -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConductanceUpdate.apply(net, new double[3], 1));
        assertTrue(e.getMessage().contains("gradient has 3 entries"), e.getMessage());
    }
}
