package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eqspice diagnose --level}: the experiment's training level by default, else the one asked for. */
class DiagnoseLevelCliTest {
    private static final String YAML = "name: diaglevel\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-9\n  beta: 1.0e-6\n  epochs: 1\n  seed: 1\n  init: [1.0e-5, 1.0e-4]\n"
            + "fidelity:\n  train_level: transistor\n";

    @Test
    void defaultIsTheTrainingLevelAndIdealIsAsBefore(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.yaml"), YAML);
        CliProcess.Result t = CliProcess.run(dir, "diagnose", "d.yaml", "--phase", "free");
        assertEquals(0, t.exitCode(), t.out() + t.err());
        assertTrue(t.out().contains("circuit: transistor: CMOS two-stage op-amp amplifiers"), t.out());
        assertTrue(t.out().contains("  op-amp amplifiers ") && t.out().contains("  amplifier rails "), t.out());
        assertTrue(t.out().contains("PCM vs VDM: not applicable: the crossbar devices are sinh conductors"), t.out());

        CliProcess.Result i = CliProcess.run(dir, "diagnose", "d.yaml", "--phase", "free", "--level", "ideal");
        assertEquals(0, i.exitCode(), i.out() + i.err());
        assertTrue(i.out().contains("circuit: ideal: VCVS/CCCS amplifiers"), i.out());
        assertTrue(i.out().contains("  amplifier VCVS ") && !i.out().contains("op-amp amplifiers"), i.out());
        assertTrue(i.out().contains("PCM vs VDM (epsilon 1.0e-04, 12 conductances)"), i.out());
    }
}
