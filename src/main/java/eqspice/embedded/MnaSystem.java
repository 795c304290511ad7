package eqspice.embedded;

import eqspice.circuit.Diode;
import eqspice.circuit.Resistor;
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
 * system with EJML's LU (partial pivoting). Each class of element keeps its own indices and
 * stamps ({@link Conductances}, {@link IndependentSources}, {@link ControlledSources},
 * {@link Diodes}); this class assembles them, holds the known node voltages and solves.
 */
final class MnaSystem {
    final Topology topology;
    private final int n;
    final Conductances conductances;
    final IndependentSources sources;
    private final ControlledSources controlled;
    final Diodes diodes;

    private double sourceScale = 1.0;
    private final StampPattern pattern;
    private final double[] linear;
    private boolean linearDirty = true;
    final double[] known;
    private final int[] knownSource;   // per known node: the voltage source holding it
    private final double[] knownSign;  // +1 when the source's plus is the node, -1 for its minus
    private final double[] rhsBase;
    private final double[] rhs;
    private final DMatrixRMaj b;
    private final DMatrixRMaj solution;
    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
    /** The solver that factorises the linear elements once per change of their values; null when the circuit does not suit it. */
    private SchurSolver schur;
    private boolean schurPlanned;
    /** Whether {@link #schur} holds the current linear values (false: its linear block was singular, the full LU solves). */
    private boolean schurReady;

    MnaSystem(Topology t, double gmin) {
        topology = t;
        n = t.size;
        pattern = new StampPattern(n);
        int nr = t.resistors.size();
        int nc = nr + (int) t.diodeModels.stream().filter(m -> m.rs() > 0).count();
        conductances = new Conductances(nc);
        for (int r = 0; r < nr; r++) {
            Resistor res = t.resistors.get(r);
            conductances.set(r, t.ref(res.a()), t.ref(res.b()), res.conductance(), pattern);
        }
        int d = t.diodes.size();
        diodes = new Diodes(d);
        for (int k = 0, extra = nr; k < d; k++) {
            Diode diode = t.diodes.get(k);
            int internal = t.diodeInternal.get(k);
            diodes.set(k, new Junction(t.diodeModels.get(k), gmin), internal, t.ref(diode.cathode()), pattern);
            if (t.diodeModels.get(k).rs() > 0) {
                conductances.set(extra++, t.ref(diode.anode()), internal, 1.0 / t.diodeModels.get(k).rs(), pattern);
            }
        }
        sources = new IndependentSources(t, pattern);
        controlled = new ControlledSources(t, pattern);
        pattern.freeze();
        for (int[][] group : new int[][][] {conductances.slots, diodes.slots, sources.vSlots, controlled.eSlots, controlled.fSlots}) {
            for (int[] s : group) {
                for (int k = 0; s != null && k < s.length; k++) {
                    s[k] = pattern.nz(s[k]);
                }
            }
        }
        conductances.freeze();
        linear = new double[pattern.nonZeros()];
        known = new double[t.knownCount()];
        knownSource = t.knownSource.stream().mapToInt(Integer::intValue).toArray();
        knownSign = t.knownSign.stream().mapToDouble(Double::doubleValue).toArray();
        rhsBase = new double[n];
        rhs = new double[n];
        b = new DMatrixRMaj(n, 1);
        solution = new DMatrixRMaj(n, 1);
    }

    int size() {
        return n;
    }

    void setConductance(int k, double g) {
        conductances.setConductance(k, g);
        linearDirty = true;
    }

    /**
     * Scales every independent source by {@code scale} (1: their values), for source stepping:
     * at 0 the circuit's solution is all zeros, and small steps towards 1 keep Newton close.
     */
    void setSourceScale(double scale) {
        if (scale != sourceScale) {
            sourceScale = scale;
            conductances.knownChanged();
        }
    }

    /** Sets an independent voltage source's value (V). */
    void setVolts(int k, double v) {
        if (sources.setVolts(k, v)) {
            conductances.knownChanged();
        }
    }

    /** Value of a terminal: an unknown from {@code x}, a known node's voltage, or ground. */
    double v(int ref, double[] x) {
        return v(ref, x, known);
    }

    /** Value of a terminal with the known node voltages {@code known}. */
    static double v(int ref, double[] x, double[] known) {
        return ref >= 0 ? x[ref] : ref == Topology.GROUND ? 0.0 : known[-2 - ref];
    }

    /** Takes the sources' current values: known node voltages and the right-hand side of the linear elements. */
    void prepare() {
        if (linearDirty) {
            stampLinear();
            if (!schurPlanned) { // planned by the entries the linear elements fill, so after the first stamp
                schur = SchurSolver.plan(pattern, linear, diodes.p, diodes.c, topology.currentUnknown);
                schurPlanned = true;
            }
            schurReady = schur != null && schur.factor(linear);
            linearDirty = false;
        }
        for (int k = 0; k < known.length; k++) {
            known[k] = knownSign[k] * sources.volts(knownSource[k]) * sourceScale;
        }
        conductances.inject(rhsBase, known);
        sources.rhs(rhsBase, sourceScale, this);
        controlled.rhs(rhsBase, this);
        if (schurReady) {
            schur.reduceRhs(rhsBase);
        }
    }

    /** A known node's voltage; 0 for ground and for unknowns (whose terms stay in the matrix). */
    double knownOnly(int ref) {
        return ref <= -2 ? known[-2 - ref] : 0.0;
    }

    /** Adds to an entry of a vector or of the matrix values; index -1 (ground, a known node, no slot) is skipped. */
    static void add(double[] a, int ref, double value) {
        if (ref >= 0) {
            a[ref] += value;
        }
    }

    private void stampLinear() {
        Arrays.fill(linear, 0.0);
        conductances.stamp(linear);
        sources.stamp(linear);
        controlled.stamp(linear);
    }

    /** See {@link Diodes#linearize}. */
    int linearize(double[] x) {
        return diodes.linearize(x, this);
    }

    /**
     * Solves the system linearised at the diodes' current points; the new unknowns go into {@code out}.
     *
     * @return false when the matrix is singular or the solution is not finite
     */
    boolean solve(double[] out) {
        // A block or separator of the Schur solver can be singular where pivoting over the whole matrix is not.
        return schurReady && schur.solve(diodes, known, out) || solveWhole(out);
    }

    /** Solves the whole system with a sparse LU (factorised afresh). */
    private boolean solveWhole(double[] out) {
        DMatrixSparseCSC a = pattern.matrix();
        System.arraycopy(linear, 0, a.nz_values, 0, linear.length);
        System.arraycopy(rhsBase, 0, rhs, 0, n);
        diodes.stamp(a.nz_values, rhs, this);
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

    /** The Schur solver when it solved the last system, or null when the whole matrix was factorised (for tests). */
    SchurSolver schurInUse() {
        return schurReady ? schur : null;
    }

    /** See {@link Diodes#unconverged}. */
    int unconvergedJunction(double[] xNew, double reltol, double abstol) {
        return diodes.unconverged(xNew, reltol, abstol, this);
    }

    /**
     * The current every element draws out of each known node, summed per known node (the
     * branch current of the source holding that node follows from KCL; diodes count with their
     * last tangent, which is the model the solution satisfies exactly), of the system as it is
     * now, computed when asked: it copies the few values the next solve overwrites (x, known voltages, source currents, junction
     * tangents) and shares the conductances copy-on-write, so a solution whose source currents
     * nobody reads costs no pass over the crossbar.
     */
    java.util.function.Supplier<double[]> knownNodeOutflowLater(double[] x) {
        double[] xAt = x.clone();
        double[] knownAt = known.clone();
        double[] ampsAt = sources.amps.clone();
        double[][] conductancesAt = conductances.share();
        double[][] tangentsAt = diodes.tangents();
        return () -> {
            double[] out = new double[knownAt.length];
            conductances.outflow(out, xAt, knownAt, conductancesAt);
            sources.currentOutflow(out, ampsAt);
            diodes.outflow(out, xAt, knownAt, tangentsAt);
            sources.branchOutflow(out, xAt);
            controlled.outflow(out, xAt);
            return out;
        };
    }

    static void outflow(double[] out, int ref, double amps) {
        if (ref <= -2) {
            out[-2 - ref] += amps;
        }
    }

    /** Branch unknown of each voltage source, -1 for those holding a known node. */
    int branchOfSource(int k) {
        return sources.branchOf(k);
    }
}
