package eqspice.task;

import java.util.Arrays;

/** One training example: input voltages {@code x} (V) and target outputs {@code y} (V). */
public record Sample(double[] x, double[] y) {
    public Sample {
        if (x == null || y == null || x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one input and one target value");
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sample input " + Arrays.toString(x) + " has a non-finite value");
            }
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sample target " + Arrays.toString(y) + " has a non-finite value");
            }
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && Arrays.equals(s.x, x) && Arrays.equals(s.y, y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Sample[x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y) + "]";
    }
}
