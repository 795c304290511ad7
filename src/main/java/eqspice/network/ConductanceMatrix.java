package eqspice.network;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The conductances of one crossbar, in siemens: {@code rows x columns}, row = source node,
 * column = target node. Immutable; changes return a new matrix.
 */
public final class ConductanceMatrix {
    private final int rows;
    private final int columns;
    private final double[] g;

    private ConductanceMatrix(int rows, int columns, double[] g) {
        this.rows = rows;
        this.columns = columns;
        this.g = g;
    }

    /**
     * A matrix from row-major values.
     *
     * @throws IllegalArgumentException when a value is not finite or not positive, or the size is wrong
     */
    public static ConductanceMatrix of(int rows, int columns, double[] rowMajor) {
        if (rows < 1 || columns < 1 || rowMajor.length != rows * columns) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " conductance matrix needs "
                    + rows * columns + " values, got " + rowMajor.length);
        }
        for (int k = 0; k < rowMajor.length; k++) {
            if (!(rowMajor[k] > 0) || !Double.isFinite(rowMajor[k])) {
                throw new IllegalArgumentException("conductance (" + k / columns + "," + k % columns
                        + ") must be a finite positive number of siemens, got " + rowMajor[k]);
            }
        }
        return new ConductanceMatrix(rows, columns, rowMajor.clone());
    }

    /** A matrix with every entry equal to {@code value}. */
    public static ConductanceMatrix filled(int rows, int columns, double value) {
        double[] v = new double[rows * columns];
        Arrays.fill(v, value);
        return of(rows, columns, v);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Conductance at (row i, column j). */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= columns) {
            throw new IndexOutOfBoundsException("(" + i + "," + j + ") outside " + rows + "x" + columns);
        }
        return g[i * columns + j];
    }

    /** A copy of the values, row-major. */
    public double[] toArray() {
        return g.clone();
    }

    /** A copy with one entry changed. */
    public ConductanceMatrix with(int i, int j, double value) {
        double[] copy = g.clone();
        get(i, j);
        copy[i * columns + j] = value;
        return of(rows, columns, copy);
    }

    /** A copy with {@code f} applied to every entry. */
    public ConductanceMatrix map(DoubleUnaryOperator f) {
        double[] copy = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            copy[k] = f.applyAsDouble(g[k]);
        }
        return of(rows, columns, copy);
    }

    /** Smallest entry. */
    public double min() {
        return Arrays.stream(g).min().orElseThrow();
    }

    /** Largest entry. */
    public double max() {
        return Arrays.stream(g).max().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConductanceMatrix m && m.rows == rows && m.columns == columns && Arrays.equals(m.g, g);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(g);
    }

    @Override
    public String toString() {
        return "ConductanceMatrix[" + rows + "x" + columns + "]";
    }
}
