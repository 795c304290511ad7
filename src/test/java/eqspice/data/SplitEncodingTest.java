package eqspice.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.task.Sample;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fixed split, pooling and the encoding into voltages. */
class SplitEncodingTest {
    private static LabeledData synthetic(int perClass, int classes) {
        int n = perClass * classes;
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int k = 0; k < n; k++) {
            x[k] = new double[] {k};
            y[k] = k / perClass; // sorted by class, like iris.csv
        }
        return new LabeledData("syn", x, y, classes);
    }

    @Test
    void splitIsStratifiedDisjointCompleteAndFixed() {
        LabeledData all = synthetic(50, 3);
        StratifiedSplit.Parts p = StratifiedSplit.split(all, 0.2);
        assertArrayEquals(new int[] {40, 40, 40}, p.train().classCounts());
        assertArrayEquals(new int[] {10, 10, 10}, p.test().classCounts());
        Set<Double> seen = new HashSet<>();
        for (double[] r : p.train().features()) {
            seen.add(r[0]);
        }
        for (double[] r : p.test().features()) {
            assertTrue(seen.add(r[0]), "sample " + r[0] + " is in both parts");
        }
        assertEquals(150, seen.size());
        StratifiedSplit.Parts again = StratifiedSplit.split(all, 0.2);
        assertEquals(p.test().features()[0][0], again.test().features()[0][0]);
        // The parts are shuffled, so the first 30 training samples are not all of class 0.
        int[] firstLabels = java.util.Arrays.copyOf(p.train().labels(), 30);
        assertTrue(java.util.Arrays.stream(firstLabels).distinct().count() == 3, java.util.Arrays.toString(firstLabels));
    }

    @Test
    void averagePoolingTakesBlockMeans() {
        double[] img = new double[16];
        for (int k = 0; k < 16; k++) {
            img[k] = k; // rows 0..3 of a 4x4 image
        }
        LabeledData d = new LabeledData("img", new double[][] {img}, new int[] {1}, 2);
        assertArrayEquals(new double[] {2.5, 4.5, 10.5, 12.5}, Pooling.average(d, 4, 2).features()[0], 1e-12);
        assertArrayEquals(new double[] {7.5}, Pooling.average(d, 4, 4).features()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Pooling.average(d, 4, 3));
    }

    @Test
    void encodingMapsRawRangesOntoVoltagesAndClassesOntoTargets() {
        Encoding e = new Encoding(-3, 3, 1, 0);
        assertEquals(-3, e.input(0, 0, 16), 1e-12);
        assertEquals(0, e.input(8, 0, 16), 1e-12);
        assertEquals(3, e.input(16, 0, 16), 1e-12);
        assertEquals(3, e.input(20, 0, 16), 1e-12, "clipped to the raw range");
        assertEquals(0, e.input(5, 2, 2), 1e-12, "a constant feature maps to the middle");
        assertArrayEquals(new double[] {0, 0, 1}, e.target(2, 3));
        LabeledData d = new LabeledData("d", new double[][] {{0, 10}, {4, 20}}, new int[] {1, 0}, 2);
        List<Sample> s = e.samples(d, Encoding.Ranges.of(d));
        assertArrayEquals(new double[] {-3, -3}, s.get(0).x(), 1e-12);
        assertArrayEquals(new double[] {3, 3}, s.get(1).x(), 1e-12);
        assertArrayEquals(new double[] {0, 1}, s.get(0).y());
        assertThrows(IllegalArgumentException.class, () -> new Encoding(1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Encoding(-1, 1, 0, 0));
    }
}
