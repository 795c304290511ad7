package eqspice.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected network with the crossbar's layer sizes (inputs, hidden..., outputs), a
 * bias per unit, {@link SoftClip} on hidden units and linear outputs, trained by plain
 * backpropagation on the cost C = 1/2 sum (y - o)^2 (the circuit's cost). Weights start
 * uniform in +-1/sqrt(fan-in) from a seeded generator.
 */
public final class Mlp {
    private final int[] sizes;
    private final SoftClip activation;
    /** w[l][j][i]: weight from unit i of layer l (i == fan-in: the bias) to unit j of layer l + 1. */
    private final double[][][] w;

    public Mlp(int inputs, List<Integer> hidden, int outputs, SoftClip activation, long seed) {
        List<Integer> s = new ArrayList<>();
        s.add(inputs);
        s.addAll(hidden);
        s.add(outputs);
        for (int n : s) {
            if (n < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1, got " + s);
            }
        }
        this.sizes = s.stream().mapToInt(Integer::intValue).toArray();
        this.activation = activation;
        SplittableRandom rng = new SplittableRandom(seed);
        w = new double[sizes.length - 1][][];
        for (int l = 0; l < w.length; l++) {
            double r = 1 / Math.sqrt(sizes[l]);
            w[l] = new double[sizes[l + 1]][sizes[l] + 1];
            for (double[] row : w[l]) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (2 * rng.nextDouble() - 1) * r;
                }
            }
        }
    }

    /** The outputs for input {@code x}. */
    public double[] predict(double[] x) {
        double[][][] acts = forward(x);
        return acts[0][sizes.length - 1];
    }

    /** Pre-activations [1][layer] and activations [0][layer] of every layer. */
    private double[][][] forward(double[] x) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("input has " + x.length + " values, the network " + sizes[0]);
        }
        double[][] a = new double[sizes.length][];
        double[][] z = new double[sizes.length][];
        a[0] = x;
        for (int l = 0; l < w.length; l++) {
            int n = sizes[l];
            z[l + 1] = new double[sizes[l + 1]];
            a[l + 1] = new double[sizes[l + 1]];
            boolean last = l == w.length - 1;
            for (int j = 0; j < z[l + 1].length; j++) {
                double[] row = w[l][j];
                double sum = row[n];
                for (int i = 0; i < n; i++) {
                    sum += row[i] * a[l][i];
                }
                z[l + 1][j] = sum;
                a[l + 1][j] = last ? sum : activation.value(sum);
            }
        }
        return new double[][][] {a, z};
    }

    /**
     * Adds the gradient of C for one sample to {@code grad} (shaped like the weights, see
     * {@link #zeroGradient()}) and returns the sample's outputs.
     */
    public double[] accumulate(double[] x, double[] y, double[][][] grad) {
        double[][][] f = forward(x);
        double[][] a = f[0];
        double[][] z = f[1];
        int top = sizes.length - 1;
        double[] delta = new double[sizes[top]];
        for (int k = 0; k < delta.length; k++) {
            delta[k] = a[top][k] - y[k]; // dC/do
        }
        for (int l = w.length - 1; l >= 0; l--) {
            int n = sizes[l];
            double[] below = new double[n];
            for (int j = 0; j < delta.length; j++) {
                double[] row = w[l][j];
                double[] g = grad[l][j];
                for (int i = 0; i < n; i++) {
                    g[i] += delta[j] * a[l][i];
                    below[i] += delta[j] * row[i];
                }
                g[n] += delta[j];
            }
            if (l > 0) {
                for (int i = 0; i < n; i++) {
                    below[i] *= activation.derivative(z[l][i]);
                }
            }
            delta = below;
        }
        return a[top];
    }

    /** A zero gradient shaped like the weights. */
    public double[][][] zeroGradient() {
        double[][][] g = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            g[l] = new double[w[l].length][w[l][0].length];
        }
        return g;
    }

    /** w -= rate * grad / count. */
    public void step(double[][][] grad, double rate, int count) {
        double f = rate / count;
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < w[l].length; j++) {
                for (int i = 0; i < w[l][j].length; i++) {
                    w[l][j][i] -= f * grad[l][j][i];
                }
            }
        }
    }

    /** Number of weights (biases included). */
    public int parameters() {
        int n = 0;
        for (double[][] m : w) {
            n += m.length * m[0].length;
        }
        return n;
    }
}
