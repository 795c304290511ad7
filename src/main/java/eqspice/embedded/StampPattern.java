package eqspice.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The fixed sparsity pattern of a circuit's Jacobian. Elements ask for the positions they
 * stamp once, when the circuit is compiled, and get slot numbers; every Newton iteration then
 * writes values straight into the slots of one compressed-column matrix, with no search and
 * no allocation.
 *
 * <p>Unknowns are renumbered by ascending degree before the matrix is laid out: a static
 * fill-reducing order. In a crossbar it puts the output nodes (coupled to every node of the
 * layer below) last, so eliminating the hidden units fills only the small output block.
 */
final class StampPattern {
    private final int size;
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private final List<int[]> positions = new ArrayList<>();
    private int[] nzOfSlot;
    private int[] order;     // unknown -> position in the laid-out matrix
    private DMatrixSparseCSC matrix;

    StampPattern(int size) {
        this.size = size;
        for (int u = 0; u < size; u++) {
            slot(u, u); // every unknown has a diagonal entry, even a branch current's structural zero
        }
    }

    /** The slot of (row, col), or -1 when either is not an unknown (ground or a known node). */
    int slot(int row, int col) {
        if (row < 0 || col < 0) {
            return -1;
        }
        long key = (long) row * size + col;
        Integer s = slotOf.get(key);
        if (s == null) {
            s = positions.size();
            slotOf.put(key, s);
            positions.add(new int[] {row, col});
        }
        return s;
    }

    /** Lays the matrix out; after this, slots are final and {@link #nz} maps them into its values. */
    void freeze() {
        int[] degree = new int[size];
        for (int[] p : positions) {
            if (p[0] != p[1]) {
                degree[p[0]]++;
                degree[p[1]]++;
            }
        }
        Integer[] byDegree = new Integer[size];
        for (int u = 0; u < size; u++) {
            byDegree[u] = u;
        }
        Arrays.sort(byDegree, (a, b) -> degree[a] != degree[b] ? Integer.compare(degree[a], degree[b])
                : Integer.compare(a, b));
        order = new int[size];
        for (int k = 0; k < size; k++) {
            order[byDegree[k]] = k;
        }
        int nnz = positions.size();
        Integer[] bySlot = new Integer[nnz];
        for (int s = 0; s < nnz; s++) {
            bySlot[s] = s;
        }
        Arrays.sort(bySlot, (a, b) -> {
            int[] pa = positions.get(a);
            int[] pb = positions.get(b);
            int c = Integer.compare(order[pa[1]], order[pb[1]]);
            return c != 0 ? c : Integer.compare(order[pa[0]], order[pb[0]]);
        });
        matrix = new DMatrixSparseCSC(size, size, nnz);
        nzOfSlot = new int[nnz];
        for (int k = 0; k < nnz; k++) {
            int[] p = positions.get(bySlot[k]);
            nzOfSlot[bySlot[k]] = k;
            matrix.nz_rows[k] = order[p[0]];
            matrix.col_idx[order[p[1]] + 1]++;
        }
        for (int c = 0; c < size; c++) {
            matrix.col_idx[c + 1] += matrix.col_idx[c];
        }
        matrix.nz_length = nnz;
        matrix.indicesSorted = true;
        slotOf.clear();
    }

    /** The index into the matrix's values of a slot, or -1 for -1. */
    int nz(int slot) {
        return slot < 0 ? -1 : nzOfSlot[slot];
    }

    /** Position of unknown {@code u} in the laid-out matrix (rows and columns alike). */
    int position(int u) {
        return order[u];
    }

    int nonZeros() {
        return nzOfSlot.length;
    }

    /** The laid-out matrix; its values are the caller's to fill. */
    DMatrixSparseCSC matrix() {
        return matrix;
    }
}
