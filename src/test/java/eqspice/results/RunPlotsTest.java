package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlotsTest {
    @Test
    void aRunGetsItsLossAccuracyAndConductancePictures(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.csv"), "epoch,loss_v2,mean_abs_error_v,correct_fraction,failed_phases,"
                + "updates,g_min_s,g_max_s,seconds,recovered_phases\n1,0.3,0.5,0.0,0,1,1e-6,1e-4,0.1,0\n"
                + "2,1e-3,0.04,1.0,0,1,1e-6,1e-4,0.1,0\n3,0.0,0.0,1.0,0,1,1e-6,1e-4,0.1,0\n");
        Files.writeString(dir.resolve("provenance.json"), "{\"config\": {\"g_min_s\": 1.0e-6, \"g_max_s\": 1.0e-3, "
                + "\"converged_loss_v2\": 1.0e-3, \"converged_rule\": \"loss <= 0.001 V^2\"}}");
        String head = "layer,i,j,element,g_siemens\n";
        Files.writeString(dir.resolve("conductances-initial.csv"), head + "0,0,0,r0_0_0,5e-5\n0,0,1,r0_0_1,6e-5\n"
                + "1,0,0,r1_0_0,7e-5\n");
        Files.writeString(dir.resolve("conductances.csv"), head + "0,0,0,r0_0_0,1e-6\n0,0,1,r0_0_1,8e-5\n"
                + "1,0,0,r1_0_0,1e-3\n");
        List<Path> files = RunPlots.write(dir);
        assertEquals(List.of("run-loss.png", "run-accuracy.png", "run-conductances.png"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        BufferedImage g = ImageIO.read(dir.resolve("run-conductances.png").toFile());
        assertEquals(2 * 380, g.getHeight(), "one panel per crossbar");
        assertEquals("at the end 50 % at g_min, 0 % at g_max", RunPlots.bounds(List.of(1e-6, 8e-5), 1e-6, 1e-3));
        assertEquals("at the end 0 % at g_min, 100 % at g_max", RunPlots.bounds(List.of(1e-3), 1e-6, 1e-3));
        Files.delete(dir.resolve("metrics.csv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunPlots.write(dir)).getMessage()
                .contains("is not a run's folder"));
    }
}
