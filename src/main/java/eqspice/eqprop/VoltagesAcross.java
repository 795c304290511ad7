package eqspice.eqprop;

import eqspice.network.Conductor;
import eqspice.simulate.Solution;
import eqspice.simulate.ValueMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The voltage across every conductance of a crossbar (row node minus column node) from a
 * solution. A crossbar has tens of thousands of conductances but only a few hundred nodes, so
 * each node is looked up in the solution once and the differences are taken from an array.
 */
final class VoltagesAcross {
    private final List<String> nodes;
    private final int[] row;
    private final int[] column;
    private ValueMap.Index positionsOf;
    private int[] positions;

    VoltagesAcross(List<Conductor> conductors) {
        Map<String, Integer> index = new HashMap<>();
        List<String> seen = new ArrayList<>();
        row = new int[conductors.size()];
        column = new int[conductors.size()];
        for (int c = 0; c < row.length; c++) {
            Conductor k = conductors.get(c);
            row[c] = index.computeIfAbsent(k.rowNode(), n -> add(seen, n));
            column[c] = index.computeIfAbsent(k.columnNode(), n -> add(seen, n));
        }
        nodes = List.copyOf(seen);
    }

    private static int add(List<String> seen, String node) {
        seen.add(node);
        return seen.size() - 1;
    }

    /** Voltage across every conductance, in the conductors' order. */
    double[] of(Solution s) {
        double[] v = nodeVoltages(s);
        double[] dv = new double[row.length];
        for (int c = 0; c < dv.length; c++) {
            dv[c] = v[row[c]] - v[column[c]];
        }
        return dv;
    }

    /**
     * The estimator's dL/dg per conductance from the phases' solutions ({@code null} for a
     * phase the estimator does not need, taken as 0 V): the same numbers as
     * {@link Estimator#estimate} over {@link #of} of each, in one pass without the three
     * conductance-sized arrays (a 784-input crossbar has ~159k conductances). {@code coContent}
     * is the devices' co-content per siemens, or null for linear conductances.
     */
    double[] gradient(Solution free, Solution positive, Solution negative, Estimator estimator, double beta,
                      DoubleUnaryOperator coContent) {
        double[] v0 = nodeVoltages(free);
        double[] vp = positive == null ? null : nodeVoltages(positive);
        double[] vn = negative == null ? null : nodeVoltages(negative);
        double[] grad = new double[row.length];
        for (int c = 0; c < grad.length; c++) {
            int r = row[c];
            int k = column[c];
            double f = v0[r] - v0[k];
            double p = vp == null ? 0 : vp[r] - vp[k];
            double n = vn == null ? 0 : vn[r] - vn[k];
            grad[c] = coContent == null ? estimator.estimate(f, p, n, beta) : estimator.estimate(f, p, n, beta, coContent);
        }
        return grad;
    }

    private double[] nodeVoltages(Solution s) {
        double[] v = new double[nodes.size()];
        if (s.voltages() instanceof ValueMap m && positionsIn(m.index())) {
            for (int n = 0; n < v.length; n++) {
                v[n] = positions[n] < 0 ? 0.0 : m.at(positions[n]); // -1: ground, the only node a solution may omit
            }
            return v;
        }
        for (int n = 0; n < v.length; n++) {
            v[n] = s.voltage(nodes.get(n));
        }
        return v;
    }

    /**
     * Whether {@link #positions} hold the nodes' positions in {@code index}: looked up once
     * per loaded circuit rather than once per node per solution. False when a node is missing
     * (then {@link Solution#voltage} raises its error).
     */
    private boolean positionsIn(ValueMap.Index index) {
        if (index != positionsOf) {
            int[] p = new int[nodes.size()];
            for (int n = 0; n < p.length; n++) {
                boolean ground = "0".equals(nodes.get(n)); // 0 V whatever a solution holds, as Solution.voltage
                p[n] = ground ? -1 : index.position(nodes.get(n));
                if (p[n] < 0 && !ground) {
                    return false;
                }
            }
            positions = p;
            positionsOf = index;
        }
        return true;
    }
}
