package eqspice.eqprop;

import eqspice.network.ConductanceBounds;
import eqspice.network.ConductanceMatrix;
import eqspice.network.LayeredNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The learning rule g &lt;- clip(g - alpha * estimate, g_min, g_max), or its device version
 * ({@link Programming}: asymmetric, noisy, quantised steps), applied to a whole
 * network from a flat gradient (layer by layer, row-major: the order of
 * {@link eqspice.network.CrossbarLayout#conductors()}).
 */
public final class ConductanceUpdate {
    private ConductanceUpdate() {
    }

    /** Returns the updated network; {@code alpha} must be finite and &gt;= 0. */
    public static LayeredNetwork apply(LayeredNetwork network, double[] gradient, double alpha) {
        return apply(network, gradient, alpha, Programming.IDEAL, null);
    }

    /**
     * Returns the network after programming every device with its step as {@code programming}
     * says; {@code rng} supplies the write noise (may be null when the programming has none).
     */
    public static LayeredNetwork apply(LayeredNetwork network, double[] gradient, double alpha, Programming programming,
                                       RandomGenerator rng) {
        if (programming.noise() > 0 && rng == null) {
            throw new IllegalArgumentException("noisy programming needs a random generator");
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number >= 0, got " + alpha);
        }
        if (gradient.length != network.spec().conductanceCount()) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " entries, network has "
                    + network.spec().conductanceCount() + " conductances");
        }
        ConductanceBounds bounds = network.spec().bounds();
        List<ConductanceMatrix> next = new ArrayList<>();
        int at = 0;
        for (ConductanceMatrix m : network.weights()) {
            double[] g = m.toArray();
            for (int k = 0; k < g.length; k++, at++) {
                double step = -alpha * gradient[at];
                // A NaN estimate (a phase that produced garbage) must not poison the weights.
                if (!Double.isFinite(step)) {
                    continue;
                }
                if (!programming.ideal()) {
                    step *= step > 0 ? programming.potentiation() : programming.depression();
                    if (programming.noise() > 0) {
                        step *= 1 + programming.noise() * rng.nextGaussian();
                    }
                }
                g[k] = quantise(bounds.clip(g[k] + step), bounds, programming.levels());
            }
            next.add(ConductanceMatrix.of(m.rows(), m.columns(), g));
        }
        return network.withWeights(next);
    }

    /** The nearest of {@code levels} evenly spaced conductances in the bounds (unchanged for 0 levels). */
    static double quantise(double g, ConductanceBounds bounds, int levels) {
        if (levels == 0) {
            return g;
        }
        double delta = (bounds.gMax() - bounds.gMin()) / (levels - 1);
        long n = Math.round((g - bounds.gMin()) / delta);
        return Math.min(bounds.gMax(), bounds.gMin() + n * delta);
    }

    /**
     * A running element-wise sum of gradients whose {@link #mean} is {@link ConductanceUpdate#mean}'s
     * bit for bit (the same additions in the same order): a mini-batch adds each sample's gradient
     * as soon as it is computed, while it is still in the cache, instead of keeping 50 arrays of
     * 159k values (at 784x2-100-10) and reading them all back afterwards.
     */
    public static final class Sum {
        private double[] sum;
        private int count;

        public void add(double[] gradient) {
            if (sum == null) {
                sum = new double[gradient.length];
            } else if (gradient.length != sum.length) {
                throw new IllegalArgumentException("gradient of " + gradient.length + " values added to a sum of "
                        + sum.length);
            }
            for (int k = 0; k < sum.length; k++) {
                sum[k] += gradient[k];
            }
            count++;
        }

        /** How many gradients were added. */
        public int count() {
            return count;
        }

        /** The mean of the gradients added. */
        public double[] mean() {
            if (count == 0) {
                throw new IllegalArgumentException("no gradients to average");
            }
            double[] m = sum.clone();
            for (int k = 0; k < m.length; k++) {
                m[k] /= count;
            }
            return m;
        }
    }

    /** Element-wise mean of several gradients (mini-batch). */
    public static double[] mean(List<double[]> gradients) {
        if (gradients.isEmpty()) {
            throw new IllegalArgumentException("no gradients to average");
        }
        double[] sum = new double[gradients.get(0).length];
        for (double[] g : gradients) {
            for (int k = 0; k < sum.length; k++) {
                sum[k] += g[k];
            }
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= gradients.size();
        }
        return sum;
    }
}
