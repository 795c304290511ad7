package eqspice.bench;

import eqspice.circuit.Circuit;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A square grid of resistors with a source at one corner and a load to ground at the other:
 * a benchmark circuit whose size is set by its side, with about 2 side^2 resistors.
 */
public final class ResistorGrid {
    private ResistorGrid() {
    }

    /** The side whose grid has about {@code resistors} resistors. */
    public static int sideFor(int resistors) {
        return (int) Math.round(0.5 + Math.sqrt(0.25 + resistors / 2.0));
    }

    /** The grid with {@code side x side} nodes; its source is {@code vin}. */
    public static Circuit build(int side, SolverOptions options) {
        List<Element> els = new ArrayList<>(2 * side * side + 2);
        int k = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int id = r * side + c;
                if (c + 1 < side) {
                    els.add(new Resistor("r" + k, node(id), node(id + 1), 1000.0 + k % 7));
                    k++;
                }
                if (r + 1 < side) {
                    els.add(new Resistor("r" + k, node(id), node(id + side), 1000.0 + k % 5));
                    k++;
                }
            }
        }
        els.add(new VoltageSource("vin", node(0), "0", 1.0));
        els.add(new Resistor("rload", node(side * side - 1), "0", 100.0));
        return new Circuit("resistor grid " + side + "x" + side, els, List.of(), options, List.of());
    }

    private static String node(int id) {
        return "n" + id;
    }
}
