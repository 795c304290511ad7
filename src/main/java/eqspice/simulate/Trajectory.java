package eqspice.simulate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accepted time points of a transient analysis: the time (s) of each point, every node
 * voltage (V, by lower-case node name) and every branch current the backend reports (A, by
 * element name, ngspice's sign convention as in {@link Solution}), one value per point.
 */
public record Trajectory(double[] time, Map<String, double[]> voltages, Map<String, double[]> currents) {
    public Trajectory {
        int n = time.length;
        if (n < 1) {
            throw new IllegalArgumentException("a trajectory needs at least one point");
        }
        for (int k = 1; k < n; k++) {
            if (!(time[k] >= time[k - 1])) {
                throw new IllegalArgumentException("trajectory time goes back at point " + k + ": " + time[k - 1]
                        + " then " + time[k]);
            }
        }
        voltages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(voltages));
        currents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(currents));
        for (Map.Entry<String, double[]> e : voltages.entrySet()) {
            check(e.getKey(), e.getValue(), n);
        }
        for (Map.Entry<String, double[]> e : currents.entrySet()) {
            check(e.getKey(), e.getValue(), n);
        }
    }

    private static void check(String name, double[] values, int n) {
        if (values.length != n) {
            throw new IllegalArgumentException("vector " + name + " has " + values.length + " points, time has " + n);
        }
    }

    /** Number of points. */
    public int length() {
        return time.length;
    }

    /** The voltage of {@code node} at every point; ground is 0 V. */
    public double[] voltage(String node) {
        if ("0".equals(node)) {
            return new double[time.length];
        }
        double[] v = voltages.get(node);
        if (v == null) {
            throw new IllegalArgumentException("no voltage for node '" + node + "' in this trajectory");
        }
        return v;
    }

    /** The branch current of {@code element} at every point. */
    public double[] current(String element) {
        double[] i = currents.get(element);
        if (i == null) {
            throw new IllegalArgumentException("no branch current for element '" + element + "' in this trajectory");
        }
        return i;
    }

    /** The index of the last point at or before time {@code t} (0 if every point is later). */
    public int indexAt(double t) {
        int k = Arrays.binarySearch(time, t);
        if (k >= 0) {
            while (k + 1 < time.length && time[k + 1] == t) {
                k++;
            }
            return k;
        }
        return Math.max(0, -k - 2);
    }

    /** The values at point {@code k} as a solution. */
    public Solution at(int k) {
        Map<String, Double> v = new LinkedHashMap<>();
        voltages.forEach((name, values) -> v.put(name, values[k]));
        Map<String, Double> i = new LinkedHashMap<>();
        currents.forEach((name, values) -> i.put(name, values[k]));
        return new Solution(v, i);
    }
}
