package eqspice.diagnostics;

import eqspice.circuit.DiodeModel;
import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.network.Conductor;
import eqspice.network.CrossbarLayout;
import eqspice.network.DiodePair;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import eqspice.task.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the diode pairs of a network bend its hidden nodes' response at all, measured on the
 * free phases of a few training samples.
 *
 * <p>At a hidden node fed by crossbar conductances summing to {@code G}, the diodes' small-signal
 * conductance {@code g_d} (both diodes, at the solved operating point) lowers the gain from the
 * crossbar's inputs to the node by the share {@code g_d / (G + g_d)}. When that share stays
 * under {@link #LINEAR_BELOW} at every node and sample, the hidden layer computes a linear
 * function: a network whose node currents are large against the diodes' saturation current
 * (hundreds of inputs, milliamperes per node) trains then exactly as with
 * {@code network.activation.enabled: false} (docs/tasks.md, "Fashion-MNIST 28x28"). Nothing warns
 * of that otherwise: the run learns, only no better than a linear model.
 *
 * <p>The amplifier's backward current is left out of {@code G} (it reflects the next crossbar's
 * load, not an input), so the share is what the diodes alone take from the gain.
 *
 * @param largestShare the largest share over every hidden node and scored sample (0..1)
 * @param medianShare  the median share (0..1)
 * @param nodes        hidden nodes measured
 * @param samples      samples whose free phase solved
 */
public record ActivationBend(double largestShare, double medianShare, int nodes, int samples) {
    /** Below this share at every node the diodes change no node's gain by 1 %: a linear hidden layer. */
    public static final double LINEAR_BELOW = 0.01;
    /** Training samples scored by {@link #measure}: the first this many. */
    public static final int SAMPLES = 20;

    public ActivationBend {
        if (!(largestShare >= 0 && largestShare <= 1) || !(medianShare >= 0 && medianShare <= largestShare)) {
            throw new IllegalArgumentException("shares must satisfy 0 <= median <= largest <= 1, got median "
                    + medianShare + ", largest " + largestShare);
        }
        if (nodes < 1 || samples < 1) {
            throw new IllegalArgumentException("an activation bend needs at least one node and one sample");
        }
    }

    /** True when no hidden node's gain was lowered by {@link #LINEAR_BELOW} or more on any sample. */
    public boolean linear() {
        return largestShare < LINEAR_BELOW;
    }

    /**
     * The share of a node's gain its diodes take: {@code g_d / (G + g_d)}, {@code g_d} the sum of
     * both diodes' small-signal conductances {@code IS / (n Vt) exp(v / (n Vt))}.
     *
     * @param crossbar   total crossbar conductance at the node (S)
     * @param upperDiode forward voltage across the upper diode (V; negative when it blocks)
     * @param lowerDiode forward voltage across the lower diode (V)
     */
    static double share(double crossbar, double upperDiode, double lowerDiode, double is, double nvt) {
        double gd = is / nvt * (Math.exp(upperDiode / nvt) + Math.exp(lowerDiode / nvt));
        return gd / (crossbar + gd);
    }

    /**
     * Solves the free phase of the first {@link #SAMPLES} samples on {@code network} and measures
     * the share at every hidden node. Empty when the network has no activation or its diodes are
     * not plain Shockley junctions on linear crossbar devices (a library diode card, series
     * resistance, sinh devices or device variation: the share above would not be the diodes'),
     * or when no sample solved.
     */
    public static Optional<ActivationBend> measure(Simulator simulator, LayeredNetwork network, Fidelity fidelity,
                                                   SolverOptions options, List<Sample> samples) {
        NetworkSpec spec = network.spec();
        if (spec.activation().isEmpty() || spec.hidden().isEmpty() || fidelity.realDiodes()
                || fidelity.nonlinearMemristors() || fidelity.varied()) {
            return Optional.empty();
        }
        DiodePair pair = spec.activation().get();
        DiodeModel model = pair.model();
        if (model.rs() != 0) {
            return Optional.empty();
        }
        double nvt = model.n() * ShockleyDiode.VT;
        CrossbarSession session = CrossbarSession.builder(simulator, network).fidelity(fidelity).options(options).open();
        CrossbarLayout layout = new CrossbarLayout(spec);
        Map<String, Double> crossbarAt = new HashMap<>();
        List<Conductor> conductors = session.conductors();
        for (int k = 0; k < conductors.size(); k++) {
            Conductor c = conductors.get(k);
            crossbarAt.merge(c.rowNode(), session.conductance(k), Double::sum);
            crossbarAt.merge(c.columnNode(), session.conductance(k), Double::sum);
        }
        boolean clipping = pair.orientation() == DiodePair.Orientation.CLIPPING;
        List<Double> shares = new ArrayList<>();
        int solved = 0;
        int nodes = 0;
        for (Sample sample : samples.subList(0, Math.min(SAMPLES, samples.size()))) {
            Solution s;
            try {
                session.setInputs(sample.x());
                session.setNudge(new double[sample.y().length]);
                s = session.solve();
            } catch (SimulationException e) {
                continue; // a sample that does not solve says nothing about the bend
            }
            solved++;
            nodes = 0;
            for (int m = 1; m <= spec.hidden().size(); m++) {
                for (int j = 0; j < spec.hidden().get(m - 1); j++) {
                    String h = layout.hiddenNode(m, j);
                    double vh = s.voltage(h);
                    double up = s.voltage("nu" + m + "_" + j);
                    double low = s.voltage("nl" + m + "_" + j);
                    // clipping: h -> upper source and lower source -> h; reversed: the other way round
                    double upper = clipping ? vh - up : up - vh;
                    double lower = clipping ? low - vh : vh - low;
                    shares.add(share(crossbarAt.getOrDefault(h, 0.0), upper, lower, model.is(), nvt));
                    nodes++;
                }
            }
        }
        if (solved == 0) {
            return Optional.empty();
        }
        double[] sorted = shares.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Optional.of(new ActivationBend(sorted[sorted.length - 1], sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2, nodes, solved));
    }

    /** The measurement as summary.json's {@code activation} section. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("largest_diode_share", largestShare);
        m.put("median_diode_share", medianShare);
        m.put("hidden_nodes", nodes);
        m.put("samples", samples);
        m.put("linear", linear());
        return m;
    }

    /** A note for the run's output when the hidden layer acted linearly; empty when the diodes bent it. */
    public Optional<String> warning() {
        if (!linear()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "note: the diodes never bent the hidden layer: on %d "
                + "training sample%s they took at most %.1e of a hidden node's gain (median %.1e), so the "
                + "network trained as a linear one (what sets the bend: docs/tasks.md, \"Fashion-MNIST 28x28\")",
                samples, samples == 1 ? "" : "s", largestShare, medianShare));
    }
}
