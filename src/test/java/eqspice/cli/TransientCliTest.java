package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eqspice transient} as a user runs it: help, the files it writes, a wrong sample number. */
class TransientCliTest {
    @Test
    void writesPhaseAndCutShortFilesForKiraz(@TempDir Path dir) throws Exception {
        Path yaml = Path.of("experiments", "kiraz-case1.yaml").toAbsolutePath();
        CliProcess.Result r = CliProcess.run(dir, "transient", yaml.toString(), "--level", "ideal", "--phase-time",
                "2e-6", "--cut", "3e-9,2e-6", "--out", "t");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("0 free       settled in"), r.out());
        assertTrue(r.out().contains("energy per training step, sample 0:"), r.out());
        assertTrue(r.out().matches("(?s).*time per phase: transient .* s, DC .* s, ratio .*"), r.out());
        List<String> phases = Files.readAllLines(dir.resolve("t/phases.csv")).stream().filter(l -> !l.startsWith("#"))
                .toList();
        assertEquals(4, phases.size(), String.join("\n", phases));
        assertTrue(phases.get(0).startsWith("sample,phase,start_s,verdict,settling_time_s"), phases.get(0));
        assertTrue(phases.get(1).startsWith("0,free,0.0,settled,"), phases.get(1));
        List<String> cut = Files.readAllLines(dir.resolve("t/cut-short.csv")).stream().filter(l -> !l.startsWith("#"))
                .toList();
        assertEquals(3, cut.size(), String.join("\n", cut));
        String[] full = cut.get(2).split(",");
        assertEquals(2e-6, Double.parseDouble(full[0]), 0, cut.get(2));
        assertEquals(1.0, Double.parseDouble(full[1]), 1e-9, "cosine once settled: " + cut.get(2));
        assertTrue(Files.size(dir.resolve("t/cut-short.png")) > 1000);
    }

    @Test
    void answersHelpAndRefusesAMissingSample(@TempDir Path dir) throws Exception {
        CliProcess.Result help = CliProcess.run(dir, "transient", "-h");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--phase-time"), help.out());
        Path yaml = Path.of("experiments", "kiraz-case1.yaml").toAbsolutePath();
        CliProcess.Result bad = CliProcess.run(dir, "transient", yaml.toString(), "--samples", "5", "--no-cut");
        assertEquals(2, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.err().contains("sample 5 does not exist: the task has 1 samples"), bad.err());
        assertTrue(!bad.err().contains("\tat "), "no stack trace: " + bad.err());
    }
}
