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
    void theGradientFidelityMapGivesMediansAndQuartilesPerBeta(@TempDir Path dir) throws Exception {
        String head = "point_id,training.alpha,training.beta,training.estimator,status,initial_loss_v2,final_loss_v2,"
                + "converged,epochs_to_converge,failed_phases,seconds,worker,reason,recovered_phases,outcome,grad_cos_start,"
                + "grad_relerr_start,grad_ratio_start_l0,grad_ratio_start_l1,grad_cos_end\n";
        Files.writeString(dir.resolve("points.csv"), head
                + "aaaaaaaaaab1,1.0E-9,1.0E-6,positive,ok,0.5,1e-20,true,9,0,1,0,,,converged,0.6,0.7,0.0625,1.0,0.1\n"
                + "aaaaaaaaaab2,1.0E-9,1.0E-6,positive,ok,0.5,1e-20,true,9,0,1,0,,,converged,0.8,0.5,0.0625,1.0,0.2\n"
                + "aaaaaaaaaab3,1.0E-9,0.01,positive,ok,0.5,0.5,false,-1,0,1,0,,,clipped-dead,0.2,3.0,0.5,0.9,-0.4\n"
                + "aaaaaaaaaab4,1.0E-9,0.01,positive,ok,0.5,1e-20,true,20,0,1,0,,,converged,0.4,2.0,0.3,1.1,0.9\n");
        String md = Files.readString(SweepReport.write(dir));
        // 2 points per beta: the median is their mean, the quartiles interpolate a quarter of the way in
        assertTrue(md.contains("| 1e-6 | 2 | 0.7 (0.65..0.75) | 0.6 (0.55..0.65) | 0.0625 (0.0625..0.0625) | 1 (1..1) "
                + "| - (all converged) |"), md);
        // at the end only the point that did not converge counts
        assertTrue(md.contains("| 1e-2 | 2 | 0.3 (0.25..0.35) | 2.5 (2.25..2.75) | 0.4 (0.35..0.45) | 1 (0.95..1.05) "
                + "| -0.4 (-0.4..-0.4) over 1 |"), md);
        assertTrue(Files.isRegularFile(dir.resolve("report/gradient-fidelity-positive.png")));
    }

    @Test
    void withoutTheGradientCheckTheReportSaysHowToGetIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("points.csv"), "point_id,training.alpha,training.beta,status,initial_loss_v2,"
                + "final_loss_v2,converged,epochs_to_converge,failed_phases,seconds,worker,reason,recovered_phases,outcome\n"
                + "aaaaaaaaaab1,1.0E-9,1.0E-6,ok,0.5,1e-20,true,9,0,1,0,,,converged\n");
        String md = Files.readString(SweepReport.write(dir));
        assertTrue(md.contains("Not measured: the sweep's `study:` section has no `gradient_check: true`"), md);
    }

    @Test
    void anAxisOfListsIsWrittenAsItIs(@TempDir Path dir) throws Exception {
        // kiraz-depth.yaml's network.hidden axis: values such as [2,2] are not numbers
        Files.writeString(dir.resolve("points.csv"), "point_id,network.hidden,training.seed,status,initial_loss_v2,"
                + "final_loss_v2,converged,epochs_to_converge,failed_phases,seconds,worker,reason,recovered_phases,"
                + "outcome,grad_cos_start,grad_relerr_start,grad_ratio_start_l0,grad_cos_end\n"
                + "aaaaaaaaaac1,\"[2,2]\",1,ok,0.5,1e-20,true,9,0,1,0,,,converged,0.9,0.1,0.0039,0.2\n"
                + "aaaaaaaaaac2,[2],1,ok,0.5,0.4,false,-1,0,1,0,,,stalled,0.6,0.7,0.0625,0.3\n");
        String md = Files.readString(SweepReport.write(dir));
        assertTrue(md.contains("| [2,2] | 0/1 | 1/1 |") || md.contains("| [2,2] | 1/1 | 0/1 |"), md);
        assertTrue(md.contains("| [2] | 1 | 0.6 (0.6..0.6) | 0.7 (0.7..0.7) | 0.0625 (0.0625..0.0625) | 0.3 (0.3..0.3) over 1 |"), md);
    }

    @Test
    void aFolderWithoutPointsIsRefusedInOneLine(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepReport.write(dir));
        assertTrue(e.getMessage().contains("has no points.csv"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepReport.write(dir.resolve("missing")));
    }
}
