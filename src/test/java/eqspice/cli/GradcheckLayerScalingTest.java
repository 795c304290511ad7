package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gradcheck's per-layer ratios on Kiraz case 1 (Kendall's pair, A = 4, b = 1/4): 1/16 on the input
 * crossbar and 1 on the output crossbar as the circuit gives them, and with
 * {@code training.layer_scaling: compensate} (which gradcheck applies as training does) 1 and 1
 * and a cosine of at least 0.9999 (measured: 1.000000, relative error 1.9e-9).
 */
class GradcheckLayerScalingTest {
    private static final Path KIRAZ = Path.of(System.getProperty("user.dir"), "experiments", "kiraz-case1.yaml");

    private static String centeredRow(String out) {
        return out.lines().filter(l -> l.startsWith("centered")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    @Test
    void compensationMakesTheKirazEstimateTheGradient(@TempDir Path dir) throws Exception {
        CliProcess.Result plain = CliProcess.run(dir, "gradcheck", KIRAZ.toString(), "--beta", "1e-6",
                "--estimator", "centered");
        assertEquals(0, plain.exitCode(), plain.err());
        String[] p = centeredRow(plain.out()).trim().split("\\s+");
        assertEquals(0.0625, Double.parseDouble(p[8]), 1e-6, plain.out()); // L0 median
        assertEquals(1.0, Double.parseDouble(p[11]), 1e-6, plain.out()); // L1 median
        assertTrue(plain.out().contains("layer scaling none; the amplifier pair predicts L0 0.0625000 L1 1.00000"),
                plain.out());

        String yaml = Files.readString(KIRAZ).replace("training:\n", "training:\n  layer_scaling: compensate\n");
        Files.writeString(dir.resolve("k.yaml"), yaml);
        CliProcess.Result comp = CliProcess.run(dir, "gradcheck", "k.yaml", "--beta", "1e-6", "--estimator",
                "centered");
        assertEquals(0, comp.exitCode(), comp.err());
        String[] c = centeredRow(comp.out()).trim().split("\\s+");
        assertTrue(Double.parseDouble(c[2]) >= 0.9999, comp.out());
        assertEquals(1.0, Double.parseDouble(c[8]), 1e-6, comp.out());
        assertEquals(1.0, Double.parseDouble(c[11]), 1e-6, comp.out());

        Files.writeString(dir.resolve("bad.yaml"), yaml.replace("compensate", "kendall"));
        CliProcess.Result bad = CliProcess.run(dir, "gradcheck", "bad.yaml");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("training.layer_scaling") && bad.err().contains("none or compensate")
                && !bad.err().contains("at eqspice."), bad.err());
    }
}
