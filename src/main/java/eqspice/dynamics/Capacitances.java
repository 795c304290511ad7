package eqspice.dynamics;

import eqspice.circuit.Capacitor;
import eqspice.circuit.Circuit;
import eqspice.circuit.Element;
import eqspice.circuit.SpiceNumber;
import eqspice.network.Conductor;
import eqspice.network.CrossbarLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The capacitances a crossbar circuit gets for a transient analysis, besides whatever its part
 * models carry (the CMOS op-amps' Miller capacitors and MOSFET capacitances, the 1N4148's
 * junction capacitance; the behavioural op-amp and the ideal parts carry none): a capacitor from
 * every crossbar row and column node to ground (the wire and the amplifier input or output it
 * meets) and one across every crossbar device (the memristor's own). A DC operating point does
 * not see them.
 *
 * @param node   farads from each crossbar node to ground, &gt;= 0
 * @param device farads across each crossbar device, &gt;= 0
 */
public record Capacitances(double node, double device) {
    public Capacitances {
        SpiceNumber.nonNegative("node capacitance", node);
        SpiceNumber.nonNegative("device capacitance", device);
    }

    /** Name of the capacitor from crossbar node {@code n} to ground. */
    public static String nodeCapacitor(String n) {
        return "cw_" + n;
    }

    /** Name of the capacitor across crossbar device {@code r{l}_{i}_{j}}. */
    public static String deviceCapacitor(Conductor c) {
        return "cd" + c.element().substring(1);
    }

    /** The circuit with the capacitors added after its elements (zero capacitances are left out). */
    public Circuit addTo(Circuit circuit, CrossbarLayout layout) {
        List<Element> elements = new ArrayList<>(circuit.elements());
        Set<String> nodes = new LinkedHashSet<>();
        for (Conductor c : layout.conductors()) {
            nodes.add(c.rowNode());
            nodes.add(c.columnNode());
            if (device > 0) {
                elements.add(new Capacitor(deviceCapacitor(c), c.rowNode(), c.columnNode(), device));
            }
        }
        if (node > 0) {
            for (String n : nodes) {
                elements.add(new Capacitor(nodeCapacitor(n), n, "0", node));
            }
        }
        return new Circuit(circuit.title(), elements, circuit.models(), circuit.options(), circuit.comments(),
                circuit.libraries());
    }

    /** For tables: e.g. {@code 1 pF per node, 10 fF per device}. */
    public String label() {
        return String.format(Locale.ROOT, "%s per crossbar node, %s per device", farads(node), farads(device));
    }

    static String farads(double f) {
        return f == 0 ? "0 F" : f >= 1e-9 ? String.format(Locale.ROOT, "%.3g nF", f * 1e9)
                : f >= 1e-12 ? String.format(Locale.ROOT, "%.3g pF", f * 1e12) : String.format(Locale.ROOT, "%.3g fF", f * 1e15);
    }
}
