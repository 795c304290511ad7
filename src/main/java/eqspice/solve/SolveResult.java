package eqspice.solve;

import java.util.Map;
import java.util.TreeMap;

/**
 * The DC operating point of a netlist from outside, solved in a child process: what solved it,
 * every node voltage (V) and every source current (A, positive from + through the source to -),
 * sorted by name.
 */
public record SolveResult(String simulator, Map<String, Double> voltages, Map<String, Double> currents) {
    public SolveResult {
        if (simulator == null || voltages == null || currents == null) {
            throw new IllegalArgumentException("a solve result needs the simulator, the voltages and the currents");
        }
        voltages = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(voltages));
        currents = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(currents));
    }
}
