package eqspice.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designer folder at every fidelity level: the {@code ngspice -b} program runs the netlist
 * unchanged, from another working directory (so the relative includes resolve against the
 * netlist's folder), and its binary rawfile gives the node voltages and source currents eqspice's
 * own in-process solve gives, to 1e-9 relative.
 */
class DesignerExportTest {
    @TempDir
    Path tmp;

    /** XOR-like: doubled inputs, 4 hidden diode pairs clipping near +-0.5 V, Kendall's amplifiers. */
    static NetworkSpec spec() {
        return new NetworkSpec(2, true, List.of(1.0), List.of(4), 1,
                Optional.of(new DiodePair(DiodePair.DEFAULT_MODEL, 0.05, -0.05, DiodePair.Orientation.CLIPPING)),
                Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
    }

    @ParameterizedTest
    @EnumSource(Fidelity.Level.class)
    void exportedFolderRunsInTheNgspiceProgramAndGivesTheHarnessVoltages(Fidelity.Level level) throws Exception {
        LayeredNetwork net = LayeredNetwork.random(spec(), 1e-5, 1e-4, 3);
        Fidelity fidelity = Fidelity.of(level, FidelityParameters.DEFAULT);
        DesignerExport.Sheet sheet = new DesignerExport.Sheet("xor-" + level.id(), new double[] {1, -1},
                new double[] {1}, 0.5, null, "", List.of("test network, seed 3"));
        Path dir = tmp.resolve(level.id());
        DesignerExport.Exported f = DesignerExport.write(dir, net, fidelity, sheet, SolverOptions.DEFAULT);

        String cir = Files.readString(f.netlist());
        for (String line : cir.lines().toList()) {
            if (line.startsWith(".include")) {
                String rel = line.substring(".include ".length());
                assertFalse(Path.of(rel).isAbsolute(), line);
                assertTrue(Files.exists(dir.resolve(rel)), line);
            }
        }
        assertEquals(level != Fidelity.Level.IDEAL, cir.contains(".include lib/eqs_diodes.lib"), cir);
        assertEquals(level != Fidelity.Level.IDEAL, Files.exists(dir.resolve("device_conductances.csv")));

        Map<String, Double> batch = NgspiceBatch.run(f.netlist().toAbsolutePath(), tmp.resolve(level.id() + ".raw"));
        Solution lib = SharedSession.get().solve(DesignerExport.circuit(net, fidelity, sheet, SolverOptions.DEFAULT));
        int compared = 0;
        for (Map.Entry<String, Double> e : batch.entrySet()) {
            String key = e.getKey();
            String name = key.substring(2, key.length() - 1);
            Double expected = key.startsWith("v(") ? lib.voltages().get(name) : lib.currents().get(name);
            if (expected == null) {
                continue; // a subcircuit-internal branch the session does not report
            }
            CrossbarPhysicsTest.assertRelative(expected, e.getValue(), 1e-9, level + " " + key);
            compared++;
        }
        assertTrue(compared >= lib.voltages().size(), level + ": compared " + compared + " of " + batch.keySet());
        for (String node : List.of("h1_0", "h1_3", "op0", "om0")) {
            assertTrue(batch.containsKey("v(" + node + ")"), node);
        }
        assertTrue(Math.abs(lib.voltage("h1_0")) > 0.01, "a trivial operating point would prove little");
    }

    @Test
    void readmeNamesTheProbesAndTheTarget() throws Exception {
        LayeredNetwork net = LayeredNetwork.random(spec(), 1e-5, 1e-4, 3);
        DesignerExport.Sheet sheet = new DesignerExport.Sheet("xor", new double[] {1, -1}, new double[] {1}, 0.5,
                new double[] {0.93}, DesignerExport.Sheet.readout(List.of(new double[] {0}, new double[] {1})),
                List.of("seed 3"));
        DesignerExport.write(tmp, net, Fidelity.of(Fidelity.Level.TRANSISTOR, FidelityParameters.DEFAULT), sheet,
                SolverOptions.DEFAULT);
        String readme = Files.readString(tmp.resolve("README.md"));
        for (String s : List.of("ngspice -b xor.cir", "`print v(op0)-v(om0)`", "lib/eqs_amp_cmos.lib", "| 1.00000 V |",
                "0.930000 V", "`inp0` (source `vinp0`)",
                "i(vsupp)", "br{l}_{i}_{j}", "device_conductances.csv",
                "read the label as 1.0 when V(op0) - V(om0) is above 0.5 V, else 0.0", "| 0.930000 V | yes |")) {
            assertTrue(readme.contains(s), "README lacks '" + s + "':\n" + readme);
        }
    }

    /**
     * The shipped designer folder netlists/designer/xor-transistor (XOR of experiments/xor.yaml
     * trained by eqspice run, exported at the transistor level for sample 1): its library files
     * are today's netlists/lib files, and ngspice -b solves its netlist as eqspice solves the
     * circuit of its conductances.csv.
     */
    @Test
    void shippedDesignerFolderIsCurrentAndRunsLikeTheHarness() throws Exception {
        Path shipped = Path.of("netlists", "designer", "xor-transistor");
        for (String lib : List.of(ModelLibrary.CMOS_AMPLIFIER, ModelLibrary.DIODES)) {
            assertEquals(Files.readString(Path.of("netlists", "lib", lib)), Files.readString(shipped.resolve("lib").resolve(lib)),
                    lib + " is stale: export again (README.md, section Validation and designer export)");
        }
        eqspice.experiment.Experiment exp = eqspice.experiment.ExperimentLoader.load(Path.of("experiments", "xor.yaml"));
        LayeredNetwork net = ConductanceTable.read(shipped.resolve("conductances.csv"), exp.config().spec());
        Fidelity f = Fidelity.of(Fidelity.Level.TRANSISTOR, exp.fidelity());
        DesignerExport.Sheet sheet = new DesignerExport.Sheet("xor", new double[] {-1, 1}, new double[] {1}, 0.5, null,
                "", List.of());
        Solution lib = SharedSession.get().solve(DesignerExport.circuit(net, f, sheet, exp.config().solver()));
        Map<String, Double> batch = NgspiceBatch.run(shipped.resolve("xor.cir").toAbsolutePath(), tmp.resolve("x.raw"));
        for (String node : lib.voltages().keySet()) {
            CrossbarPhysicsTest.assertRelative(lib.voltage(node), batch.get("v(" + node + ")"), 1e-9, node);
        }
        double out = lib.voltage("op0") - lib.voltage("om0");
        assertTrue(Files.readString(shipped.resolve("README.md")).contains(DesignerExport.volts(out)),
                "the README quotes the output " + out);
    }
}
