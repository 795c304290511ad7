package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {
    @Test
    void aSampleDeviatesByItsWorstOutputAndAFailureIsNotAZero() {
        List<double[]> ideal = Arrays.asList(new double[] {1.0, -1.0}, new double[] {0.5, 0.5}, new double[] {0, 0});
        List<double[]> level = Arrays.asList(new double[] {0.9, -1.3}, null, new double[] {0, 0});
        double[] d = ValidationReport.deviations(ideal, level);
        assertEquals(0.3, d[0], 1e-12);
        assertTrue(Double.isNaN(d[1]), "a sample without an operating point is marked, not drawn as 0 V");
        assertEquals(0.0, d[2]);
        assertEquals("1", PlotStyle.scientific(1.0));
    }
}
