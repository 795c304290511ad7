package eqspice.simulate;

import java.util.Map;

/**
 * A solved DC operating point: every node voltage (V, by lower-case node name) and every
 * branch current that the backend reports (A, by lower-case element name, e.g. {@code vin}).
 * Branch currents follow ngspice's convention: positive from the element's first node
 * through the element to its second node (see {@link eqspice.circuit.VoltageSource}).
 */
public record Solution(Map<String, Double> voltages, Map<String, Double> currents) {
    public Solution {
        // A backend's ValueMap is already unmodifiable and holds its values as an array: not copied.
        voltages = voltages instanceof ValueMap ? voltages : Map.copyOf(voltages);
        currents = currents instanceof ValueMap ? currents : Map.copyOf(currents);
    }

    /** Voltage of a node; ground {@code 0} is 0 V. */
    public double voltage(String node) {
        if ("0".equals(node)) {
            return 0.0;
        }
        Double v = voltages.get(node);
        if (v == null) {
            throw new IllegalArgumentException("no voltage for node '" + node + "' in this solution");
        }
        return v;
    }

    /** Branch current of an element (voltage sources, VCVS). */
    public double current(String element) {
        Double i = currents.get(element);
        if (i == null) {
            throw new IllegalArgumentException("no branch current for element '" + element + "' in this solution");
        }
        return i;
    }
}
