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

    /**
     * {@code run --diagnostics} diagnoses the circuit being trained: at the behavioural level
     * Tellegen holds with the op-amps' terms (to the solver's tolerance), P includes the 1N4148
     * and sinh terms, and the PCM-vs-VDM columns are NaN (sinh devices), not numbers of the
     * ideal circuit.
     */
    @Test
    void runDiagnosticsFollowTheTrainingLevel(@TempDir Path dir) throws Exception {
        // Tight tolerances: with ngspice's reltol 1e-3 the sinh and op-amp circuit's KCL residuals reach 1e-4.
        Files.writeString(dir.resolve("d.yaml"), YAML.replace("epochs: 1", "epochs: 2")
                .replace("train_level: transistor", "train_level: behavioural")
                + "solver:\n  reltol: 1.0e-7\n  vntol: 1.0e-9\n");
        CliProcess.Result r = CliProcess.run(dir, "run", "d.yaml", "--diagnostics", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        java.util.List<String> rows = Files.readAllLines(dir.resolve("results/diaglevel/metrics.csv"));
        java.util.List<String> header = java.util.List.of(rows.get(0).split(","));
        assertEquals(3, rows.size());
        for (String row : rows.subList(1, 3)) {
            String[] cells = row.split(",");
            assertTrue(Double.parseDouble(cells[header.indexOf("diag_tellegen_rel")]) < 1e-6, row);
            double net = Double.parseDouble(cells[header.indexOf("diag_amplifier_net_w")]);
            assertTrue(net < 0 && net > -1e-3, "the op-amp pairs create microwatts: " + row);
            assertTrue(Double.parseDouble(cells[header.indexOf("diag_pseudo_power_w")]) > 0, "P with the 1N4148: " + row);
            assertTrue(Double.isNaN(Double.parseDouble(cells[header.indexOf("diag_pcm_vdm_max_rel")])), row);
        }
    }
}
