package eqspice.data;

import eqspice.task.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * How a classification sample becomes circuit voltages. Each feature is mapped linearly from its
 * raw range [lo, hi] onto [inputLow, inputHigh] volts (values outside the raw range are clipped
 * to it); the target of output k is {@code targetHigh} volts on V+ - V- for the sample's class and
 * {@code targetLow} for every other class, so the prediction is the class with the largest V+ - V-.
 *
 * @param inputLow   voltage of a feature at the low end of its raw range (V)
 * @param inputHigh  voltage of a feature at the high end (V), above inputLow
 * @param targetHigh target of the right class's output (V)
 * @param targetLow  target of every other output (V), below targetHigh
 */
public record Encoding(double inputLow, double inputHigh, double targetHigh, double targetLow) {
    public Encoding {
        if (!Double.isFinite(inputLow) || !Double.isFinite(inputHigh) || !(inputLow < inputHigh)) {
            throw new IllegalArgumentException("input range [" + inputLow + ", " + inputHigh
                    + "] V must be two finite voltages, low < high");
        }
        if (!Double.isFinite(targetHigh) || !Double.isFinite(targetLow) || !(targetLow < targetHigh)) {
            throw new IllegalArgumentException("targets must be finite voltages with target_low (" + targetLow
                    + " V) below target_high (" + targetHigh + " V)");
        }
    }

    /** One raw range per feature. */
    public record Ranges(double[] low, double[] high) {
        /** The same range [lo, hi] for all {@code width} features (grey levels). */
        public static Ranges uniform(int width, double lo, double hi) {
            double[] l = new double[width];
            double[] h = new double[width];
            java.util.Arrays.fill(l, lo);
            java.util.Arrays.fill(h, hi);
            return new Ranges(l, h);
        }

        /** Each feature's minimum and maximum over {@code d} (Iris: measured on the training part only). */
        public static Ranges of(LabeledData d) {
            double[] l = new double[d.width()];
            double[] h = new double[d.width()];
            java.util.Arrays.fill(l, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(h, Double.NEGATIVE_INFINITY);
            for (double[] row : d.features()) {
                for (int k = 0; k < row.length; k++) {
                    l[k] = Math.min(l[k], row[k]);
                    h[k] = Math.max(h[k], row[k]);
                }
            }
            return new Ranges(l, h);
        }
    }

    /** The voltage of raw value {@code v} of a feature whose range is [lo, hi] (a constant feature maps to the middle). */
    public double input(double v, double lo, double hi) {
        if (!(hi > lo)) {
            return (inputLow + inputHigh) / 2;
        }
        double t = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
        return inputLow + t * (inputHigh - inputLow);
    }

    /** The target vector of class {@code label} out of {@code classes}. */
    public double[] target(int label, int classes) {
        double[] y = new double[classes];
        java.util.Arrays.fill(y, targetLow);
        y[label] = targetHigh;
        return y;
    }

    /** Every sample of {@code d}, encoded with the raw ranges {@code r}. */
    public List<Sample> samples(LabeledData d, Ranges r) {
        if (r.low().length != d.width()) {
            throw new IllegalArgumentException(d.name() + " has " + d.width() + " features, the ranges " + r.low().length);
        }
        List<Sample> out = new ArrayList<>(d.size());
        for (int k = 0; k < d.size(); k++) {
            double[] raw = d.features()[k];
            double[] x = new double[raw.length];
            for (int f = 0; f < raw.length; f++) {
                x[f] = input(raw[f], r.low()[f], r.high()[f]);
            }
            out.add(new Sample(x, target(d.labels()[k], d.classes())));
        }
        return out;
    }
}
