package eqspice.embedded;

import eqspice.circuit.Cccs;
import eqspice.circuit.Vcvs;

/**
 * The amplifiers' controlled sources in modified nodal analysis. A VCVS has a branch-current
 * unknown and the row {@code V(p) - V(m) - gain (V(cp) - V(cm)) = 0}; its current leaves
 * {@code p} and enters {@code m}. A CCCS drives {@code gain} times the branch current of the
 * voltage source it senses from {@code from} to {@code to}: two matrix entries, no unknown.
 */
final class ControlledSources {
    private final int[] ePlus;
    private final int[] eMinus;
    private final int[] eCp;
    private final int[] eCm;
    final int[] eBranch;
    private final double[] eGain;
    final int[][] eSlots;
    private final int[] fFrom;
    private final int[] fTo;
    private final int[] fSense;
    private final double[] fGain;
    final int[][] fSlots;

    ControlledSources(Topology t, StampPattern pattern) {
        int ne = t.vcvs.size();
        ePlus = new int[ne];
        eMinus = new int[ne];
        eCp = new int[ne];
        eCm = new int[ne];
        eBranch = new int[ne];
        eGain = new double[ne];
        eSlots = new int[ne][];
        for (int k = 0; k < ne; k++) {
            Vcvs e = t.vcvs.get(k);
            ePlus[k] = t.ref(e.plus());
            eMinus[k] = t.ref(e.minus());
            eCp[k] = t.ref(e.controlPlus());
            eCm[k] = t.ref(e.controlMinus());
            eBranch[k] = t.vcvsBranch.get(k);
            eGain[k] = e.gain();
            int br = eBranch[k];
            eSlots[k] = new int[] {pattern.slot(ePlus[k], br), pattern.slot(eMinus[k], br), pattern.slot(br, ePlus[k]),
                pattern.slot(br, eMinus[k]), pattern.slot(br, eCp[k]), pattern.slot(br, eCm[k])};
        }
        int nf = t.cccs.size();
        fFrom = new int[nf];
        fTo = new int[nf];
        fSense = new int[nf];
        fGain = new double[nf];
        fSlots = new int[nf][];
        for (int k = 0; k < nf; k++) {
            Cccs f = t.cccs.get(k);
            fFrom[k] = t.ref(f.from());
            fTo[k] = t.ref(f.to());
            fSense[k] = t.sensedBranch(f);
            fGain[k] = f.gain();
            fSlots[k] = new int[] {pattern.slot(fFrom[k], fSense[k]), pattern.slot(fTo[k], fSense[k])};
        }
    }

    void stamp(double[] values) {
        for (int k = 0; k < eSlots.length; k++) {
            int[] s = eSlots[k];
            MnaSystem.add(values, s[0], 1);
            MnaSystem.add(values, s[1], -1);
            MnaSystem.add(values, s[2], 1);
            MnaSystem.add(values, s[3], -1);
            MnaSystem.add(values, s[4], -eGain[k]);
            MnaSystem.add(values, s[5], eGain[k]);
        }
        for (int k = 0; k < fSlots.length; k++) {
            MnaSystem.add(values, fSlots[k][0], fGain[k]);
            MnaSystem.add(values, fSlots[k][1], -fGain[k]);
        }
    }

    /** The VCVS rows' right-hand sides: the known terminals' terms moved out of the matrix. */
    void rhs(double[] rhs, MnaSystem system) {
        for (int k = 0; k < eBranch.length; k++) {
            rhs[eBranch[k]] = -system.knownOnly(ePlus[k]) + system.knownOnly(eMinus[k])
                    + eGain[k] * (system.knownOnly(eCp[k]) - system.knownOnly(eCm[k]));
        }
    }

    /** Adds the current each controlled source draws out of a known node. */
    void outflow(double[] out, double[] x) {
        for (int k = 0; k < eBranch.length; k++) {
            MnaSystem.outflow(out, ePlus[k], x[eBranch[k]]);
            MnaSystem.outflow(out, eMinus[k], -x[eBranch[k]]);
        }
        for (int k = 0; k < fSense.length; k++) {
            MnaSystem.outflow(out, fFrom[k], fGain[k] * x[fSense[k]]);
            MnaSystem.outflow(out, fTo[k], -fGain[k] * x[fSense[k]]);
        }
    }
}
