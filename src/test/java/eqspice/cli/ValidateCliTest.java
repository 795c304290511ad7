package eqspice.cli;

import eqspice.eqprop.Readout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.ConductanceTable;
import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.ngspice.SharedSession;
import eqspice.task.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eqspice run keeps what validate and export --level need; validate's table; their refusals. */
class ValidateCliTest {
    private static final String XOR = "name: tinyxor\nnetwork:\n  preset: custom\n  inputs: 2\n  hidden: [3]\n  outputs: 1\n"
            + "  activation:\n    upper_bias: 0.05\n    lower_bias: -0.05\ntask:\n  name: xor\ntraining:\n  alpha: 3.0e-8\n"
            + "  beta: 1.0e-6\n  epochs: 2\n  seed: 2\n  init: [1.0e-5, 1.0e-4]\nfidelity:\n  v0: 2.0\n  variation: 0.1\n";

    @Test
    void runThenValidateThenExport(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), XOR);
        CliProcess.Result run = CliProcess.run(dir, "run", "x.yaml", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Path out = dir.resolve("results/tinyxor");
        assertEquals(XOR, Files.readString(out.resolve("experiment.yaml")));

        CliProcess.Result v = CliProcess.run(dir, "validate", "results/tinyxor");
        assertEquals(0, v.exitCode(), v.out() + v.err());
        List<String> rows = Files.readAllLines(out.resolve("validation.csv"));
        assertEquals("level,accuracy,max_deviation_v,mean_deviation_v,mean_power_w,mean_supply_power_w,failures,samples,parts",
                rows.get(0));
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("ideal,") && rows.get(2).startsWith("behavioural,")
                && rows.get(3).startsWith("transistor,"), rows.toString());
        assertTrue(rows.get(1).contains(",0.0,0.0,"), "the ideal level deviates from itself by nothing: " + rows.get(1));
        assertTrue(rows.get(3).contains("V0 2.0 V") && rows.get(3).contains("variation 0.1"), rows.get(3));
        assertTrue(Files.size(out.resolve("validation-deviation.png")) > 1000);

        // The ideal accuracy, counted here from the conductances the run wrote.
        Experiment exp = ExperimentLoader.load(dir.resolve("x.yaml"));
        LayeredNetwork net = ConductanceTable.read(out.resolve("conductances.csv"), exp.config().spec());
        CrossbarCircuit ideal = new CrossbarCircuit(exp.config().spec());
        int correct = 0;
        for (Sample s : exp.config().task().samples()) {
            double o = Readout.outputs(ideal.layout(), SharedSession.get().solve(ideal.build(net, s.x(), SolverOptions.DEFAULT, List.of())))[0];
            correct += Math.abs(o - s.y()[0]) <= exp.config().task().tolerance() ? 1 : 0;
        }
        assertEquals(correct / 4.0, Double.parseDouble(rows.get(1).split(",")[1]), 1e-12);
        assertTrue(v.out().contains("transistor"), v.out());

        CliProcess.Result e = CliProcess.run(dir, "export", "results/tinyxor", "--level", "transistor", "--out", "designer");
        assertEquals(0, e.exitCode(), e.out() + e.err());
        for (String f : List.of("tinyxor.cir", "lib/eqs_amp_cmos.lib", "lib/eqs_diodes.lib", "conductances.csv",
                "device_conductances.csv", "README.md")) {
            assertTrue(Files.exists(dir.resolve("designer").resolve(f)), f);
        }
        assertEquals(Files.readString(out.resolve("conductances.csv")),
                Files.readString(dir.resolve("designer/conductances.csv")));
    }

    @Test
    void refusalsNameWhatIsMissing(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        CliProcess.Result v = CliProcess.run(dir, "validate", "empty");
        assertEquals(2, v.exitCode());
        assertTrue(v.err().contains("empty: no experiment.yaml (the experiment, written when the run or point starts) and "
                + "no conductances.csv (the trained network, written when training ends); validate needs the folder of a "
                + "finished 'eqspice run'"), v.err());
        Files.writeString(dir.resolve("x.yaml"), XOR);
        CliProcess.Result noOut = CliProcess.run(dir, "export", "x.yaml", "--level", "transistor");
        assertEquals(2, noOut.exitCode());
        assertTrue(noOut.err().contains("--level writes a folder: give it with --out DIR"), noOut.err());
        CliProcess.Result badLevel = CliProcess.run(dir, "export", "x.yaml", "--level", "spice", "--out", "d");
        assertEquals(2, badLevel.exitCode());
        assertTrue(badLevel.err().contains("'spice' is not a fidelity level; allowed: ideal, behavioural, transistor"),
                badLevel.err());
        Files.writeString(dir.resolve("bad.yaml"), XOR.replace("v0: 2.0", "v0: -1"));
        CliProcess.Result bad = CliProcess.run(dir, "export", "bad.yaml", "--level", "ideal", "--out", "d");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("bad.yaml line 19: field 'fidelity.v0' must be a finite number > 0 (V), got -1.0"),
                bad.err());
        Files.writeString(dir.resolve("bad2.yaml"), XOR.replace("v0: 2.0", "memristor: squishy"));
        CliProcess.Result bad2 = CliProcess.run(dir, "export", "bad2.yaml", "--level", "ideal", "--out", "d");
        assertTrue(bad2.err().contains("field 'fidelity.memristor': 'squishy' is not allowed; allowed: nonlinear, linear"),
                bad2.err());
        assertTrue(!Files.exists(dir.resolve("d")), "nothing written after a refusal");
    }
}
