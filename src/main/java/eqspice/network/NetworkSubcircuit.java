package eqspice.network;

import eqspice.circuit.Circuit;
import eqspice.circuit.Element;
import eqspice.circuit.LibraryFile;
import eqspice.circuit.SinhConductor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.SpiceNames;
import eqspice.circuit.Subcircuit;
import eqspice.text.OneLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered network at a {@link Fidelity} as a {@link Subcircuit} a designer instantiates: the
 * crossbars, activations and amplifiers inside; the sources that hold the inputs, the bias rows
 * and the amplifier rails outside (the testbench's {@link #drivers()}). Ports, in order: the input
 * rows ({@code inp0 inm0 ...} or {@code in0 ...}), the bias rows ({@code bias0 ...}), the doubled
 * outputs ({@code op0 om0 ...}) and, where the level has op-amps, the rails {@code vdd vss}.
 * Parameters: one per crossbar device, {@code g{l}_{i}_{j}} for device {@code r{l}_{i}_{j}}
 * (or {@code br{l}_{i}_{j}}), defaulting to the network's (trained) conductance; a device's
 * variation at that level is a literal factor next to its parameter. The nudging sources are
 * left out: they hold 0 A outside training.
 */
public final class NetworkSubcircuit {
    private final CrossbarCircuit builder;
    private final Circuit flat;
    private final Subcircuit subcircuit;
    private final List<Element> drivers;

    /**
     * @param name the export's name (lower-case letters, digits, '-', '_'); the subcircuit is
     *             named after it with '-' as '_' ({@link #subcircuitName})
     */
    public NetworkSubcircuit(String name, LayeredNetwork network, Fidelity fidelity) {
        NetworkSpec spec = network.spec();
        this.builder = new CrossbarCircuit(spec, fidelity);
        CrossbarLayout layout = builder.layout();
        this.flat = builder.build(network, new double[spec.inputs()], SolverOptions.DEFAULT, List.of());
        Map<String, ElementRole> roles = builder.roles();
        Set<ElementRole> outside = Set.of(ElementRole.INPUT_SOURCE, ElementRole.BIAS_SOURCE, ElementRole.SUPPLY_SOURCE);
        List<Element> body = new ArrayList<>();
        List<Element> held = new ArrayList<>();
        for (Element e : flat.elements()) {
            ElementRole role = roles.get(e.name());
            if (outside.contains(role)) {
                held.add(e);
            } else if (role != ElementRole.NUDGE_SOURCE) {
                body.add(e);
            }
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        Map<String, Subcircuit.ConductanceParameter> conductances = new LinkedHashMap<>();
        double[] factors = builder.variationFactors();
        List<Conductor> all = layout.conductors();
        for (int k = 0; k < all.size(); k++) {
            Conductor c = all.get(k);
            String parameter = parameter(c);
            parameters.put(parameter, network.weights().get(c.layer()).get(c.row(), c.column()));
            String element = fidelity.nonlinearMemristors() ? "b" + c.element() : c.element();
            conductances.put(element, new Subcircuit.ConductanceParameter(parameter, factors[k]));
        }
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < spec.layerWidth(0); i++) {
            ports.add(layout.inputNode(i));
        }
        for (int b = 0; b < spec.biasVoltages().size(); b++) {
            ports.add(layout.biasNode(b));
        }
        for (int k = 0; k < spec.outputs(); k++) {
            ports.add(layout.outputPlus(k));
            ports.add(layout.outputMinus(k));
        }
        if (held.stream().anyMatch(e -> roles.get(e.name()) == ElementRole.SUPPLY_SOURCE)) {
            ports.add("vdd");
            ports.add("vss");
        }
        this.subcircuit = new Subcircuit(subcircuitName(name), ports, parameters, body, flat.models(), conductances);
        this.drivers = List.copyOf(held);
    }

    /** The subcircuit's name for an export name: '-' becomes '_', and a leading digit gets {@code net_} before it. */
    public static String subcircuitName(String exportName) {
        String s = exportName.replace('-', '_');
        return SpiceNames.model(Character.isLetter(s.charAt(0)) ? s : "net_" + s);
    }

    /** The parameter that holds a crossbar device's conductance: {@code g{l}_{i}_{j}}. */
    public static String parameter(Conductor c) {
        return "g" + c.layer() + "_" + c.row() + "_" + c.column();
    }

    public Subcircuit subcircuit() {
        return subcircuit;
    }

    /** The sources that hold the ports in the flat circuit: inputs (at 0 V here), bias rows, rails. */
    public List<Element> drivers() {
        return drivers;
    }

    /** The builder of the flat circuit this subcircuit was cut from (names, input values, outputs). */
    public CrossbarCircuit builder() {
        return builder;
    }

    /** eqspice's library files the subcircuit needs (models and the amplifier subcircuits). */
    public List<LibraryFile> libraries() {
        return flat.libraries();
    }

    /**
     * The lines of the {@code .lib} file a designer includes: how to use it (generated from the
     * validated names), the caller's comment lines, an include of each library file it needs
     * (relative to the .lib file's folder, {@code lib/...}), the sinh function when the devices
     * are nonlinear, then the subcircuit.
     *
     * @param fileName the .lib file's name, {@code [a-z0-9][a-z0-9_-]*.lib}
     */
    public List<String> libraryLines(String fileName, List<String> comments) {
        if (!fileName.matches("[a-z0-9][a-z0-9_-]{0,63}\\.lib")) {
            throw new IllegalArgumentException("library file name '" + fileName + "' is not allowed");
        }
        String name = subcircuit.name();
        List<String> out = new ArrayList<>();
        out.add("* " + fileName + ": an eqspice network as subcircuit " + name);
        out.add("* use: .include " + fileName + "   then   x1 " + String.join(" ", subcircuit.ports()) + " " + name);
        out.add("* ports: input rows, bias rows, outputs op{k}/om{k} (prediction V(op{k}) - V(om{k}))"
                + (subcircuit.ports().contains("vdd") ? ", amplifier rails vdd/vss" : ""));
        out.add("* parameters: g{l}_{i}_{j} is the conductance (S) of crossbar device r{l}_{i}_{j}, by default the value");
        out.add("* eqspice exported; override per instance (x1 ... " + name + " g0_0_0=2e-5) or with alterparam");
        if (builder.fidelity().varied()) {
            out.add("* a device reads {g*factor}: the factor is this chip's device-to-device variation (seed "
                    + builder.fidelity().parameters().variationSeed() + "); make it 1 for the nominal chip");
        }
        for (String h : comments) {
            out.add(h.isEmpty() ? "*" : "* " + OneLine.escape(h));
        }
        for (LibraryFile lib : libraries()) {
            out.add(".include " + lib.includePath());
        }
        if (subcircuit.elements().stream().anyMatch(e -> e instanceof SinhConductor)) {
            out.addAll(SinhConductor.functionLines());
        }
        out.addAll(subcircuit.lines());
        return out;
    }
}
