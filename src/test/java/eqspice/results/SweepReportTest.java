package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {
    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // 0 of 4: upper bound z^2 / (n + z^2) = 3.8415 / 7.8415; 4 of 4 mirrors it.
        assertArrayEquals(new double[] {0, 0.489891}, SweepReport.wilson(0, 4), 1e-6);
        assertArrayEquals(new double[] {0.510109, 1}, SweepReport.wilson(4, 4), 1e-6);
        // 7 of 20 (Newcombe 1998, table I style): 0.1812-0.5671
        assertArrayEquals(new double[] {0.1812, 0.5671}, SweepReport.wilson(7, 20), 1e-4);
        assertEquals("1/4 (0.05-0.70)", SweepReport.fraction(1, 4));
    }

    @Test
    void paperAlphaIsTheClosestOnALogScale() {
        assertEquals("1.0E-9", SweepReport.paperAlpha(List.of("1.0E-10", "1.0E-9", "1.0E-7")));
        assertEquals("5.0E-10", SweepReport.paperAlpha(List.of("2.0E-10", "5.0E-10", "2.0E-9")));
    }

    @Test
    void aSweepWithoutStudySaysSoAndStillCountsConvergence(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("points.csv"), """
                point_id,training.alpha,training.beta,training.estimator,status,initial_loss_v2,final_loss_v2,converged,epochs_to_converge,failed_phases,seconds,worker,reason
                aaaaaaaaaaa1,1.0E-4,0.001,centered,ok,0.5,1.0E-5,true,3,0,1.0,0,
                aaaaaaaaaaa2,1.0E-4,0.001,centered,ok,0.5,0.2,false,-1,0,1.0,0,
                aaaaaaaaaaa3,1.0E-4,0.01,centered,failed,NaN,NaN,false,-1,0,1.0,1,worker 1 was killed by signal 9
                """);
        Files.createDirectories(dir.resolve("points/aaaaaaaaaaa1"));
        Files.writeString(dir.resolve("points/aaaaaaaaaaa1/metrics.csv"), "# c\nepoch,loss_v2,mean_abs_error_v\n1,0.5,1\n2,0.01,0.1\n3,1.0E-5,1e-3\n");
        String md = Files.readString(SweepReport.write(dir));
        assertTrue(md.contains("no `study:` section"), md);
        assertTrue(md.contains("| 1e-4 | 1/2 (0.09-0.91) | 0/1 (0.00-0.79) |"), md);
        assertTrue(md.contains("1 of 3 points failed to run"), md);
        assertTrue(Files.isRegularFile(dir.resolve("report/examples-per-outcome.png")));
        assertTrue(Files.isRegularFile(dir.resolve("report/kiraz-fig2-centered.png")));
    }

    @Test
    void aFolderWithoutPointsIsRefusedInOneLine(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepReport.write(dir));
        assertTrue(e.getMessage().contains("has no points.csv"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepReport.write(dir.resolve("missing")));
    }
}
