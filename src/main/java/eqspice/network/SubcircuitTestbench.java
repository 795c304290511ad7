package eqspice.network;

import eqspice.circuit.Element;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.SpiceNames;
import eqspice.circuit.SpiceNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The testbench written beside a {@link NetworkSubcircuit}'s {@code .lib}: {@code ngspice -b
 * testbench.cir} solves every sample of the task through one instance of the subcircuit and
 * prints one table row per sample: the circuit's outputs, eqspice's own outputs for the same
 * network, their difference and the task's targets.
 *
 * <p>How the samples are driven: a source {@code vsample} holds node {@code sample} at the sample
 * index, and a {@code .dc} sweep steps it over 0 .. N-1; every input row is a B source reading
 * its value for that index from a {@code pwl} table, and so are two probe nodes per output,
 * {@code eqs{k}} (eqspice's output) and {@code tgt{k}} (the target), which connect to nothing
 * else. The sweep starts each sample's Newton iteration from the previous sample's solution;
 * eqspice solved each sample from scratch, so the two agree to the solver's tolerances
 * (docs/hardware-handoff.md gives the measured difference per level). Only standard cards and
 * control commands that ngspice 39.3 and 46 both have are used ({@code dc}, {@code let},
 * {@code print}, {@code vecmax}, {@code set numdgt}).
 */
public final class SubcircuitTestbench {
    /** The testbench's file name in a designer folder. */
    public static final String FILE = "testbench.cir";
    /** Significant digits of the printed table: enough to see a 1e-9 V difference on outputs of a few volts. */
    static final int DIGITS = 12;
    private static final int PAIRS_PER_LINE = 6;

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
     * solved with: the network's own, with reltol at most 1e-9 and vntol at most 1e-12. The sweep
     * warm-starts each sample from the one before, and at training's reltol 1e-3 Newton can stop
     * up to 1e-5 V short (measured on XOR); tight enough, the sweep and eqspice's cold solves
     * both reach the operating point to far below 1e-9 V.
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
            out.add(h.isEmpty() ? "*" : "* " + SpiceNames.text("comment", h));
        }
        out.add("* run: ngspice -b " + FILE + "   (one table row per sample; index = sample number)");
        out.add("* out{k} = V(op{k}) - V(om{k}) of this circuit, eqspice{k} = eqspice's own solve of the same network,");
        out.add("* diff{k} = out{k} - eqspice{k}, target{k} = the task's target; maxdiff = largest |diff| per output");
        out.add(".include " + library);
        out.add("* tolerances tighter than training's, so that the warm-started sweep reaches each operating point");
        out.addAll(options(options).spiceLines());
        out.add("* node sample holds the sample index; the .dc sweep in the control block steps it");
        out.add("vsample sample 0 dc 0");
        List<Map<String, Double>> inputs = new ArrayList<>(n);
        samples.x().forEach(x -> inputs.add(builder.inputValues(x)));
        for (String source : inputs.get(0).keySet()) {
            String node = source.substring(1);
            out.addAll(pwl("b" + node, node, inputs.stream().map(m -> m.get(source)).toList()));
        }
        for (Element e : net.drivers()) {
            if (!e.name().startsWith("vin")) {
                out.add(e.spiceLine()); // bias rows and rails: DC sources as in the flat netlist
            }
        }
        out.add("* probe nodes (connected to nothing else): eqspice's outputs and the targets per sample");
        for (int k = 0; k < outputs; k++) {
            final int kk = k;
            if (samples.eqspice() != null) {
                out.addAll(pwl("beqs" + k, "eqs" + k, samples.eqspice().stream().map(o -> o[kk]).toList()));
            }
            out.addAll(pwl("btgt" + k, "tgt" + k, samples.y().stream().map(y -> y[kk]).toList()));
        }
        List<String> ports = net.subcircuit().ports();
        out.add(net.subcircuit().instanceLine("xnet", ports));
        out.add(".control");
        out.add("set numdgt=" + DIGITS);
        out.add("set width=" + (16 + 4 * (DIGITS + 9) * Math.min(outputs, 3)));
        out.add("dc vsample 0 " + (n - 1) + " 1");
        List<String> columns = new ArrayList<>();
        List<String> worst = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            out.add("let out" + k + " = v(" + layout.outputPlus(k) + ")-v(" + layout.outputMinus(k) + ")");
            columns.add("out" + k);
            if (samples.eqspice() != null) {
                out.add("let eqspice" + k + " = v(eqs" + k + ")");
                out.add("let diff" + k + " = out" + k + "-eqspice" + k);
                out.add("let maxdiff" + k + " = vecmax(abs(diff" + k + "))");
                columns.add("eqspice" + k);
                columns.add("diff" + k);
                worst.add("maxdiff" + k);
            }
            out.add("let target" + k + " = v(tgt" + k + ")");
            columns.add("target" + k);
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

    /** A B source holding {@code node} at {@code values.get(k)} when V(sample) = k; a table of one sample gets two points. */
    private static List<String> pwl(String name, String node, List<Double> values) {
        List<String> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder(SpiceNames.element(name, 'b') + " " + SpiceNames.node(node)
                + " 0 v = pwl(v(sample)");
        int points = Math.max(2, values.size());
        for (int k = 0; k < points; k++) {
            if (k % PAIRS_PER_LINE == 0) {
                lines.add(sb.toString());
                sb = new StringBuilder("+");
            }
            double v = values.get(Math.min(k, values.size() - 1));
            sb.append(String.format(Locale.ROOT, " , %d, %s", k, SpiceNumber.format("value of " + name, v)));
        }
        sb.append(")");
        lines.add(sb.toString());
        return lines;
    }
}
