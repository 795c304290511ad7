package eqspice.embedded;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The two-terminal conductances of a circuit: its resistors (same index as in
 * {@link Topology#resistors}) and then the diodes' series resistances. Those with one free and
 * one known end ("edges": in a crossbar every input-layer weight, nearly all of them) are also
 * kept in flat arrays, because they dominate the work per solve: what they inject into the free
 * nodes is recomputed only when a known voltage or an edge's conductance changed, and the
 * current they draw from the known nodes is one tight loop.
 */
final class Conductances {
    final int[] a;
    final int[] b;
    double[] g;               // replaced, not written, while shared (see share())
    final int[][] slots;      // aa, bb, ab, ba (matrix value indices after remapping; -1 where not free)
    private int[] edgeOf;     // conductance -> edge index, or -1
    private int[] edgeKnown;
    private int[] edgeFree;
    private double[] edgeG;
    // Edges in runs: run r covers edges edgeRun[r] .. edgeRun[r+1]-1, all at known node runKnown[r], with
    // consecutive free nodes from edgeFree[edgeRun[r]] (a crossbar row), so its injection is one contiguous loop.
    private int[] edgeRun;
    private int[] runKnown;
    private double[] edgeRhs;
    private boolean edgesDirty = true;
    private boolean shared;   // g and edgeG are held by a solution whose currents are not computed yet
    private int[] otherKnownTouching; // at a known node but not an edge (the other end known or ground)

    Conductances(int count) {
        a = new int[count];
        b = new int[count];
        g = new double[count];
        slots = new int[count][];
    }

    void set(int k, int aRef, int bRef, double siemens, StampPattern pattern) {
        a[k] = aRef;
        b[k] = bRef;
        g[k] = siemens;
        slots[k] = new int[] {pattern.slot(aRef, aRef), pattern.slot(bRef, bRef), pattern.slot(aRef, bRef),
            pattern.slot(bRef, aRef)};
    }

    /** After every {@link #set}: gathers the edges. */
    void freeze() {
        int[] edges = IntStream.range(0, g.length).filter(this::isEdge).toArray();
        otherKnownTouching = IntStream.range(0, g.length).filter(k -> (a[k] <= -2 || b[k] <= -2) && !isEdge(k))
                .toArray();
        edgeOf = new int[g.length];
        Arrays.fill(edgeOf, -1);
        edgeKnown = new int[edges.length];
        edgeFree = new int[edges.length];
        edgeG = new double[edges.length];
        for (int e = 0; e < edges.length; e++) {
            int k = edges[e];
            edgeOf[k] = e;
            edgeG[e] = g[k];
            edgeKnown[e] = -2 - Math.min(a[k], b[k]);
            edgeFree[e] = Math.max(a[k], b[k]);
        }
        edgeRun = IntStream.rangeClosed(0, edges.length).filter(e -> e == 0 || e == edges.length
                || edgeKnown[e] != edgeKnown[e - 1] || edgeFree[e] != edgeFree[e - 1] + 1).toArray();
        runKnown = IntStream.range(0, edgeRun.length - 1).map(r -> edgeKnown[edgeRun[r]]).toArray();
    }

    private boolean isEdge(int k) {
        return (a[k] >= 0 && b[k] <= -2) || (b[k] >= 0 && a[k] <= -2);
    }

    void setConductance(int k, double siemens) {
        if (shared) { // copy on write: a solution computes its currents later from the arrays it was given
            g = g.clone();
            edgeG = edgeG.clone();
            shared = false;
        }
        g[k] = siemens;
        if (edgeOf[k] >= 0) {
            edgeG[edgeOf[k]] = siemens;
            edgesDirty = true;
        }
    }

    /** The known voltages changed: the edges' injection must be recomputed. */
    void knownChanged() {
        edgesDirty = true;
    }

    /** Adds every conductance's stamp to the matrix values. */
    void stamp(double[] values) {
        for (int k = 0; k < g.length; k++) {
            int[] s = slots[k];
            MnaSystem.add(values, s[0], g[k]);
            MnaSystem.add(values, s[1], g[k]);
            MnaSystem.add(values, s[2], -g[k]);
            MnaSystem.add(values, s[3], -g[k]);
        }
    }

    /** Sets {@code rhs} to the current the edges drive into each free node from the known voltages. */
    void inject(double[] rhs, double[] known) {
        if (edgesDirty || edgeRhs == null) { // only new inputs or weights change it (not a nudge)
            edgeRhs = new double[rhs.length];
            for (int r = 0; r < runKnown.length; r++) {
                double v = known[runKnown[r]];
                int from = edgeRun[r];
                int free = edgeFree[from] - from;
                for (int e = from; e < edgeRun[r + 1]; e++) {
                    edgeRhs[free + e] += edgeG[e] * v;
                }
            }
            edgesDirty = false;
        }
        System.arraycopy(edgeRhs, 0, rhs, 0, rhs.length);
    }

    /**
     * The conductances as they are now, {g, edgeG}, for {@link #outflow} later: the arrays are
     * copied by the next {@link #setConductance} instead of written, so they stay as they are.
     */
    double[][] share() {
        shared = true;
        return new double[][] {g, edgeG};
    }

    /** Adds the current every conductance draws out of each known node, with the conductances of {@link #share}. */
    void outflow(double[] out, double[] x, double[] known, double[][] shared) {
        double[] gAt = shared[0];
        double[] edgeGAt = shared[1];
        for (int e = 0; e < edgeFree.length; e++) {
            out[edgeKnown[e]] += edgeGAt[e] * (known[edgeKnown[e]] - x[edgeFree[e]]);
        }
        for (int k : otherKnownTouching) {
            double i = gAt[k] * (MnaSystem.v(a[k], x, known) - MnaSystem.v(b[k], x, known));
            MnaSystem.outflow(out, a[k], i);
            MnaSystem.outflow(out, b[k], -i);
        }
    }
}
