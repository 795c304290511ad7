package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep with a {@code study:} section, through the real command line and ngspice: the points'
 * rows carry the outcome and the mechanisms, and they agree with what is known independently:
 * the start's gradient fidelity is gradcheck's (cosine 0.6395 for the centered estimate at beta
 * 1e-6 S, layer ratios 1/16 and 1), and positive nudging at beta 1e-2 S ends clipped-dead with every
 * output conductance at g_min (the failure the issue reports), while centered nudging there does not.
 */
class StudySweepTest {
    @Test
    void studyColumnsNameTheOutcomeAndItsMechanisms(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), "name: s\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
                + "training:\n  alpha: 1.0e-9\n  beta: 1.0e-6\n  epochs: 50\n  init: [1.0e-5, 1.0e-4]\n"
                + "study:\n  gradient_check: true\n"
                + "sweep:\n  training.beta: [1.0e-6, 1.0e-2]\n  training.estimator: [positive, centered]\n");
        CliProcess.Result r = CliProcess.run(dir, "sweep", "s.yaml", "--workers=1");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, CSVRecord> rows = new HashMap<>();
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("results/s/points.csv")))) {
            assertTrue(p.getHeaderNames().containsAll(List.of("outcome", "at_gmin_l1", "grad_cos_start",
                    "grad_ratio_start_l0", "beta_bias_start", "amp_power_share_end", "recovery_rung")),
                    p.getHeaderNames().toString());
            for (CSVRecord rec : p) {
                rows.put(rec.get("training.estimator") + " " + rec.get("training.beta"), rec);
            }
        }
        CSVRecord small = rows.get("centered 1.0E-6");
        assertEquals("converged", small.get("outcome"));
        assertEquals(0.6397, Double.parseDouble(small.get("grad_cos_start")), 1e-3);
        assertEquals(0.0625, Double.parseDouble(small.get("grad_ratio_start_l0")), 1e-6);
        assertEquals(1.0, Double.parseDouble(small.get("grad_ratio_start_l1")), 1e-6);
        assertEquals("direct", small.get("recovery_rung"));
        CSVRecord large = rows.get("positive 0.01");
        assertEquals("clipped-dead", large.get("outcome"));
        assertEquals(1.0, Double.parseDouble(large.get("at_gmin_l1")));
        assertTrue(Double.parseDouble(large.get("beta_bias_start")) > 1, "positive vs centered at 1e-2 S: "
                + large.get("beta_bias_start"));
        assertTrue(Double.parseDouble(small.get("beta_bias_start")) < 1e-2, small.get("beta_bias_start"));
        assertTrue(!rows.get("centered 0.01").get("outcome").equals("clipped-dead"));
    }
}
