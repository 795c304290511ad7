package eqspice.eqprop;

import eqspice.network.ConductanceBounds;
import eqspice.network.ConductanceMatrix;
import eqspice.network.LayeredNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning rule g &lt;- clip(g - alpha * estimate, g_min, g_max), applied to a whole
 * network from a flat gradient (layer by layer, row-major: the order of
 * {@link eqspice.network.CrossbarLayout#conductors()}).
 */
public final class ConductanceUpdate {
    private ConductanceUpdate() {
    }

    /** Returns the updated network; {@code alpha} must be finite and &gt;= 0. */
    public static LayeredNetwork apply(LayeredNetwork network, double[] gradient, double alpha) {
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
                double step = alpha * gradient[at];
                // A NaN estimate (a phase that produced garbage) must not poison the weights.
                g[k] = Double.isFinite(step) ? bounds.clip(g[k] - step) : g[k];
            }
            next.add(ConductanceMatrix.of(m.rows(), m.columns(), g));
        }
        return network.withWeights(next);
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
