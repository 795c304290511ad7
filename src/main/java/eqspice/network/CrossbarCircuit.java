package eqspice.network;

import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.LibraryFile;
import eqspice.circuit.Resistor;
import eqspice.circuit.SinhConductor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@link LayeredNetwork} onto a {@link Circuit} with the names of {@link CrossbarLayout},
 * and translates inputs, nudging currents and solutions between the two.
 *
 * <p>Nudging sign convention: a nudging current {@code I_k} is injected into output node
 * {@code op{k}} and drawn out of {@code om{k}} (source {@code inudp{k}} delivers +I_k into
 * op{k}, {@code inudm{k}} delivers -I_k into om{k}). With I_k = beta (y_k - o_k) this is
 * -beta dC/dV for C = 1/2 sum (y_k - o_k)^2, o_k = V(op{k}) - V(om{k}): positive beta pulls
 * the prediction toward the target.
 *
 * <p>The parts follow a {@link Fidelity}: at the behavioural and transistor levels the forward
 * amplifier is a subcircuit instance {@code xa{m}_{j}} (nodes h, ao, vdd, vss) that also senses
 * its output current and draws the backward current out of h (no CCCS), powered by the rail
 * sources {@code vsupp} (node vdd) and {@code vsupn} (node vss); diodes may use the 1N4148 card and crossbar devices may be sinh conductors {@code br{l}_{i}_{j}} whose conductances carry
 * device-to-device variation.
 */
public final class CrossbarCircuit {
    private final CrossbarLayout layout;
    private final Map<String, ElementRole> roles;
    private final Fidelity fidelity;
    private final double[] variation;
    private final HiddenUnitParts hiddenUnit;
    // Source names, built once: every phase sets hundreds of them, and a String keeps its hash code.
    private final String[] inputSources;
    private final String[] nudgeSources;
    private final List<String> inputSourceList;

    /** A builder of ideal circuits. */
    public CrossbarCircuit(NetworkSpec spec) {
        this(spec, Fidelity.IDEAL);
    }

    /** A builder of circuits at the given fidelity. */
    public CrossbarCircuit(NetworkSpec spec, Fidelity fidelity) {
        this.layout = new CrossbarLayout(spec);
        this.fidelity = fidelity;
        if (fidelity.level() != Fidelity.Level.IDEAL && spec.amplifier().isPresent()
                && !(spec.amplifier().get().forwardGain() > 1)) {
            throw new IllegalArgumentException("amplifier forward gain must be > 1 at the " + fidelity.level().id()
                    + " level (a non-inverting op-amp amplifier), got " + spec.amplifier().get().forwardGain());
        }
        this.variation = fidelity.deviceFactors(spec.conductanceCount());
        this.hiddenUnit = new HiddenUnitParts(layout, fidelity);
        this.inputSources = new String[spec.layerWidth(0)];
        for (int i = 0; i < inputSources.length; i++) {
            inputSources[i] = layout.inputSource(i);
        }
        this.inputSourceList = List.of(inputSources);
        this.nudgeSources = new String[2 * spec.outputs()];
        for (int k = 0; k < spec.outputs(); k++) {
            nudgeSources[2 * k] = layout.nudgePlus(k);
            nudgeSources[2 * k + 1] = layout.nudgeMinus(k);
        }
        this.roles = Collections.unmodifiableMap(CrossbarRoles.of(build(LayeredNetwork.uniform(spec, spec.bounds().gMax()),
                new double[spec.inputs()], SolverOptions.DEFAULT, List.of()).elements()));
    }

    /** The fidelity of the circuits this builder makes. */
    public Fidelity fidelity() {
        return fidelity;
    }

    /**
     * The conductance each device really has for programmed conductance 1 S, in
     * {@link CrossbarLayout#conductors()} order: exp(variation * z) per device with z standard
     * normal from the variation seed, or 1 everywhere without variation.
     */
    public double[] variationFactors() {
        return variation.clone();
    }

    public CrossbarLayout layout() {
        return layout;
    }

    /** The role of every element of the circuits this builder makes, by element name. */
    public Map<String, ElementRole> roles() {
        return roles;
    }

    /**
     * The circuit of a network with inputs {@code x} applied and the nudging sources at 0 A
     * (the free phase).
     */
    public Circuit build(LayeredNetwork network, double[] x, SolverOptions options, List<String> comments) {
        return build(network, x, options, comments, false);
    }

    /**
     * The circuit with inputs {@code x} and nudging at 0 A; with {@code externalSources} the input
     * and nudging sources are EXTERNAL sources (their values supplied by the simulator's driver,
     * see {@link VoltageSource#asExternal()}), the bias and diode sources stay DC.
     */
    public Circuit build(LayeredNetwork network, double[] x, SolverOptions options, List<String> comments,
                         boolean externalSources) {
        NetworkSpec spec = layout.spec();
        if (!network.spec().equals(spec)) {
            throw new IllegalArgumentException("network spec differs from the one this circuit builder was made for");
        }
        checkWidth("inputs", x, spec.inputs());
        List<Element> elements = new ArrayList<>(spec.conductanceCount() + 16);
        List<DiodeModel> models = new ArrayList<>();
        inputValues(x).forEach((name, v) -> {
            String node = name.substring(1);
            VoltageSource in = new VoltageSource(name, node, "0", v);
            elements.add(externalSources ? in.asExternal() : in);
        });
        for (int b = 0; b < spec.biasVoltages().size(); b++) {
            elements.add(new VoltageSource(layout.biasSource(b), layout.biasNode(b), "0", spec.biasVoltages().get(b)));
        }
        int at = 0;
        for (int l = 0; l < spec.weightLayers(); l++) {
            ConductanceMatrix g = network.weights().get(l);
            for (int i = 0; i < spec.rows(l); i++) {
                for (int j = 0; j < spec.columns(l); j++, at++) {
                    double real = g.get(i, j) * variation[at];
                    String name = layout.resistor(l, i, j);
                    elements.add(fidelity.nonlinearMemristors()
                            ? new SinhConductor("b" + name, layout.rowNode(l, i), layout.columnNode(l, j), real,
                            fidelity.parameters().v0())
                            : Resistor.ofConductance(name, layout.rowNode(l, i), layout.columnNode(l, j), real));
                }
            }
        }
        List<LibraryFile> libraries = new ArrayList<>();
        if (spec.activation().isPresent()) {
            if (fidelity.realDiodes()) {
                libraries.add(ModelLibrary.get(ModelLibrary.DIODES));
            } else {
                models.add(spec.activation().get().model());
            }
        }
        if (spec.amplifier().isPresent() && fidelity.level() != Fidelity.Level.IDEAL) {
            libraries.add(ModelLibrary.get(fidelity.level() == Fidelity.Level.BEHAVIOURAL
                    ? ModelLibrary.BEHAVIOURAL_AMPLIFIER : ModelLibrary.CMOS_AMPLIFIER));
            double supply = fidelity.parameters().supply();
            elements.add(new VoltageSource(SUPPLY_PLUS, "vdd", "0", supply));
            elements.add(new VoltageSource(SUPPLY_MINUS, "vss", "0", -supply));
        }
        for (int m = 1; m <= spec.hidden().size(); m++) {
            for (int j = 0; j < spec.hidden().get(m - 1); j++) {
                hiddenUnit.add(elements, m, j);
            }
        }
        for (int k = 0; k < spec.outputs(); k++) {
            CurrentSource plus = new CurrentSource(layout.nudgePlus(k), "0", layout.outputPlus(k), 0.0);
            CurrentSource minus = new CurrentSource(layout.nudgeMinus(k), "0", layout.outputMinus(k), 0.0);
            elements.add(externalSources ? plus.asExternal() : plus);
            elements.add(externalSources ? minus.asExternal() : minus);
        }
        return new Circuit("eqspice crossbar " + shape(spec), elements, models, options, comments, libraries);
    }

    /** The rail sources at the behavioural and transistor levels (nodes vdd and vss). */
    public static final String SUPPLY_PLUS = "vsupp";
    public static final String SUPPLY_MINUS = "vsupn";

    /** Values of the input sources for logical inputs {@code x}, by source name, in row order. */
    public Map<String, Double> inputValues(double[] x) {
        NetworkSpec spec = layout.spec();
        checkWidth("inputs", x, spec.inputs());
        Map<String, Double> values = new LinkedHashMap<>(2 * inputSources.length);
        for (int i = 0; i < inputSources.length; i++) {
            values.put(inputSources[i], layout.inputSign(i) * x[layout.inputIndex(i)]);
        }
        return values;
    }

    /** The input sources' names in row order: the order of {@link #inputVector}'s values (one list per builder). */
    public List<String> inputSourceNames() {
        return inputSourceList;
    }

    /**
     * Values of the input sources for logical inputs {@code x}, in the order of
     * {@link #inputSourceNames}: {@link #inputValues} without building a map (a phase of a
     * 784x2 crossbar sets 1,568 of them).
     */
    public double[] inputVector(double[] x) {
        checkWidth("inputs", x, layout.spec().inputs());
        double[] values = new double[inputSources.length];
        for (int i = 0; i < inputSources.length; i++) {
            values[i] = layout.inputSign(i) * x[layout.inputIndex(i)];
        }
        return values;
    }

    /** Values of the nudging sources for nudging currents {@code currents} (A), by source name. */
    public Map<String, Double> nudgeValues(double[] currents) {
        checkWidth("nudging currents", currents, layout.spec().outputs());
        Map<String, Double> values = new LinkedHashMap<>(2 * nudgeSources.length);
        for (int k = 0; k < currents.length; k++) {
            values.put(nudgeSources[2 * k], currents[k]);
            values.put(nudgeSources[2 * k + 1], -currents[k]);
        }
        return values;
    }

    /** Short shape label, e.g. {@code 2x2-2-1} (inputs-hidden...-outputs, x2 for doubled inputs). */
    public static String shape(NetworkSpec spec) {
        StringBuilder sb = new StringBuilder().append(spec.inputs()).append(spec.doubledInputs() ? "x2" : "");
        spec.hidden().forEach(h -> sb.append('-').append(h));
        return sb.append('-').append(spec.outputs()).toString();
    }

    private static void checkWidth(String what, double[] v, int expected) {
        if (v.length != expected) {
            throw new IllegalArgumentException(what + " have " + v.length + " values, the network expects " + expected);
        }
    }
}
