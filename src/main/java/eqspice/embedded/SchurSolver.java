package eqspice.embedded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Solves the Newton systems of a circuit whose junctions sit on few unknowns, factorising the
 * linear elements once per change of their values instead of once per Newton iteration.
 *
 * <p>Between two weight updates only the junctions' companion models change, and they touch only
 * their terminals' rows and columns. The unknowns are split three ways when the circuit is
 * loaded: the <em>separator</em> O (a few unknowns coupled to many others: in a crossbar the
 * output nodes), the <em>junction blocks</em> N (junction terminals, grouped by the connected
 * components that remain when O is taken out; in a crossbar one hidden node per block) and the
 * <em>linear</em> unknowns R (everything else: amplifier nodes and branch currents). R is
 * eliminated once per change of the linear elements (sparse LU of A_RR, then the Schur
 * complement S0 = A_PP - A_PR A_RR^-1 A_RP on P = N + O, and W = A_RR^-1 A_RP); because no
 * component of R joins two blocks, S0 couples each block only with itself and with O. A Newton
 * iteration then adds the junction stamps to S0 (on N's diagonal blocks and on O), eliminates
 * every block into the small dense O block, solves that, and recovers R from W. At 784-100-10
 * (520 unknowns) that is 100 blocks of one unknown and 20 separator unknowns: about 50k
 * multiply-adds per iteration instead of a sparse LU with a symbolic analysis.
 *
 * <p>Exact in exact arithmetic: the same linear system as a full LU, eliminated in another
 * order. Partial pivoting is kept where it matters (A_RR holds the branch rows with zero
 * diagonals; the O block is dense); a block is pivoted within itself.
 */
final class SchurSolver {
    /** Largest separator kept dense: beyond it a sparse LU of the whole system is cheaper. */
    static final int MAX_SEPARATOR = 128;
    /** Largest number of junction terminals in one block (each block is factorised densely per iteration). */
    static final int MAX_BLOCK = 8;
    /** Incremental updates of the single-unknown blocks' elimination between two full sums. */
    static final int MAX_INCREMENTAL = 32;
    /** Most values kept for the outer products of single-unknown blocks (32 MB); beyond, they are eliminated as the others. */
    static final long MAX_OUTER_PRODUCTS = 1 << 22;

    private final int n;
    private final int r;                 // linear unknowns
    private final int q;                 // P = N (blocks) then O
    private final int nN;                // junction-block unknowns, P indices 0 .. nN-1
    private final int m;                 // separator unknowns, P indices nN .. q-1
    private final int[] unknownOfR;
    private final int[] unknownOfP;
    private final int[] blockStart;      // P index of each block's first unknown, and nN at the end
    private final int outerBlocks;       // single-unknown blocks eliminated by outer products (P indices 0 .. outerBlocks-1)

    // Entries of the linear matrix by the parts they join: index into the values, row and column.
    private final DMatrixSparseCSC aRR;
    private final int[] rrValue;
    private final int[] rpValue;
    private final int[] rpRow;
    private final int[] rpCol;
    private final int[] prValue;
    private final int[] prRow;
    private final int[] prCol;
    private final int[] ppValue;
    private final int[] ppRow;
    private final int[] ppCol;
    private final double[] prCoefficient; // A_PR's values, for reducing right-hand sides

    // Junctions: P index of each terminal, -1 for a known node or ground.
    private final int[] junctionP;
    private final int[] junctionC;
    private final int[] twoSided;        // junctions between two unknowns of one block

    // Once per change of the linear values.
    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> luRR = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
    private final double[] s0;           // q x q, row-major
    // Per single-unknown block k: S0[O, k] S0[k, O] (m x m) and S0[O, k], so that eliminating it is one
    // contiguous multiply-add of its outer product scaled by 1 / (S0[k, k] + junctions), see solve().
    private final double[] outer;
    private final double[] column;
    private int[] wRowStart = new int[1];
    private int[] wCol = new int[0];
    private double[] wValue = new double[0];

    // Once per right-hand side (a phase's sources).
    private final DMatrixRMaj bR;
    private final DMatrixRMaj zR;
    private final double[] rP0;

    // Per iteration (scratch).
    private final double[] diag;         // junction conductances on P's diagonal
    private final double[] rhsP;
    private final double[] t;            // m x m separator block, then its LU
    private final int[] tPivot;
    private final double[] xN;           // per unknown of a larger block: block^-1 S0[block, O] (nN x m)
    private final double[] pivotInverse; // per single-unknown block: 1 / its pivot
    private final double[] tSingles;     // S0[O, O] minus the single-unknown blocks' eliminations, see eliminateSingles()
    private final double[] tSinglesInverse; // the 1 / d_k it was computed with
    private boolean tSinglesValid;
    private int incrementalUpdates;
    private long incrementalTotal;
    private final double[] block = new double[MAX_BLOCK * MAX_BLOCK];
    private final int[] blockPivot = new int[MAX_BLOCK];
    private final double[] y;

    private SchurSolver(int n, int[] kind, int[][] blocks, StampPattern pattern, int[] junctionRefP,
                        int[] junctionRefC) {
        this.n = n;
        int[] rOf = new int[n];
        int[] pOf = new int[n];
        Arrays.fill(rOf, -1);
        Arrays.fill(pOf, -1);
        List<Integer> rs = new ArrayList<>();
        List<Integer> ps = new ArrayList<>();
        blocks = blocks.clone();
        Arrays.sort(blocks, java.util.Comparator.comparingInt(b -> b.length)); // single unknowns first
        blockStart = new int[blocks.length + 1];
        for (int b = 0; b < blocks.length; b++) {
            blockStart[b] = ps.size();
            for (int u : blocks[b]) {
                pOf[u] = ps.size();
                ps.add(u);
            }
        }
        nN = ps.size();
        blockStart[blocks.length] = nN;
        for (int u = 0; u < n; u++) {
            if (kind[u] == SEPARATOR) {
                pOf[u] = ps.size();
                ps.add(u);
            } else if (kind[u] == LINEAR) {
                rOf[u] = rs.size();
                rs.add(u);
            }
        }
        r = rs.size();
        q = ps.size();
        m = q - nN;
        int singles = 0;
        while (singles < blocks.length && blocks[singles].length == 1) {
            singles++;
        }
        outerBlocks = (long) singles * m * m <= MAX_OUTER_PRODUCTS ? singles : 0;
        unknownOfR = rs.stream().mapToInt(Integer::intValue).toArray();
        unknownOfP = ps.stream().mapToInt(Integer::intValue).toArray();

        // Sort the pattern's entries into the four parts.
        DMatrixSparseCSC a = pattern.matrix();
        int[] unknownAt = new int[n];
        for (int u = 0; u < n; u++) {
            unknownAt[pattern.position(u)] = u;
        }
        List<int[]> rr = new ArrayList<>();
        List<int[]> rp = new ArrayList<>();
        List<int[]> pr = new ArrayList<>();
        List<int[]> pp = new ArrayList<>();
        for (int col = 0; col < n; col++) {
            int cu = unknownAt[col];
            for (int k = a.col_idx[col]; k < a.col_idx[col + 1]; k++) {
                int ru = unknownAt[a.nz_rows[k]];
                if (rOf[ru] >= 0 && rOf[cu] >= 0) {
                    rr.add(new int[] {rOf[ru], rOf[cu], k});
                } else if (rOf[ru] >= 0) {
                    rp.add(new int[] {rOf[ru], pOf[cu], k});
                } else if (rOf[cu] >= 0) {
                    pr.add(new int[] {pOf[ru], rOf[cu], k});
                } else {
                    pp.add(new int[] {pOf[ru], pOf[cu], k});
                }
            }
        }
        rr.sort((x, z) -> x[1] != z[1] ? Integer.compare(x[1], z[1]) : Integer.compare(x[0], z[0]));
        aRR = new DMatrixSparseCSC(r, r, rr.size());
        rrValue = new int[rr.size()];
        for (int k = 0; k < rr.size(); k++) {
            int[] e = rr.get(k);
            aRR.nz_rows[k] = e[0];
            aRR.col_idx[e[1] + 1]++;
            rrValue[k] = e[2];
        }
        for (int c = 0; c < r; c++) {
            aRR.col_idx[c + 1] += aRR.col_idx[c];
        }
        aRR.nz_length = rr.size();
        aRR.indicesSorted = true;
        rpRow = column(rp, 0);
        rpCol = column(rp, 1);
        rpValue = column(rp, 2);
        prRow = column(pr, 0);
        prCol = column(pr, 1);
        prValue = column(pr, 2);
        ppRow = column(pp, 0);
        ppCol = column(pp, 1);
        ppValue = column(pp, 2);
        prCoefficient = new double[prValue.length];

        junctionP = new int[junctionRefP.length];
        junctionC = new int[junctionRefC.length];
        for (int d = 0; d < junctionP.length; d++) {
            junctionP[d] = junctionRefP[d] >= 0 ? pOf[junctionRefP[d]] : -1;
            junctionC[d] = junctionRefC[d] >= 0 ? pOf[junctionRefC[d]] : -1;
        }
        twoSided = java.util.stream.IntStream.range(0, junctionP.length)
                .filter(d -> junctionP[d] >= 0 && junctionP[d] < nN && junctionC[d] >= 0).toArray();

        s0 = new double[q * q];
        bR = new DMatrixRMaj(r, 1);
        zR = new DMatrixRMaj(r, 1);
        rP0 = new double[q];
        diag = new double[q];
        rhsP = new double[q];
        t = new double[m * m];
        tPivot = new int[m];
        xN = new double[nN * m];
        outer = new double[outerBlocks * m * m];
        column = new double[outerBlocks * m];
        y = new double[q];
        pivotInverse = new double[outerBlocks];
        tSingles = new double[m * m];
        tSinglesInverse = new double[outerBlocks];
    }

    private static int[] column(List<int[]> entries, int k) {
        return entries.stream().mapToInt(e -> e[k]).toArray();
    }

    private static final int LINEAR = 0;
    private static final int JUNCTION = 1;
    private static final int SEPARATOR = 2;

    /**
     * Splits the unknowns (see the class comment) by the entries the linear elements fill
     * ({@code linear}, the pattern's matrix values) and the junctions (terminals as refs: an
     * unknown's index, or negative for a known node or ground); {@code current} says which
     * unknowns are branch currents, which go with their nodes. Returns null when the circuit
     * has no such structure (a separator larger than {@link #MAX_SEPARATOR}): then a sparse LU
     * of the whole system is the better solver.
     */
    static SchurSolver plan(StampPattern pattern, double[] linear, int[] junctionRefP, int[] junctionRefC,
                            boolean[] current) {
        DMatrixSparseCSC a = pattern.matrix();
        int n = a.numCols;
        int[] unknownAt = new int[n];
        for (int u = 0; u < n; u++) {
            unknownAt[pattern.position(u)] = u;
        }
        List<List<Integer>> adjacent = new ArrayList<>();
        List<List<Integer>> rowsOf = new ArrayList<>(); // per column unknown: the rows with an entry
        for (int u = 0; u < n; u++) {
            adjacent.add(new ArrayList<>());
            rowsOf.add(new ArrayList<>());
        }
        for (int col = 0; col < n; col++) {
            for (int k = a.col_idx[col]; k < a.col_idx[col + 1]; k++) {
                int ru = unknownAt[a.nz_rows[k]];
                int cu = unknownAt[col];
                if (linear[k] == 0) {
                    continue; // a structural zero (a branch current's diagonal) or a junction's slot, added below
                }
                rowsOf.get(cu).add(ru);
                if (ru != cu) {
                    adjacent.get(ru).add(cu);
                    adjacent.get(cu).add(ru);
                }
            }
        }
        int[] kind = new int[n];
        for (int d = 0; d < junctionRefP.length; d++) {
            int p = junctionRefP[d];
            int c = junctionRefC[d];
            for (int u : new int[] {p, c}) {
                if (u >= 0) {
                    kind[u] = JUNCTION;
                }
            }
            if (p >= 0 && c >= 0) {
                adjacent.get(p).add(c);
                adjacent.get(c).add(p);
            }
        }
        int[][] adj = new int[n][];
        int[][] rows = new int[n][];
        for (int u = 0; u < n; u++) {
            adj[u] = adjacent.get(u).stream().mapToInt(Integer::intValue).distinct().toArray();
            rows[u] = rowsOf.get(u).stream().mapToInt(Integer::intValue).toArray();
        }
        int separator = 0;
        while (true) {
            List<int[]> blocks = new ArrayList<>();
            List<Integer> moved = new ArrayList<>();
            splitIntoBlocks(kind, adj, current, blocks, moved);
            // A junction between two unknowns stamps both off-diagonal entries: within one block, or
            // (when one end is in the separator) both ends in the separator.
            for (int d = 0; d < junctionRefP.length; d++) {
                int p = junctionRefP[d];
                int c = junctionRefC[d];
                if (p >= 0 && c >= 0 && (kind[p] == SEPARATOR) != (kind[c] == SEPARATOR)) {
                    moved.add(kind[p] == SEPARATOR ? c : p);
                }
            }
            if (moved.isEmpty()) {
                // Taking unknowns out of R can leave it structurally singular (a branch row whose
                // other entries went to the separator): such rows' unknowns join the separator too.
                moved.addAll(unmatchedRows(kind, rows));
            }
            if (moved.isEmpty()) {
                return new SchurSolver(n, kind, blocks.toArray(new int[0][]), pattern, junctionRefP, junctionRefC);
            }
            for (int u : moved) {
                if (kind[u] != SEPARATOR) {
                    kind[u] = SEPARATOR;
                    separator++;
                }
            }
            if (separator > MAX_SEPARATOR) {
                return null;
            }
        }
    }

    /**
     * Components of the unknowns outside the separator: the junction terminals of each form a
     * block; a component with more terminals than a block may hold gives up its best-connected
     * node (most node neighbours outside the separator; branch currents follow their nodes, see
     * {@link #unmatchedRows}) to {@code moved}.
     */
    private static void splitIntoBlocks(int[] kind, int[][] adj, boolean[] current, List<int[]> blocks,
                                        List<Integer> moved) {
        int n = kind.length;
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < n; start++) {
            if (kind[start] == SEPARATOR || seen[start]) {
                continue;
            }
            List<Integer> terminals = new ArrayList<>();
            seen[start] = true;
            queue.add(start);
            int best = -1;
            int bestDegree = -1;
            while (!queue.isEmpty()) {
                int u = queue.poll();
                if (kind[u] == JUNCTION) {
                    terminals.add(u);
                }
                int degree = 0;
                for (int v : adj[u]) {
                    if (kind[v] != SEPARATOR) {
                        degree += current[v] ? 0 : 1;
                        if (!seen[v]) {
                            seen[v] = true;
                            queue.add(v);
                        }
                    }
                }
                if (!current[u] && (degree > bestDegree || (degree == bestDegree && u < best))) {
                    best = u;
                    bestDegree = degree;
                }
            }
            if (terminals.size() > MAX_BLOCK) {
                moved.add(best);
            } else if (!terminals.isEmpty()) {
                blocks.add(terminals.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
    }

    /**
     * The unknowns of R whose rows a maximum matching of A_RR's rows to its columns (over the
     * entries the elements fill) leaves unmatched: empty when A_RR is structurally nonsingular.
     */
    private static List<Integer> unmatchedRows(int[] kind, int[][] rowsOfColumn) {
        int n = kind.length;
        int[] rowMatch = new int[n]; // row unknown -> column unknown matched to it
        Arrays.fill(rowMatch, -1);
        for (int c = 0; c < n; c++) {
            if (kind[c] == LINEAR) {
                augment(c, kind, rowsOfColumn, rowMatch, new boolean[n]);
            }
        }
        List<Integer> unmatched = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (kind[r] == LINEAR && rowMatch[r] < 0) {
                unmatched.add(r);
            }
        }
        return unmatched;
    }

    /** Kuhn's augmenting path from column {@code c}. */
    private static boolean augment(int c, int[] kind, int[][] rowsOfColumn, int[] rowMatch, boolean[] visited) {
        for (int r : rowsOfColumn[c]) {
            if (kind[r] != LINEAR || visited[r]) {
                continue;
            }
            visited[r] = true;
            if (rowMatch[r] < 0 || augment(rowMatch[r], kind, rowsOfColumn, rowMatch, visited)) {
                rowMatch[r] = c;
                return true;
            }
        }
        return false;
    }

    /** Separator unknowns (for the documentation of a circuit's structure and for tests). */
    int separatorSize() {
        return m;
    }

    /** Junction-block unknowns. */
    int junctionUnknowns() {
        return nN;
    }

    /** Junction blocks. */
    int blocks() {
        return blockStart.length - 1;
    }

    /** Solves that updated the single-unknown blocks' elimination incrementally (for tests). */
    long incrementalUpdates() {
        return incrementalTotal;
    }

    /** Unknowns eliminated once per change of the linear elements. */
    int linearUnknowns() {
        return r;
    }

    /**
     * Eliminates the linear unknowns with the linear elements' values {@code linear} (indexed
     * as the pattern's matrix values).
     *
     * @return false when A_RR is singular (the whole system may still be solvable: the caller falls back)
     */
    boolean factor(double[] linear) {
        for (int k = 0; k < rrValue.length; k++) {
            aRR.nz_values[k] = linear[rrValue[k]];
        }
        if (r > 0 && !luRR.setA(aRR)) {
            return false;
        }
        // W = A_RR^-1 A_RP, dense while it is computed, then kept by rows without its zeros.
        double[] w = new double[r * q];
        if (r > 0 && q > 0) {
            DMatrixRMaj arp = new DMatrixRMaj(r, q);
            for (int k = 0; k < rpValue.length; k++) {
                arp.data[rpRow[k] * q + rpCol[k]] += linear[rpValue[k]];
            }
            DMatrixRMaj wm = new DMatrixRMaj(r, q);
            luRR.solve(arp, wm);
            w = wm.data;
        }
        int nonZeros = 0;
        for (double v : w) {
            if (v != 0) {
                if (!Double.isFinite(v)) {
                    return false;
                }
                nonZeros++;
            }
        }
        wRowStart = new int[r + 1];
        wCol = new int[nonZeros];
        wValue = new double[nonZeros];
        for (int i = 0, k = 0; i < r; i++) {
            for (int j = 0; j < q; j++) {
                double v = w[i * q + j];
                if (v != 0) {
                    wCol[k] = j;
                    wValue[k++] = v;
                }
            }
            wRowStart[i + 1] = k;
        }
        for (int k = 0; k < prValue.length; k++) {
            prCoefficient[k] = linear[prValue[k]];
        }
        // S0 = A_PP - A_PR W
        Arrays.fill(s0, 0.0);
        for (int k = 0; k < ppValue.length; k++) {
            s0[ppRow[k] * q + ppCol[k]] += linear[ppValue[k]];
        }
        for (int k = 0; k < prValue.length; k++) {
            double v = linear[prValue[k]];
            int row = prRow[k] * q;
            int j = prCol[k];
            for (int e = wRowStart[j]; e < wRowStart[j + 1]; e++) {
                s0[row + wCol[e]] -= v * wValue[e];
            }
        }
        tSinglesValid = false;
        for (int k = 0; k < outerBlocks; k++) {
            for (int i = 0; i < m; i++) {
                double c = s0[(nN + i) * q + k];
                column[k * m + i] = c;
                for (int j = 0; j < m; j++) {
                    outer[(k * m + i) * m + j] = c * s0[k * q + nN + j];
                }
            }
        }
        return true;
    }

    /** Takes a new right-hand side (over all unknowns; the junctions' terms are added per iteration). */
    void reduceRhs(double[] b) {
        for (int i = 0; i < r; i++) {
            bR.data[i] = b[unknownOfR[i]];
        }
        if (r > 0) {
            luRR.solve(bR, zR);
        }
        for (int p = 0; p < q; p++) {
            rP0[p] = b[unknownOfP[p]];
        }
        for (int k = 0; k < prValue.length; k++) {
            rP0[prRow[k]] -= prCoefficient[k] * zR.data[prCol[k]];
        }
    }

    /**
     * Solves with the junctions linearised as {@code diodes} holds them (tangent conductance and
     * equivalent current source, stamped as {@link Diodes#stamp} does; {@code known} the known
     * node voltages), writing every unknown into {@code out}.
     *
     * @return false when a block or the separator is singular or the solution is not finite
     */
    boolean solve(Diodes diodes, double[] known, double[] out) {
        Arrays.fill(diag, 0.0);
        System.arraycopy(rP0, 0, rhsP, 0, q);
        for (int d = 0; d < junctionP.length; d++) {
            int p = junctionP[d];
            int c = junctionC[d];
            double g = diodes.gd0[d];
            double ieq = diodes.cd0[d] - g * diodes.vd0[d];
            // a known terminal's voltage moves its coupling term to the right-hand side
            if (p >= 0) {
                diag[p] += g;
                rhsP[p] += -ieq + g * knownOnly(diodes.c[d], known);
            }
            if (c >= 0) {
                diag[c] += g;
                rhsP[c] += ieq + g * knownOnly(diodes.p[d], known);
            }
        }
        // Single-unknown blocks: T -= S0[O, k] S0[k, O] / d_k and t -= S0[O, k] r_k / d_k.
        if (!eliminateSingles()) {
            return false;
        }
        System.arraycopy(tSingles, 0, t, 0, m * m);
        for (int d = 0; d < junctionP.length; d++) {
            int p = junctionP[d];
            int c = junctionC[d];
            if (p >= nN && c >= nN) { // both in the separator
                t[(p - nN) * m + (c - nN)] -= diodes.gd0[d];
                t[(c - nN) * m + (p - nN)] -= diodes.gd0[d];
            }
        }
        for (int i = 0; i < m; i++) {
            t[i * m + i] += diag[nN + i];
        }
        for (int b = outerBlocks; b + 1 < blockStart.length; b++) {
            if (!eliminate(blockStart[b], blockStart[b + 1] - blockStart[b], diodes)) {
                return false;
            }
        }
        // Solve the separator block, then the blocks, then the linear unknowns.
        if (!Dense.factor(t, m, tPivot)) {
            return false;
        }
        System.arraycopy(rhsP, nN, y, nN, m);
        Dense.solve(t, m, tPivot, y, nN);
        for (int k = 0; k < outerBlocks; k++) {
            double v = 0;
            int row = k * q + nN;
            for (int j = 0; j < m; j++) {
                v += s0[row + j] * y[nN + j];
            }
            y[k] -= v * pivotInverse[k];
        }
        for (int i = blockStart[outerBlocks]; i < nN; i++) {
            double v = y[i];
            int row = i * m;
            for (int j = 0; j < m; j++) {
                v -= xN[row + j] * y[nN + j];
            }
            y[i] = v;
        }
        for (int p = 0; p < q; p++) {
            if (!Double.isFinite(y[p])) {
                return false;
            }
            out[unknownOfP[p]] = y[p];
        }
        for (int i = 0; i < r; i++) {
            double v = zR.data[i];
            for (int e = wRowStart[i]; e < wRowStart[i + 1]; e++) {
                v -= wValue[e] * y[wCol[e]];
            }
            if (!Double.isFinite(v)) {
                return false;
            }
            out[unknownOfR[i]] = v;
        }
        return true;
    }

    private static double knownOnly(int ref, double[] known) {
        return ref <= -2 ? known[-2 - ref] : 0.0;
    }

    /**
     * Eliminates the single-unknown blocks: their pivots d_k = S0[k, k] + the junctions' conductances
     * into the right-hand side at once, and into {@link #tSingles} = S0[O, O] - sum_k S0[O, k] S0[k, O] / d_k
     * only where d_k changed since the last solve (bit for bit: a junction far from conducting
     * keeps its pivot, so the nudged phases and most samples change few or none). A full sum is
     * taken after a change of the linear values, when many pivots changed, and every
     * {@link #MAX_INCREMENTAL} incremental updates (so that their rounding does not accumulate).
     */
    private boolean eliminateSingles() {
        int changed = 0;
        for (int k = 0; k < outerBlocks; k++) {
            double d = s0[k * q + k] + diag[k];
            if (d == 0 || !Double.isFinite(d)) {
                return false;
            }
            double inv = 1.0 / d;
            pivotInverse[k] = inv;
            if (inv != tSinglesInverse[k]) {
                changed++;
            }
            double yk = rhsP[k] * inv;
            y[k] = yk;
            int c = k * m;
            for (int o = 0; o < m; o++) {
                rhsP[nN + o] -= column[c + o] * yk;
            }
        }
        int mm = m * m;
        if (!tSinglesValid || changed > outerBlocks / 4 || incrementalUpdates >= MAX_INCREMENTAL) {
            for (int i = 0; i < m; i++) {
                System.arraycopy(s0, (nN + i) * q + nN, tSingles, i * m, m);
            }
            for (int k = 0; k < outerBlocks; k++) {
                double inv = pivotInverse[k];
                int at = k * mm;
                for (int e = 0; e < mm; e++) {
                    tSingles[e] -= inv * outer[at + e];
                }
            }
            System.arraycopy(pivotInverse, 0, tSinglesInverse, 0, outerBlocks);
            tSinglesValid = true;
            incrementalUpdates = 0;
        } else if (changed > 0) {
            for (int k = 0; k < outerBlocks; k++) {
                double delta = pivotInverse[k] - tSinglesInverse[k];
                if (delta != 0) {
                    int at = k * mm;
                    for (int e = 0; e < mm; e++) {
                        tSingles[e] -= delta * outer[at + e];
                    }
                    tSinglesInverse[k] = pivotInverse[k];
                }
            }
            incrementalUpdates++;
            incrementalTotal++;
        }
        return true;
    }

    /**
     * Eliminates the block of {@code s} (more than one) unknowns at P index {@code at}: keeps block^-1 S0[block, O]
     * in {@link #xN} and block^-1 r in {@link #y}, subtracts S0[O, block] times them from the separator block and its
     * right-hand side.
     */
    private boolean eliminate(int at, int s, Diodes diodes) {
        for (int i = 0; i < s; i++) {
            System.arraycopy(s0, (at + i) * q + at, block, i * s, s);
            block[i * s + i] += diag[at + i];
        }
        for (int d : twoSided) {
            int p = junctionP[d] - at;
            int c = junctionC[d] - at;
            if (p >= 0 && p < s && c >= 0 && c < s) {
                block[p * s + c] -= diodes.gd0[d];
                block[c * s + p] -= diodes.gd0[d];
            }
        }
        if (!Dense.factor(block, s, blockPivot)) {
            return false;
        }
        for (int i = 0; i < s; i++) {
            System.arraycopy(s0, (at + i) * q + nN, xN, (at + i) * m, m);
            y[at + i] = rhsP[at + i];
        }
        Dense.solveColumns(block, s, blockPivot, xN, at, m);
        Dense.solve(block, s, blockPivot, y, at);
        for (int o = 0; o < m; o++) {
            int row = (nN + o) * q;
            int tRow = o * m;
            for (int i = 0; i < s; i++) {
                double c = s0[row + at + i];
                if (c != 0) {
                    int x = (at + i) * m;
                    for (int j = 0; j < m; j++) {
                        t[tRow + j] -= c * xN[x + j];
                    }
                    rhsP[nN + o] -= c * y[at + i];
                }
            }
        }
        return true;
    }

    /** Small dense LU with partial pivoting, in place, row-major. */
    static final class Dense {
        private Dense() {
        }

        static boolean factor(double[] a, int s, int[] pivot) {
            for (int k = 0; k < s; k++) {
                int best = k;
                double max = Math.abs(a[k * s + k]);
                for (int i = k + 1; i < s; i++) {
                    double v = Math.abs(a[i * s + k]);
                    if (v > max) {
                        max = v;
                        best = i;
                    }
                }
                pivot[k] = best;
                if (max == 0 || !Double.isFinite(max)) {
                    return false;
                }
                if (best != k) {
                    for (int j = 0; j < s; j++) {
                        double tmp = a[k * s + j];
                        a[k * s + j] = a[best * s + j];
                        a[best * s + j] = tmp;
                    }
                }
                double inv = 1.0 / a[k * s + k];
                for (int i = k + 1; i < s; i++) {
                    double f = a[i * s + k] * inv;
                    if (f != 0) {
                        a[i * s + k] = f;
                        for (int j = k + 1; j < s; j++) {
                            a[i * s + j] -= f * a[k * s + j];
                        }
                    } else {
                        a[i * s + k] = 0;
                    }
                }
            }
            return true;
        }

        /** Solves in place for the vector {@code b[at .. at+s-1]}. */
        static void solve(double[] lu, int s, int[] pivot, double[] b, int at) {
            for (int k = 0; k < s; k++) {
                int p = pivot[k];
                if (p != k) {
                    double tmp = b[at + k];
                    b[at + k] = b[at + p];
                    b[at + p] = tmp;
                }
            }
            for (int i = 1; i < s; i++) {
                double v = b[at + i];
                for (int j = 0; j < i; j++) {
                    v -= lu[i * s + j] * b[at + j];
                }
                b[at + i] = v;
            }
            for (int i = s - 1; i >= 0; i--) {
                double v = b[at + i];
                for (int j = i + 1; j < s; j++) {
                    v -= lu[i * s + j] * b[at + j];
                }
                b[at + i] = v / lu[i * s + i];
            }
        }

        /** Solves in place for the {@code cols} columns of the s x cols row-major block starting at row {@code at} of {@code b}. */
        static void solveColumns(double[] lu, int s, int[] pivot, double[] b, int at, int cols) {
            for (int k = 0; k < s; k++) {
                int p = pivot[k];
                if (p != k) {
                    for (int j = 0; j < cols; j++) {
                        double tmp = b[(at + k) * cols + j];
                        b[(at + k) * cols + j] = b[(at + p) * cols + j];
                        b[(at + p) * cols + j] = tmp;
                    }
                }
            }
            for (int i = 1; i < s; i++) {
                for (int k = 0; k < i; k++) {
                    double f = lu[i * s + k];
                    if (f != 0) {
                        for (int j = 0; j < cols; j++) {
                            b[(at + i) * cols + j] -= f * b[(at + k) * cols + j];
                        }
                    }
                }
            }
            for (int i = s - 1; i >= 0; i--) {
                for (int k = i + 1; k < s; k++) {
                    double f = lu[i * s + k];
                    if (f != 0) {
                        for (int j = 0; j < cols; j++) {
                            b[(at + i) * cols + j] -= f * b[(at + k) * cols + j];
                        }
                    }
                }
                double inv = 1.0 / lu[i * s + i];
                for (int j = 0; j < cols; j++) {
                    b[(at + i) * cols + j] *= inv;
                }
            }
        }
    }
}
