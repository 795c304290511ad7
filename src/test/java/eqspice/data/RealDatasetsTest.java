package eqspice.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eqspice.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Iris and digits as Debian's python3-sklearn ships them, provisioned by the same code as
 * {@code eqspice datasets fetch}: sizes, class counts and the documented split.
 */
class RealDatasetsTest {
    @Test
    void irisHasFiftyOfEachClassAndSplitsThirtyForTesting() {
        DatasetCache cache = RealData.ensure(Dataset.IRIS);
        LabeledData iris = DatasetFiles.iris(cache);
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, iris.features()[0]);
        Task t = new DatasetTask(Dataset.IRIS, new Encoding(-1, 1, 1, 0), 0, 0, 1, 0.5).build(cache);
        assertEquals(120, t.samples().size());
        assertEquals(30, t.test().size());
        assertEquals(3, t.classes());
    }

    @Test
    void digitsHave1797SamplesOf64PixelsAndSplit1438To359() {
        DatasetCache cache = RealData.ensure(Dataset.DIGITS);
        LabeledData digits = DatasetFiles.digits(cache);
        assertEquals(1797, digits.size());
        assertEquals(64, digits.width());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, digits.classCounts());
        StratifiedSplit.Parts p = StratifiedSplit.split(digits, DatasetTask.TEST_FRACTION);
        assertEquals(1438, p.train().size());
        assertEquals(359, p.test().size());
        Task t = new DatasetTask(Dataset.DIGITS, new Encoding(-3, 3, 1, 0), 100, 50, 1, 0.5).build(cache);
        assertEquals(100, t.samples().size());
        assertEquals(50, t.test().size());
        assertEquals(64, t.inputs());
        for (var s : t.samples()) {
            for (double v : s.x()) {
                assertEquals(true, v >= -3 && v <= 3, "input " + v + " V outside the range");
            }
        }
    }
}
