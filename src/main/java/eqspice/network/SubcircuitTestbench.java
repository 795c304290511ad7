package eqspice.network;

import eqspice.circuit.Element;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.SpiceNumber;
import eqspice.circuit.VoltageSource;
import eqspice.text.OneLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The testbench written beside a {@link NetworkSubcircuit}'s {@code .lib}: {@code ngspice -b
 * testbench.cir} solves every sample of the task through one instance of the subcircuit and
 * prints one table row per sample: the circuit's outputs, eqspice's own outputs for the same
 * network, their difference and the task's targets.
 *
 * <p>How the samples are driven: the input rows are ordinary DC sources (holding sample 0), and
 * the control block sets them to each sample in turn ({@code alter}) and solves an operating
 * point from scratch ({@code op}), as eqspice solved each sample. The results collect in vectors
 * of the {@code const} plot, which every plot sees, so no plot names are needed; the plots are
 * destroyed after each sample. A sample whose {@code op} fails keeps {@value #NO_VALUE} in the
 * table. A {@code .dc} sweep over a sample index was tried first: one analysis, but each sample
 * starts from the one before, and on the XOR transistor circuit that path reached another of
 * its operating points (ngspice 39.3, and 46 without KLU), so the table reported a difference
 * that was not in the network. Only control commands that ngspice 39.3 and 46 both have are used
 * ({@code setplot}, {@code let} with indices, {@code alter}, {@code op}, {@code print},
 * {@code vecmax}, {@code destroy}, {@code set numdgt}); both run it (docs/hardware-handoff.md).
 */
public final class SubcircuitTestbench {
    /** The testbench's file name in a designer folder. */
    public static final String FILE = "testbench.cir";
    /** Significant digits of the printed table: enough to see a 1e-9 V difference on outputs of a few volts. */
    static final int DIGITS = 12;
    /** What a sample's output reads when its operating point failed. */
    static final String NO_VALUE = "9.99e99";

    /**
     * The samples the testbench drives.
     *
     * @param x         inputs per sample (V)
     * @param y         targets per sample (V)
     * @param eqspice   eqspice's outputs per sample (V), or null when eqspice could not solve every sample
     * @param tolerance an output is correct within this of its target (V)
     */
    public record Samples(List<double[]> x, List<double[]> y, List<double[]> eqspice, double tolerance) {
        public Samples {
            x = List.copyOf(x);
            y = List.copyOf(y);
            if (x.isEmpty() || x.size() != y.size() || (eqspice != null && eqspice.size() != x.size())) {
                throw new IllegalArgumentException("a testbench needs at least one sample, with a target (and eqspice's "
                        + "output) for each; got " + x.size() + " inputs, " + y.size() + " targets");
            }
            eqspice = eqspice == null || eqspice.contains(null) ? null : List.copyOf(eqspice);
            SpiceNumber.nonNegative("tolerance", tolerance);
        }
    }

    private SubcircuitTestbench() {
    }

    /**
     * The solver options the testbench is written with, and eqspice's outputs in it must be
     * solved with: the network's own, with reltol at most 1e-9 and vntol at most 1e-12. The
     * subcircuit's matrix is ordered differently from eqspice's flat circuit, and at training's
     * reltol 1e-3 Newton may stop at different iterates (up to 1e-5 V apart, measured on XOR with
     * a warm-started sweep); tight enough, both reach the operating point to far below 1e-9 V.
     */
    public static SolverOptions options(SolverOptions network) {
        return network.withTolerances(Math.min(network.reltol(), 1e-9), network.abstol(), Math.min(network.vntol(), 1e-12));
    }

    /**
     * The testbench's lines; {@code library} is the .lib file name beside it. The options are
     * written {@link #options tightened}: eqspice's outputs in {@code samples} must come from
     * solves with those.
     */
    public static List<String> lines(NetworkSubcircuit net, String library, Samples samples, SolverOptions options,
                                     List<String> header) {
        CrossbarCircuit builder = net.builder();
        CrossbarLayout layout = builder.layout();
        int n = samples.x().size();
        int outputs = layout.spec().outputs();
        List<String> out = new ArrayList<>();
        out.add(net.subcircuit().name() + " testbench: " + n + " samples through subcircuit " + net.subcircuit().name());
        for (String h : header) {
            out.add(h.isEmpty() ? "*" : "* " + OneLine.escape(h));
        }
        out.add("* run: ngspice -b " + FILE + "   (one table row per sample; index = sample number)");
        out.add("* out{k} = V(op{k}) - V(om{k}) of this circuit, eqspice{k} = eqspice's own solve of the same network,");
        out.add("* diff{k} = out{k} - eqspice{k}, target{k} = the task's target; maxdiff = largest |diff| per output");
        out.add(".include " + library);
        out.add("* tolerances tighter than training's, so that every solve reaches its operating point to < 1e-9 V");
        out.addAll(options(options).spiceLines());
        List<Map<String, Double>> inputs = new ArrayList<>(n);
        samples.x().forEach(x -> inputs.add(builder.inputValues(x)));
        out.add("* input rows (sample 0; the control block sets each sample in turn), bias rows, rails");
        inputs.get(0).forEach((source, v) -> out.add(new VoltageSource(source, source.substring(1), "0", v).spiceLine()));
        for (Element e : net.drivers()) {
            if (!e.name().startsWith("vin")) {
                out.add(e.spiceLine());
            }
        }
        out.add(net.subcircuit().instanceLine("xnet", net.subcircuit().ports()));
        out.add(".control");
        out.add("set numdgt=" + DIGITS);
        out.add("set width=" + (16 + 4 * (DIGITS + 9) * Math.min(outputs, 3)));
        out.add("setplot const");
        List<String> columns = new ArrayList<>();
        List<String> worst = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            out.add("let out" + k + " = vector(" + n + ") * 0 + " + NO_VALUE);
            columns.add("out" + k);
            if (samples.eqspice() != null) {
                out.addAll(table("eqspice" + k, samples.eqspice(), k));
                columns.add("eqspice" + k);
                columns.add("diff" + k);
                worst.add("maxdiff" + k);
            }
            out.addAll(table("target" + k, samples.y(), k));
            columns.add("target" + k);
        }
        for (int s = 0; s < n; s++) {
            out.add("* sample " + s + ": x = " + java.util.Arrays.toString(samples.x().get(s)));
            inputs.get(s).forEach((source, v) -> out.add("alter " + source + " dc = " + SpiceNumber.format(source, v)));
            out.add("op");
            for (int k = 0; k < outputs; k++) {
                out.add("let out" + k + "[" + s + "] = v(" + layout.outputPlus(k) + ")-v(" + layout.outputMinus(k) + ")");
            }
            out.add("destroy all");
        }
        out.add("setplot const");
        for (int k = 0; k < outputs && samples.eqspice() != null; k++) {
            out.add("let diff" + k + " = out" + k + "-eqspice" + k);
            out.add("let maxdiff" + k + " = vecmax(abs(diff" + k + "))");
        }
        out.add("print " + String.join(" ", columns));
        if (!worst.isEmpty()) {
            out.add("print " + String.join(" ", worst));
        } else {
            out.add("echo eqspice could not solve every sample: no eqspice column");
        }
        out.add(".endc");
        out.add(".end");
        return out;
    }

    /** A vector of the const plot holding column {@code k} of {@code rows}, one element per line. */
    private static List<String> table(String name, List<double[]> rows, int k) {
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add("let " + name + " = vector(" + rows.size() + ")");
        for (int s = 0; s < rows.size(); s++) {
            lines.add("let " + name + "[" + s + "] = " + SpiceNumber.format(name, rows.get(s)[k]));
        }
        return lines;
    }
}
