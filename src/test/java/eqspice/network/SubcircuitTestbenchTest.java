package eqspice.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.Readout;
import eqspice.ngspice.NgspiceProgram;
import eqspice.ngspice.SharedSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hand-off is exact: the designer folder's {@code testbench.cir}, run by the {@code ngspice -b}
 * program, drives all four XOR samples through the exported subcircuit and prints, per sample,
 * the outputs eqspice computes for the flat circuit of the same network (solved here, in
 * process, one sample at a time from scratch): to 1e-9 V at the ideal level and to
 * {@link #NON_IDEAL_TOLERANCE} at the op-amp levels (docs/hardware-handoff.md; measured 7e-12 V).
 * The subcircuit's parameters are live: overriding one on the instance line moves the outputs
 * exactly as changing that conductance in the flat circuit does.
 */
class SubcircuitTestbenchTest {
    static final double IDEAL_TOLERANCE = 1e-9;
    static final double NON_IDEAL_TOLERANCE = 1e-8;
    private static final List<double[]> XS = List.of(new double[] {-1, -1}, new double[] {-1, 1}, new double[] {1, -1},
            new double[] {1, 1});
    private static final List<double[]> YS = List.of(new double[] {0}, new double[] {1}, new double[] {1}, new double[] {0});

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Fidelity.Level.class)
    void testbenchReproducesEqspiceOutputsForEverySample(Fidelity.Level level) throws Exception {
        LayeredNetwork net = LayeredNetwork.random(DesignerExportTest.spec(), 1e-5, 1e-4, 3);
        Fidelity fidelity = Fidelity.of(level, FidelityParameters.DEFAULT);
        List<double[]> eqspice = solve(net, fidelity);
        DesignerExport.Exported f = export(net, fidelity, eqspice);

        String lib = Files.readString(f.library());
        assertTrue(lib.contains(".subckt xor inp0 inm0 inp1 inm1 bias0 op0 om0" + (level == Fidelity.Level.IDEAL ? "\n"
                : " vdd vss\n")), lib);
        assertEquals(net.spec().conductanceCount(), lib.lines().filter(l -> l.matches("\\+ g\\d+_\\d+_\\d+=.*")).count());

        List<double[]> printed = outputs(f.testbench());
        double tolerance = level == Fidelity.Level.IDEAL ? IDEAL_TOLERANCE : NON_IDEAL_TOLERANCE;
        for (int s = 0; s < XS.size(); s++) {
            assertEquals(eqspice.get(s)[0], printed.get(s)[0], tolerance, level + " sample " + s + " out0");
            assertEquals(eqspice.get(s)[0], printed.get(s)[1], 1e-12, "the eqspice column holds eqspice's output");
            assertEquals(printed.get(s)[0] - printed.get(s)[1], printed.get(s)[2], 1e-11, "diff column");
            assertEquals(YS.get(s)[0], printed.get(s)[3], 0, "target column");
        }
        double spread = eqspice.stream().mapToDouble(o -> o[0]).max().orElseThrow()
                - eqspice.stream().mapToDouble(o -> o[0]).min().orElseThrow();
        assertTrue(spread > 0.01, "the samples should give different outputs, else the sweep proves little: " + spread);
    }

    @Test
    void parameterOverrideOnTheInstanceActsLikeChangingTheConductance() throws Exception {
        LayeredNetwork net = LayeredNetwork.random(DesignerExportTest.spec(), 1e-5, 1e-4, 3);
        DesignerExport.Exported f = export(net, Fidelity.IDEAL, solve(net, Fidelity.IDEAL));
        Path tb = f.testbench();
        String text = Files.readString(tb);
        String instance = "xnet inp0 inm0 inp1 inm1 bias0 op0 om0 xor";
        assertTrue(text.contains(instance + "\n"), text);
        Files.writeString(tb, text.replace(instance + "\n", instance + " g1_2_0=3.5e-4\n"));

        List<ConductanceMatrix> w = new ArrayList<>(net.weights());
        w.set(1, w.get(1).with(2, 0, 3.5e-4));
        LayeredNetwork changed = net.withWeights(w);
        List<double[]> expected = solve(changed, Fidelity.IDEAL);
        List<double[]> before = solve(net, Fidelity.IDEAL);
        List<double[]> printed = outputs(tb);
        for (int s = 0; s < XS.size(); s++) {
            assertEquals(expected.get(s)[0], printed.get(s)[0], IDEAL_TOLERANCE, "sample " + s);
        }
        assertTrue(Math.abs(expected.get(1)[0] - before.get(1)[0]) > 1e-3, "the override should move the output");
    }

    /**
     * The shipped netlists/designer/xor-transistor (XOR trained by eqspice run): its xor.lib holds
     * today's subcircuit of its conductances.csv, and its testbench prints eqspice's outputs.
     */
    @Test
    void shippedTestbenchIsCurrentAndReproducesEqspice() throws Exception {
        Path shipped = Path.of("netlists", "designer", "xor-transistor");
        eqspice.experiment.Experiment exp = eqspice.experiment.ExperimentLoader.load(Path.of("experiments", "xor.yaml"));
        LayeredNetwork net = ConductanceTable.read(shipped.resolve("conductances.csv"), exp.config().spec());
        Fidelity fidelity = Fidelity.of(Fidelity.Level.TRANSISTOR, exp.fidelity());
        List<String> lib = Files.readAllLines(shipped.resolve("xor.lib"));
        List<String> subckt = lib.subList(lib.indexOf(".subckt xor inp0 inm0 inp1 inm1 bias0 op0 om0 vdd vss"), lib.size());
        assertEquals(new NetworkSubcircuit("xor", net, fidelity).subcircuit().lines(), subckt,
                "xor.lib is stale: export again (README.md, section Validation and designer export)");
        SolverOptions tight = SubcircuitTestbench.options(exp.config().solver());
        List<double[]> eqspice = Readout.solveEach(SharedSession.get(), new CrossbarCircuit(net.spec(), fidelity), net, XS,
                tight);
        List<double[]> printed = outputs(shipped.resolve(SubcircuitTestbench.FILE));
        for (int s = 0; s < XS.size(); s++) {
            assertEquals(eqspice.get(s)[0], printed.get(s)[0], NON_IDEAL_TOLERANCE, "sample " + s);
        }
    }

    private static List<double[]> solve(LayeredNetwork net, Fidelity fidelity) {
        SolverOptions tight = SubcircuitTestbench.options(SolverOptions.DEFAULT);
        List<double[]> out = Readout.solveEach(SharedSession.get(), new CrossbarCircuit(net.spec(), fidelity), net, XS,
                tight);
        assertTrue(!out.contains(null), "eqspice solved every sample");
        return out;
    }

    private DesignerExport.Exported export(LayeredNetwork net, Fidelity fidelity, List<double[]> eqspice)
            throws Exception {
        DesignerExport.Sheet sheet = new DesignerExport.Sheet("xor", XS.get(0), YS.get(0), 0.5, eqspice.get(0), "",
                List.of("test network, seed 3"), new SubcircuitTestbench.Samples(XS, YS, eqspice, 0.5));
        return DesignerExport.write(tmp.resolve(fidelity.id()), net, fidelity, sheet, SolverOptions.DEFAULT);
    }

    /**
     * Runs {@code ngspice -b} on the testbench and reads its table: per sample the columns out0,
     * eqspice0, diff0, target0 (the rows after the header line that starts with {@code Index}).
     */
    static List<double[]> outputs(Path testbench) throws Exception {
        NgspiceProgram.BatchRun run = NgspiceProgram.batch(testbench, 120);
        String all = String.join("\n", run.output());
        assertEquals(0, run.exitCode(), all);
        List<double[]> rows = new ArrayList<>();
        boolean table = false;
        for (String line : run.output()) {
            if (line.startsWith("Index")) {
                table = true;
                assertEquals(List.of("Index", "out0", "eqspice0", "diff0", "target0"),
                        List.of(line.trim().split("\\s+")), all);
            } else if (table && line.matches("\\d+\\t.*")) {
                String[] c = line.trim().split("\\s+");
                assertEquals(rows.size(), Integer.parseInt(c[0]), "the index is the sample number: " + all);
                rows.add(new double[] {num(c[1]), num(c[2]), num(c[3]), num(c[4])});
            }
        }
        assertEquals(XS.size(), rows.size(), all);
        assertTrue(all.toLowerCase(Locale.ROOT).contains("maxdiff0 = "), all);
        return rows;
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }
}
