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
 * Consecutive conductances of a crossbar row share their row node and have consecutive column
 * nodes, so the conductances are kept as such runs: the inner loops then read contiguous
 * arrays (which the JIT vectorises) instead of two index arrays per conductance.
 */
final class VoltagesAcross {
    private final List<String> nodes;
    private final int count;
    // Run r covers conductances runStart[r] .. runStart[r+1]-1: row node runRow[r], column nodes runColumn[r] + 0, 1, ...
    private final int[] runStart;
    private final int[] runRow;
    private final int[] runColumn;
    private ValueMap.Index positionsOf;
    private int[] positions;

    VoltagesAcross(List<Conductor> conductors) {
        Map<String, Integer> index = new HashMap<>();
        List<String> seen = new ArrayList<>();
        count = conductors.size();
        List<int[]> runs = new ArrayList<>();
        int[] run = null;
        for (int c = 0; c < count; c++) {
            Conductor k = conductors.get(c);
            int row = index.computeIfAbsent(k.rowNode(), n -> add(seen, n));
            int column = index.computeIfAbsent(k.columnNode(), n -> add(seen, n));
            if (run != null && run[1] == row && run[2] + (c - run[0]) == column) {
                continue;
            }
            run = new int[] {c, row, column};
            runs.add(run);
        }
        nodes = List.copyOf(seen);
        runStart = new int[runs.size() + 1];
        runRow = new int[runs.size()];
        runColumn = new int[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            runStart[r] = runs.get(r)[0];
            runRow[r] = runs.get(r)[1];
            runColumn[r] = runs.get(r)[2];
        }
        runStart[runs.size()] = count;
    }

    private static int add(List<String> seen, String node) {
        seen.add(node);
        return seen.size() - 1;
    }

    /** Voltage across every conductance, in the conductors' order. */
    double[] of(Solution s) {
        double[] v = nodeVoltages(s);
        double[] dv = new double[count];
        for (int r = 0; r + 1 < runStart.length; r++) {
            double vr = v[runRow[r]];
            int at = runStart[r];
            int k = runColumn[r] - at;
            for (int c = at; c < runStart[r + 1]; c++) {
                dv[c] = vr - v[k + c];
            }
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
        double[] p0 = vp == null ? new double[v0.length] : vp; // a phase not needed: 0 V across everything
        double[] n0 = vn == null ? new double[v0.length] : vn;
        double[] grad = new double[count];
        for (int r = 0; r + 1 < runStart.length; r++) {
            int row = runRow[r];
            double f0 = v0[row];
            double pr = p0[row];
            double nr = n0[row];
            int at = runStart[r];
            int k = runColumn[r] - at;
            int end = runStart[r + 1];
            if (coContent == null) {
                for (int c = at; c < end; c++) {
                    grad[c] = estimator.estimate(f0 - v0[k + c], pr - p0[k + c], nr - n0[k + c], beta);
                }
            } else {
                for (int c = at; c < end; c++) {
                    grad[c] = estimator.estimate(f0 - v0[k + c], pr - p0[k + c], nr - n0[k + c], beta, coContent);
                }
            }
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
