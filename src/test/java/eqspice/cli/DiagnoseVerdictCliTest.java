package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diagnose ends with a verdict that tells Kendall's pair from a power-conserving one, and saves its tables. */
class DiagnoseVerdictCliTest {
    private static String kiraz(String backward) {
        return "name: verdict\nnetwork:\n  preset: custom\n  inputs: 2\n  hidden: [2]\n  outputs: 1\n  amplifier:\n"
                + "    forward: 4.0\n    backward: " + backward + "\ntask:\n  name: kiraz-case1\ntraining:\n"
                + "  alpha: 1.0e-9\n  beta: 1.0e-6\n  seed: 1\n  init: [1.0e-5, 1.0e-4]\n";
    }

    @Test
    void theVerdictSeparatesThePairsAndTheTablesAreCsv(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kendall.yaml"), kiraz("0.25"));
        Files.writeString(dir.resolve("pc.yaml"), kiraz("4.0"));
        CliProcess.Result kendall = CliProcess.run(dir, "diagnose", "kendall.yaml", "--phase", "free", "--out", "d");
        assertEquals(0, kendall.exitCode(), kendall.err());
        String last = kendall.out().lines().filter(l -> l.startsWith("verdict:")).findFirst().orElseThrow();
        assertTrue(last.startsWith("verdict: NOT the energy-based model") && last.contains("amplifier pairs"), last);
        CliProcess.Result pc = CliProcess.run(dir, "diagnose", "pc.yaml", "--phase", "free");
        assertEquals(0, pc.exitCode(), pc.err());
        assertTrue(pc.out().contains("verdict: an energy-based model"), pc.out());
        List<String> classes = Files.readAllLines(dir.resolve("d/diagnosis.csv"));
        assertEquals("phase,beta_s,class,absorbed_w,share_of_delivered,co_content_w", classes.get(0));
        assertTrue(classes.stream().anyMatch(l -> l.startsWith("free,0.0,conductances,")), classes.toString());
        List<String> g = Files.readAllLines(dir.resolve("d/diagnosis-conductances.csv"));
        // the custom 2-2-1 doubles its inputs and has a bias per layer: 5 x 2 + 3 x 2 = 16 conductances
        assertEquals(17, g.size(), "a header and one row per conductance: " + g);
        assertTrue(g.stream().skip(1).allMatch(l -> l.startsWith("free,r")), g.toString());
    }
}
