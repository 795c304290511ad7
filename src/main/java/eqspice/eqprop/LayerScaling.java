package eqspice.eqprop;

import eqspice.network.Amplifier;
import eqspice.network.NetworkSpec;
import java.util.Locale;

/**
 * How each weight layer's estimate is scaled before the update ({@code training.layer_scaling}).
 *
 * <p>With an amplifier pair of forward gain A and backward gain b after every hidden node, the
 * EqProp estimate of a layer k amplifier stages upstream of the output is (b/A)^k times the true
 * gradient, exactly (DESIGN.md, "What Kendall's pair does to the gradient"): the nudge reaches the
 * layer through k backward CCCSs (each b) while the loss sees it through k forward VCVSs (each A).
 * {@link #COMPENSATE} multiplies that layer's estimate by (A/b)^k, which turns the estimate back
 * into the gradient (per-layer learning rates alpha (A/b)^k). For the power-conserving pair
 * (b = A) and for networks without amplifiers every factor is 1, so both choices are the same.
 */
public enum LayerScaling {
    /** The estimate as the circuit gives it. */
    NONE,
    /** Each layer's estimate times (A/b)^k, k = amplifier stages between the layer and the output. */
    COMPENSATE;

    /** The name in experiment files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code none} or {@code compensate}.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static LayerScaling parse(String text) {
        for (LayerScaling s : values()) {
            if (s.id().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a layer scaling; use none or compensate");
    }

    /**
     * The factor of weight layer {@code layer} (0 = the input crossbar): (A/b)^k with
     * k = hidden layers after it, or 1 for {@link #NONE} and networks without amplifiers.
     */
    public double factor(NetworkSpec spec, int layer) {
        if (layer < 0 || layer >= spec.weightLayers()) {
            throw new IllegalArgumentException("weight layer " + layer + " does not exist (0.."
                    + (spec.weightLayers() - 1) + ")");
        }
        if (this == NONE || spec.amplifier().isEmpty()) {
            return 1.0;
        }
        Amplifier a = spec.amplifier().get();
        int stages = spec.weightLayers() - 1 - layer;
        return Math.pow(a.forwardGain() / a.backwardGain(), stages);
    }

    /**
     * The expected ratio estimate / true gradient of weight layer {@code layer} under this scaling:
     * (b/A)^k for {@link #NONE}, 1 for {@link #COMPENSATE}.
     */
    public static double expectedRatio(NetworkSpec spec, int layer, LayerScaling scaling) {
        return scaling.factor(spec, layer) / COMPENSATE.factor(spec, layer);
    }

    /**
     * A copy of a flat gradient (layer by layer, row-major, as {@link eqspice.network.CrossbarLayout#conductors()})
     * with every layer multiplied by its factor; the same array when every factor is 1.
     */
    public double[] apply(NetworkSpec spec, double[] gradient) {
        if (gradient.length != spec.conductanceCount()) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " entries, network has "
                    + spec.conductanceCount() + " conductances");
        }
        if (this == NONE || spec.amplifier().isEmpty()) {
            return gradient;
        }
        double[] scaled = gradient.clone();
        int at = 0;
        for (int l = 0; l < spec.weightLayers(); l++) {
            double f = factor(spec, l);
            int n = spec.rows(l) * spec.columns(l);
            for (int k = 0; k < n; k++, at++) {
                scaled[at] *= f;
            }
        }
        return scaled;
    }
}
