package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlotsTest {
    private static Map<String, String> row(String alpha, String beta, String converged, String loss) {
        return Map.of("training.alpha", alpha, "training.beta", beta, "converged", converged, "final_loss_v2", loss);
    }

    @Test
    void cellsAreConvergedFractionsAndMedianLosses() {
        List<Map<String, String>> rows = List.of(row("1", "0.1", "true", "1e-4"), row("1", "0.1", "false", "1e-2"),
                row("1", "0.1", "false", "NaN"), row("2", "0.1", "true", "1e-6"), row("1", "0.2", "false", "1.0"));
        double[][] conv = SweepPlots.grid(rows, "training.beta", List.of("0.1", "0.2"), "training.alpha",
                List.of("1", "2"), false);
        assertArrayEquals(new double[] {1.0 / 3, 1.0}, conv[0], 1e-12);
        assertEquals(0.0, conv[1][0]);
        assertTrue(Double.isNaN(conv[1][1]), "no point there");
        double[][] loss = SweepPlots.grid(rows, "training.beta", List.of("0.1", "0.2"), "training.alpha",
                List.of("1", "2"), true);
        assertEquals(Math.log10((1e-4 + 1e-2) / 2), loss[0][0], 1e-12, "median of 1e-4 and 1e-2, the NaN left out");
        assertEquals(-6.0, loss[0][1], 1e-12);
        double[][] zero = SweepPlots.grid(List.of(row("1", "0.1", "true", "0.0")), "training.beta", List.of("0.1"),
                "training.alpha", List.of("1"), true);
        assertEquals(-20.0, zero[0][0], 0, "an exact zero is drawn at the stated floor");
    }

    @Test
    void writesReadablePngsPerEstimator(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("points.csv"), """
                point_id,training.alpha,training.beta,training.estimator,status,initial_loss_v2,final_loss_v2,converged,epochs_to_converge,failed_phases,seconds,worker,reason
                a1a1a1a1a1a1,1.0E-4,0.001,centered,ok,0.5,1.0E-5,true,3,0,1.0,0,
                a2a2a2a2a2a2,1.0E-4,0.01,centered,ok,0.5,0.2,false,-1,0,1.0,0,
                a3a3a3a3a3a3,1.0E-4,0.001,positive,failed,NaN,NaN,false,-1,0,1.0,1,worker 1 was killed by signal 9
                """); // a table of an eqspice before recovered_phases: still plotted
        Files.createDirectories(dir.resolve("points/a1a1a1a1a1a1"));
        Files.writeString(dir.resolve("points/a1a1a1a1a1a1/metrics.csv"), "# c\nepoch,loss_v2\n1,0.5\n2,0.01\n3,1.0E-5\n");
        List<Path> files = SweepPlots.write(dir);
        // centered: 3 plots; positive: its only point failed, so no loss map and no loss curves.
        assertEquals(4, files.size(), files.toString());
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(f.getFileName().toString().startsWith("loss-curves") ? 1150 : 900, img.getWidth(), f.toString());
            assertEquals(600, img.getHeight(), f.toString());
        }
        assertTrue(files.contains(dir.resolve("converged-fraction-positive.png")));
    }
}
