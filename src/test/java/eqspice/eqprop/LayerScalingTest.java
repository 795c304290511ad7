package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.network.Amplifier;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-layer factors (A/b)^k and how they are applied to a flat gradient. */
class LayerScalingTest {
    @Test
    void factorsArePowersOfTheGainRatioCountedFromTheOutput() {
        NetworkSpec spec = Presets.kirazCase1().withHidden(List.of(2, 2)); // Kendall: A = 4, b = 1/4, A/b = 16
        assertEquals(256.0, LayerScaling.COMPENSATE.factor(spec, 0));
        assertEquals(16.0, LayerScaling.COMPENSATE.factor(spec, 1));
        assertEquals(1.0, LayerScaling.COMPENSATE.factor(spec, 2));
        assertEquals(1.0, LayerScaling.NONE.factor(spec, 0));
        assertEquals(1.0 / 256, LayerScaling.expectedRatio(spec, 0, LayerScaling.NONE));
        assertEquals(1.0, LayerScaling.expectedRatio(spec, 0, LayerScaling.COMPENSATE));
        NetworkSpec odd = spec.withAmplifier(Optional.of(new Amplifier(2, 0.5)));
        assertEquals(16.0, LayerScaling.COMPENSATE.factor(odd, 0));
        assertEquals(1.0, LayerScaling.COMPENSATE.factor(spec.withAmplifier(Optional.empty()), 0));
        assertThrows(IllegalArgumentException.class, () -> LayerScaling.COMPENSATE.factor(spec, 3));
    }

    @Test
    void applyScalesEachLayersBlockAndLeavesTheInputAlone() {
        NetworkSpec spec = Presets.kirazCase1(); // layer 0: 3 x 2 = 6 conductances, layer 1: 3 x 2 = 6
        assertEquals(6, spec.rows(0) * spec.columns(0));
        double[] g = new double[12];
        java.util.Arrays.fill(g, 1.0);
        double[] scaled = LayerScaling.COMPENSATE.apply(spec, g);
        double[] expected = {16, 16, 16, 16, 16, 16, 1, 1, 1, 1, 1, 1};
        assertArrayEquals(expected, scaled);
        assertEquals(1.0, g[0], "the input gradient is not changed");
        assertSame(g, LayerScaling.NONE.apply(spec, g));
        assertThrows(IllegalArgumentException.class, () -> LayerScaling.COMPENSATE.apply(spec, new double[5]));
    }

    @Test
    void parseNamesTheAllowedValues() {
        assertEquals(LayerScaling.COMPENSATE, LayerScaling.parse("compensate"));
        assertEquals(LayerScaling.NONE, LayerScaling.parse("none"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerScaling.parse("auto"));
        assertTrue(e.getMessage().contains("none or compensate"), e.getMessage());
    }
}
