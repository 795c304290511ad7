package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
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
        double[] g = CrossbarSession.flatten(next);
        assertEquals(9e-5, g[0], 1e-18);
        assertEquals(spec.bounds().gMax(), g[1]);
        assertEquals(spec.bounds().gMin(), g[2]);
        assertEquals(1e-4, g[3]);
        for (double v : g) {
            assertTrue(spec.bounds().contains(v));
        }
    }

    @Test
    void meanOfABatch() {
        assertArrayEquals(new double[] {2, -1}, ConductanceUpdate.mean(List.of(new double[] {1, 0}, new double[] {3, -2})));
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
