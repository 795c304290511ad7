package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.network.ConductanceBounds;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Device programming: asymmetric, noisy (seeded), bounded and quantised steps. */
class ProgrammingTest {
    private final NetworkSpec spec = Presets.kendall(20, 10, 5); // 41x10 + 11x10 = 520 devices
    private final ConductanceBounds b = spec.bounds();

    @Test
    void asymmetricStepsScaleUpAndDownDifferently() {
        LayeredNetwork net = LayeredNetwork.uniform(spec, 1e-4);
        double[] grad = new double[spec.conductanceCount()];
        grad[0] = -1;  // raise by alpha
        grad[1] = 1;   // lower by alpha
        double[] g = LoadedConductances.flatten(ConductanceUpdate.apply(net, grad, 1e-5,
                new Programming(0, 0, 2.0, 0.5, 1), null));
        assertEquals(1e-4 + 2e-5, g[0], 1e-18);
        assertEquals(1e-4 - 0.5e-5, g[1], 1e-18);
        assertEquals(1e-4, g[2]);
    }

    @Test
    void quantisedConductancesSitOnTheLevelsAndNearestWins() {
        Programming p = new Programming(11, 0, 1, 1, 1); // levels every (1e-3 - 1e-6) / 10
        double delta = (b.gMax() - b.gMin()) / 10;
        assertEquals(b.gMin() + 3 * delta, ConductanceUpdate.quantise(b.gMin() + 3.4 * delta, b, 11), 1e-18);
        assertEquals(b.gMin() + 4 * delta, ConductanceUpdate.quantise(b.gMin() + 3.6 * delta, b, 11), 1e-18);
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, 4);
        double[] grad = new double[spec.conductanceCount()];
        Arrays.fill(grad, 1.0);
        double[] g = LoadedConductances.flatten(ConductanceUpdate.apply(net, grad, 1e-6, p, null));
        for (double v : g) {
            double n = (v - b.gMin()) / delta;
            assertEquals(Math.rint(n), n, 1e-9, "on a level: " + v);
            assertTrue(b.contains(v));
        }
    }

    @Test
    void writeNoiseIsSeededAndHasTheRequestedSpread() {
        LayeredNetwork net = LayeredNetwork.uniform(spec, 5e-4);
        double[] grad = new double[spec.conductanceCount()];
        Arrays.fill(grad, -1.0); // every device asks for +1e-5 S
        Programming p = new Programming(0, 0.2, 1, 1, 7);
        double[] g1 = LoadedConductances.flatten(ConductanceUpdate.apply(net, grad, 1e-5, p, new SplittableRandom(7)));
        double[] g2 = LoadedConductances.flatten(ConductanceUpdate.apply(net, grad, 1e-5, p, new SplittableRandom(7)));
        assertArrayEquals(g1, g2, "same seed, same chip");
        double mean = 0;
        for (double v : g1) {
            mean += (v - 5e-4) / g1.length;
        }
        double var = 0;
        for (double v : g1) {
            var += Math.pow(v - 5e-4 - mean, 2) / (g1.length - 1);
        }
        // 520 draws: the mean step within 4 standard errors of 1e-5, the spread within 15 % of 0.2 * 1e-5.
        assertEquals(1e-5, mean, 4 * 0.2e-5 / Math.sqrt(g1.length));
        assertEquals(0.2e-5, Math.sqrt(var), 0.15 * 0.2e-5);
        assertThrows(IllegalArgumentException.class, () -> ConductanceUpdate.apply(net, grad, 1e-5, p, null));
    }

    @Test
    void refusesImpossibleDevices() {
        assertThrows(IllegalArgumentException.class, () -> new Programming(1, 0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Programming(0, -0.1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Programming(0, 0, 0, 1, 1));
        assertTrue(Programming.IDEAL.ideal());
    }
}
