package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotStyleTest {
    @Test
    void logRangedAxesUseOneScientificStyle() {
        // the sweep file's beta axis {log: [1e-7, 0.1, 5]} as Java prints it
        assertEquals(List.of("1e-7", "3.16e-6", "1e-4", "3.16e-3", "1e-1"),
                PlotStyle.tickLabels(List.of("1.0E-7", "3.1622776601683795E-6", "1.0E-4", "0.0031622776601683794",
                        "0.1")));
        assertEquals(List.of("5e-10", "1e-9", "2e-9"), PlotStyle.tickLabels(List.of("5.0E-10", "1.0E-9", "2.0E-9")),
                "small values within one decade are scientific too, never 0.0000000005");
        assertEquals(List.of("0.25", "1", "4"), PlotStyle.tickLabels(List.of("0.25", "1.0", "4.0")));
        assertEquals(List.of("positive", "centered"), PlotStyle.tickLabels(List.of("positive", "centered")));
        assertEquals("1e-3", PlotStyle.scientific(9.9999e-4), "rounding that carries into the next decade");
    }

    @Test
    void quartilesInterpolateBetweenOrderStatistics() {
        assertArrayEquals(new double[] {2.5, 1.75, 3.25}, PlotStyle.quartiles(new double[] {4, 1, 3, 2}), 1e-12);
        assertArrayEquals(new double[] {7, 7, 7}, PlotStyle.quartiles(new double[] {7}), 0);
    }

    @Test
    void knownFieldsCarryTheirUnits() {
        assertEquals("nudging strength beta (S)", PlotStyle.axisTitle("training.beta"));
        assertEquals("learning rate alpha (S²/V²)", PlotStyle.axisTitle("training.alpha"));
        assertEquals("beta", PlotStyle.shortName("training.beta"));
        assertEquals("v0", PlotStyle.shortName("fidelity.v0"));
        assertEquals(1e-20, PlotStyle.floored(0.0));
    }
}
