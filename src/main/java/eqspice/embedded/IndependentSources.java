package eqspice.embedded;

import eqspice.circuit.CurrentSource;
import eqspice.circuit.VoltageSource;

/**
 * The independent sources in modified nodal analysis. A voltage source between free nodes has
 * a branch-current unknown and the row {@code V(plus) - V(minus) = volts}; one that holds a node
 * at a known voltage has none, as that node is no unknown (see {@link Topology}). A current
 * source drives its current from {@code from} to {@code to}: right-hand side only. Every value
 * is taken times the source-stepping scale.
 */
final class IndependentSources {
    private final double[] volts;   // per voltage source (set through setVolts)
    final double[] amps;            // per current source
    private final int[] iFrom;
    private final int[] iTo;
    private final int[] vPlus;
    private final int[] vMinus;
    private final int[] vBranch;
    final int[][] vSlots;

    IndependentSources(Topology t, StampPattern pattern) {
        int nv = t.voltageSources.size();
        volts = new double[nv];
        vPlus = new int[nv];
        vMinus = new int[nv];
        vBranch = new int[nv];
        vSlots = new int[nv][];
        for (int k = 0; k < nv; k++) {
            VoltageSource v = t.voltageSources.get(k);
            volts[k] = v.volts();
            vPlus[k] = t.ref(v.plus());
            vMinus[k] = t.ref(v.minus());
            vBranch[k] = t.voltageSourceBranch.get(k);
            vSlots[k] = vBranch[k] < 0 ? null : branchSlots(pattern, vPlus[k], vMinus[k], vBranch[k]);
        }
        int ni = t.currentSources.size();
        amps = new double[ni];
        iFrom = new int[ni];
        iTo = new int[ni];
        for (int k = 0; k < ni; k++) {
            CurrentSource i = t.currentSources.get(k);
            amps[k] = i.amps();
            iFrom[k] = t.ref(i.from());
            iTo[k] = t.ref(i.to());
        }
    }

    /** Slots (plus, br), (minus, br), (br, plus), (br, minus) of a branch unknown. */
    private static int[] branchSlots(StampPattern pattern, int plus, int minus, int branch) {
        return new int[] {pattern.slot(plus, branch), pattern.slot(minus, branch), pattern.slot(branch, plus),
            pattern.slot(branch, minus)};
    }

    /**
     * Sets a voltage source's value (V).
     *
     * @return whether it changed
     */
    boolean setVolts(int k, double v) {
        if (volts[k] == v) {
            return false;
        }
        volts[k] = v;
        return true;
    }

    /** A voltage source's value (V), unscaled. */
    double volts(int k) {
        return volts[k];
    }

    /** The branch rows' entries: fixed, so stamped with the linear elements. */
    void stamp(double[] values) {
        for (int[] s : vSlots) {
            if (s != null) {
                MnaSystem.add(values, s[0], 1);
                MnaSystem.add(values, s[1], -1);
                MnaSystem.add(values, s[2], 1);
                MnaSystem.add(values, s[3], -1);
            }
        }
    }

    /** The current sources' injections and the branch rows' right-hand sides, at the given scale. */
    void rhs(double[] rhs, double scale, MnaSystem system) {
        for (int k = 0; k < amps.length; k++) {
            MnaSystem.add(rhs, iFrom[k], -amps[k] * scale);
            MnaSystem.add(rhs, iTo[k], amps[k] * scale);
        }
        for (int k = 0; k < vBranch.length; k++) {
            if (vBranch[k] >= 0) {
                rhs[vBranch[k]] = volts[k] * scale - system.knownOnly(vPlus[k]) + system.knownOnly(vMinus[k]);
            }
        }
    }

    /** Adds the current each current source draws out of a known node, with the currents {@code ampsAt}. */
    void currentOutflow(double[] out, double[] ampsAt) {
        for (int k = 0; k < ampsAt.length; k++) {
            MnaSystem.outflow(out, iFrom[k], ampsAt[k]);
            MnaSystem.outflow(out, iTo[k], -ampsAt[k]);
        }
    }

    /** Adds the current each voltage source with a branch unknown draws out of a known node. */
    void branchOutflow(double[] out, double[] x) {
        for (int k = 0; k < vBranch.length; k++) {
            if (vBranch[k] >= 0) {
                MnaSystem.outflow(out, vPlus[k], x[vBranch[k]]);
                MnaSystem.outflow(out, vMinus[k], -x[vBranch[k]]);
            }
        }
    }

    /** Branch unknown of a voltage source, -1 for one holding a known node. */
    int branchOf(int k) {
        return vBranch[k];
    }
}
