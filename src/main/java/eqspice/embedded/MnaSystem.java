package eqspice.embedded;

import eqspice.circuit.Cccs;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.Resistor;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * The circuit's equations over the unknowns of a {@link Topology}: Kirchhoff's current law at
 * every free node (currents leaving the node through its elements sum to the currents
 * injected) and one constraint per branch unknown. Linear elements are stamped once into
 * {@link #linear} and only restamped after a value change; each Newton iteration adds the
 * diodes' companion models (tangent conductance plus current source) and solves the sparse
 * system with EJML's LU (partial pivoting).
 */
final class MnaSystem {
    final Topology topology;
    private final int n;
    // Two-terminal conductances: the resistors first (same index), then the diodes' series resistances.
    private final int[] ca;
    private final int[] cb;
    final double[] cg;
    private final int[][] cSlots;
    private final double[] sourceVolts;   // per voltage source (set through setVolts)
    final double[] sourceAmps;    // per current source
    private final int[] iFrom;
    private final int[] iTo;
    private final int[] vPlus;
    private final int[] vMinus;
    private final int[] vBranch;
    private final int[][] vSlots;
    private final int[] ePlus;
    private final int[] eMinus;
    private final int[] eCp;
    private final int[] eCm;
    private final int[] eBranch;
    private final double[] eGain;
    private final int[][] eSlots;
    private final int[] fFrom;
    private final int[] fTo;
    private final int[] fSense;
    private final double[] fGain;
    private final int[][] fSlots;
    final Junction[] junctions;
    private final int[] dP;
    private final int[] dC;
    private final int[][] dSlots;
    /** Per diode: the junction voltage of the last linearisation, its current and conductance there. */
    final double[] vd0;
    final double[] cd0;
    final double[] gd0;

    // The conductances with one known and one free end (in a crossbar: every input-layer weight), gathered
    // into flat arrays: they dominate the per-solve work, which is then two tight loops.
    private int[] edgeConductance;
    private int[] edgeOf;              // conductance -> edge index, or -1
    private double[] edgeG;            // the edges' conductances, copied flat for the loops
    private double[] edgeRhs;          // what the edges inject into the free nodes, for the current known voltages
    private boolean edgesDirty = true;
    private int[] edgeKnown;
    private int[] edgeFree;
    private int[] otherKnownTouching; // conductances at a known node that are not edges (both ends known or grounded)
    private double sourceScale = 1.0;
    private final StampPattern pattern;
    private final double[] linear;
    private boolean linearDirty = true;
    final double[] known;
    private final double[] rhsBase;
    private final double[] rhs;
    private final DMatrixRMaj b;
    private final DMatrixRMaj solution;
    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);

    MnaSystem(Topology t, double gmin) {
        topology = t;
        n = t.size;
        pattern = new StampPattern(n);
        int nr = t.resistors.size();
        int nc = nr + (int) t.diodeModels.stream().filter(m -> m.rs() > 0).count();
        ca = new int[nc];
        cb = new int[nc];
        cg = new double[nc];
        cSlots = new int[nc][];
        for (int r = 0; r < nr; r++) {
            Resistor res = t.resistors.get(r);
            conductance(r, t.ref(res.a()), t.ref(res.b()), res.conductance());
        }
        int d = t.diodes.size();
        junctions = new Junction[d];
        dP = new int[d];
        dC = new int[d];
        dSlots = new int[d][];
        vd0 = new double[d];
        cd0 = new double[d];
        gd0 = new double[d];
        for (int k = 0, extra = nr; k < d; k++) {
            Diode diode = t.diodes.get(k);
            junctions[k] = new Junction(t.diodeModels.get(k), gmin);
            dP[k] = t.diodeInternal.get(k);
            dC[k] = t.ref(diode.cathode());
            dSlots[k] = square(dP[k], dC[k]);
            if (t.diodeModels.get(k).rs() > 0) {
                conductance(extra++, t.ref(diode.anode()), dP[k], 1.0 / t.diodeModels.get(k).rs());
            }
        }
        int nv = t.voltageSources.size();
        sourceVolts = new double[nv];
        vPlus = new int[nv];
        vMinus = new int[nv];
        vBranch = new int[nv];
        vSlots = new int[nv][];
        for (int k = 0; k < nv; k++) {
            VoltageSource v = t.voltageSources.get(k);
            sourceVolts[k] = v.volts();
            vPlus[k] = t.ref(v.plus());
            vMinus[k] = t.ref(v.minus());
            vBranch[k] = t.voltageSourceBranch.get(k);
            vSlots[k] = vBranch[k] < 0 ? null : branchSlots(vPlus[k], vMinus[k], vBranch[k]);
        }
        int ni = t.currentSources.size();
        sourceAmps = new double[ni];
        iFrom = new int[ni];
        iTo = new int[ni];
        for (int k = 0; k < ni; k++) {
            CurrentSource i = t.currentSources.get(k);
            sourceAmps[k] = i.amps();
            iFrom[k] = t.ref(i.from());
            iTo[k] = t.ref(i.to());
        }
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
            int[] s = branchSlots(ePlus[k], eMinus[k], eBranch[k]);
            eSlots[k] = Arrays.copyOf(s, 6);
            eSlots[k][4] = pattern.slot(eBranch[k], eCp[k]);
            eSlots[k][5] = pattern.slot(eBranch[k], eCm[k]);
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
        pattern.freeze();
        for (int[][] group : new int[][][] {cSlots, dSlots, vSlots, eSlots, fSlots}) {
            for (int[] s : group) {
                for (int k = 0; s != null && k < s.length; k++) {
                    s[k] = pattern.nz(s[k]);
                }
            }
        }
        gatherEdges();
        linear = new double[pattern.nonZeros()];
        known = new double[t.knownCount()];
        rhsBase = new double[n];
        rhs = new double[n];
        b = new DMatrixRMaj(n, 1);
        solution = new DMatrixRMaj(n, 1);
    }

    private void gatherEdges() {
        int count = 0;
        for (int k = 0; k < cg.length; k++) {
            count += isEdge(k) ? 1 : 0;
        }
        otherKnownTouching = java.util.stream.IntStream.range(0, cg.length)
                .filter(k -> (ca[k] <= -2 || cb[k] <= -2) && !isEdge(k)).toArray();
        edgeConductance = new int[count];
        edgeKnown = new int[count];
        edgeFree = new int[count];
        edgeG = new double[count];
        edgeOf = new int[cg.length];
        Arrays.fill(edgeOf, -1);
        for (int k = 0, e = 0; k < cg.length; k++) {
            if (isEdge(k)) {
                edgeConductance[e] = k;
                edgeOf[k] = e;
                edgeG[e] = cg[k];
                edgeKnown[e] = -2 - Math.min(ca[k], cb[k]);
                edgeFree[e++] = Math.max(ca[k], cb[k]);
            }
        }
    }

    private boolean isEdge(int k) {
        return (ca[k] >= 0 && cb[k] <= -2) || (cb[k] >= 0 && ca[k] <= -2);
    }

    private void conductance(int k, int a, int bRef, double g) {
        ca[k] = a;
        cb[k] = bRef;
        cg[k] = g;
        cSlots[k] = square(a, bRef);
    }

    /** Slots aa, bb, ab, ba of a two-terminal element. */
    private int[] square(int a, int bRef) {
        return new int[] {pattern.slot(a, a), pattern.slot(bRef, bRef), pattern.slot(a, bRef), pattern.slot(bRef, a)};
    }

    /** Slots (plus, br), (minus, br), (br, plus), (br, minus) of a branch unknown. */
    private int[] branchSlots(int plus, int minus, int branch) {
        return new int[] {pattern.slot(plus, branch), pattern.slot(minus, branch), pattern.slot(branch, plus),
            pattern.slot(branch, minus)};
    }

    int size() {
        return n;
    }

    void setConductance(int k, double g) {
        cg[k] = g;
        linearDirty = true;
        if (edgeOf[k] >= 0) {
            edgeG[edgeOf[k]] = g;
            edgesDirty = true;
        }
    }

    /**
     * Scales every independent source by {@code scale} (1: their values), for source stepping:
     * at 0 the circuit's solution is all zeros, and small steps towards 1 keep Newton close.
     */
    void setSourceScale(double scale) {
        if (scale != sourceScale) {
            sourceScale = scale;
            edgesDirty = true;
        }
    }

    /** Sets an independent voltage source's value (V). */
    void setVolts(int k, double v) {
        if (sourceVolts[k] != v) {
            sourceVolts[k] = v;
            edgesDirty = true;
        }
    }

    /** Value of a terminal: an unknown from {@code x}, a known node's voltage, or ground. */
    double v(int ref, double[] x) {
        return ref >= 0 ? x[ref] : ref == Topology.GROUND ? 0.0 : known[-2 - ref];
    }

    /** Takes the sources' current values: known node voltages and the right-hand side of the linear elements. */
    void prepare() {
        if (linearDirty) {
            stampLinear();
            linearDirty = false;
        }
        for (int k = 0; k < known.length; k++) {
            known[k] = topology.knownSign.get(k) * sourceVolts[topology.knownSource.get(k)] * sourceScale;
        }
        if (edgesDirty) { // only new inputs or weights change what the edges inject (not a nudge)
            if (edgeRhs == null) {
                edgeRhs = new double[n];
            }
            Arrays.fill(edgeRhs, 0.0);
            for (int e = 0; e < edgeFree.length; e++) { // the known end's voltage drives the free end
                edgeRhs[edgeFree[e]] += edgeG[e] * known[edgeKnown[e]];
            }
            edgesDirty = false;
        }
        System.arraycopy(edgeRhs, 0, rhsBase, 0, n);
        for (int k = 0; k < sourceAmps.length; k++) {
            add(rhsBase, iFrom[k], -sourceAmps[k] * sourceScale);
            add(rhsBase, iTo[k], sourceAmps[k] * sourceScale);
        }
        for (int k = 0; k < vBranch.length; k++) {
            if (vBranch[k] >= 0) {
                rhsBase[vBranch[k]] = sourceVolts[k] * sourceScale - knownOnly(vPlus[k]) + knownOnly(vMinus[k]);
            }
        }
        for (int k = 0; k < eBranch.length; k++) {
            rhsBase[eBranch[k]] = -knownOnly(ePlus[k]) + knownOnly(eMinus[k])
                    + eGain[k] * (knownOnly(eCp[k]) - knownOnly(eCm[k]));
        }
    }

    private double knownOnly(int ref) {
        return ref <= -2 ? known[-2 - ref] : 0.0;
    }

    /** Adds to an entry of a vector or of the matrix values; index -1 (ground, a known node, no slot) is skipped. */
    private static void add(double[] a, int ref, double value) {
        if (ref >= 0) {
            a[ref] += value;
        }
    }

    private void stampLinear() {
        Arrays.fill(linear, 0.0);
        for (int k = 0; k < cg.length; k++) {
            int[] s = cSlots[k];
            double g = cg[k];
            add(linear, s[0], g);
            add(linear, s[1], g);
            add(linear, s[2], -g);
            add(linear, s[3], -g);
        }
        for (int[] s : vSlots) {
            if (s != null) {
                add(linear, s[0], 1);
                add(linear, s[1], -1);
                add(linear, s[2], 1);
                add(linear, s[3], -1);
            }
        }
        for (int k = 0; k < eSlots.length; k++) {
            int[] s = eSlots[k];
            add(linear, s[0], 1);
            add(linear, s[1], -1);
            add(linear, s[2], 1);
            add(linear, s[3], -1);
            add(linear, s[4], -eGain[k]);
            add(linear, s[5], eGain[k]);
        }
        for (int k = 0; k < fSlots.length; k++) {
            add(linear, fSlots[k][0], fGain[k]);
            add(linear, fSlots[k][1], -fGain[k]);
        }
    }

    /**
     * Linearises every diode at the junction voltage {@code x} gives, damped from the previous
     * linearisation point ({@code vd0}, which the caller seeds before the first iteration).
     *
     * @return how many junctions were damped (an iteration that damped cannot be the last)
     */
    int linearize(double[] x) {
        int damped = 0;
        for (int d = 0; d < junctions.length; d++) {
            double proposed = v(dP[d], x) - v(dC[d], x);
            double vd = junctions[d].limit(proposed, vd0[d]);
            if (vd != proposed) {
                damped++;
            }
            vd0[d] = vd;
            cd0[d] = junctions[d].current(vd);
            gd0[d] = junctions[d].conductance(vd);
        }
        return damped;
    }

    /**
     * Solves the system linearised at the diodes' current points; the new unknowns go into {@code out}.
     *
     * @return false when the matrix is singular or the solution is not finite
     */
    boolean solve(double[] out) {
        DMatrixSparseCSC a = pattern.matrix();
        System.arraycopy(linear, 0, a.nz_values, 0, linear.length);
        System.arraycopy(rhsBase, 0, rhs, 0, n);
        for (int d = 0; d < junctions.length; d++) {
            int[] s = dSlots[d];
            double gd = gd0[d];
            double ieq = cd0[d] - gd * vd0[d];
            add(a.nz_values, s[0], gd);
            add(a.nz_values, s[1], gd);
            add(a.nz_values, s[2], -gd);
            add(a.nz_values, s[3], -gd);
            int p = dP[d];
            int c = dC[d];
            add(rhs, p, -ieq + (c < 0 ? gd * knownOnly(c) : 0));
            add(rhs, c, ieq + (p < 0 ? gd * knownOnly(p) : 0));
        }
        for (int u = 0; u < n; u++) {
            b.data[pattern.position(u)] = rhs[u];
        }
        if (!lu.setA(a)) {
            return false;
        }
        lu.solve(b, solution);
        for (int u = 0; u < n; u++) {
            double value = solution.data[pattern.position(u)];
            if (!Double.isFinite(value)) {
                return false;
            }
            out[u] = value;
        }
        return true;
    }

    /**
     * ngspice's device convergence test for every junction: the current predicted by the last
     * tangent at the new voltage must be within reltol (relative) plus abstol of the current at
     * the linearisation point. Returns the index of the first junction that fails, or -1.
     */
    int unconvergedJunction(double[] xNew, double reltol, double abstol) {
        for (int d = 0; d < junctions.length; d++) {
            double delta = v(dP[d], xNew) - v(dC[d], xNew) - vd0[d];
            double predicted = cd0[d] + gd0[d] * delta;
            double tol = reltol * Math.max(Math.abs(predicted), Math.abs(cd0[d])) + abstol;
            if (Math.abs(predicted - cd0[d]) > tol) {
                return d;
            }
        }
        return -1;
    }

    /**
     * The current every element draws out of each known node, summed per known node: the
     * branch current of the source holding that node follows from KCL. Diodes count with
     * their last tangent, which is the model the solution satisfies exactly.
     */
    double[] knownNodeOutflow(double[] x) {
        double[] out = new double[known.length];
        for (int e = 0; e < edgeFree.length; e++) {
            out[edgeKnown[e]] += edgeG[e] * (known[edgeKnown[e]] - x[edgeFree[e]]);
        }
        for (int k : otherKnownTouching) {
            double i = cg[k] * (v(ca[k], x) - v(cb[k], x));
            outflow(out, ca[k], i);
            outflow(out, cb[k], -i);
        }
        for (int k = 0; k < sourceAmps.length; k++) {
            outflow(out, iFrom[k], sourceAmps[k]);
            outflow(out, iTo[k], -sourceAmps[k]);
        }
        for (int d = 0; d < junctions.length; d++) {
            if (dP[d] <= -2 || dC[d] <= -2) {
                double i = cd0[d] + gd0[d] * (v(dP[d], x) - v(dC[d], x) - vd0[d]);
                outflow(out, dP[d], i);
                outflow(out, dC[d], -i);
            }
        }
        for (int k = 0; k < vBranch.length; k++) {
            if (vBranch[k] >= 0) {
                outflow(out, vPlus[k], x[vBranch[k]]);
                outflow(out, vMinus[k], -x[vBranch[k]]);
            }
        }
        for (int k = 0; k < eBranch.length; k++) {
            outflow(out, ePlus[k], x[eBranch[k]]);
            outflow(out, eMinus[k], -x[eBranch[k]]);
        }
        for (int k = 0; k < fSense.length; k++) {
            outflow(out, fFrom[k], fGain[k] * x[fSense[k]]);
            outflow(out, fTo[k], -fGain[k] * x[fSense[k]]);
        }
        return out;
    }

    private static void outflow(double[] out, int ref, double amps) {
        if (ref <= -2) {
            out[-2 - ref] += amps;
        }
    }

    /** Branch unknown of each voltage source, -1 for those holding a known node. */
    int branchOfSource(int k) {
        return vBranch[k];
    }
}
