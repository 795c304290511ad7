package eqspice.eqprop;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one line {@code eqspice gradcheck} ends with: is EqProp's estimate the gradient, the gradient
 * rescaled per layer (what Kendall's amplifier pair does: a descent direction that per-layer learning
 * rates undo), or neither. Judged on the row closest to the gradient (highest cosine), so that a beta
 * too large or too small for the solver does not hide a good setting.
 */
public final class GradientVerdict {
    /** Cosine from which the estimate counts as the gradient (with {@link #EXACT_ERROR}). */
    static final double EXACT_COSINE = 0.9999;
    static final double EXACT_ERROR = 1e-2;
    /** Largest per-layer ratio spread (max |r/median - 1|) of a fixed per-layer rescaling. */
    static final double FIXED_SCALE = 1e-3;

    private GradientVerdict() {
    }

    private static double worstSpread(GradientCheck.Row r) {
        return r.layers().stream().mapToDouble(l -> Double.isFinite(l.spread()) ? l.spread() : Double.POSITIVE_INFINITY)
                .max().orElse(Double.POSITIVE_INFINITY);
    }

    /** The verdict over the rows of a check; {@code scaling} is the experiment's layer scaling. */
    public static String of(List<GradientCheck.Row> rows, LayerScaling scaling) {
        GradientCheck.Row best = rows.stream().filter(r -> Double.isFinite(r.cosine()))
                .max(Comparator.comparingDouble(GradientCheck.Row::cosine)).orElse(null);
        if (best == null) {
            return "verdict: no comparison: every row failed (see the failed samples above)";
        }
        String at = String.format(Locale.ROOT, "%s estimator, beta %.1e S", best.estimator().id(), best.beta());
        if (best.cosine() >= EXACT_COSINE && best.relativeError() <= EXACT_ERROR) {
            return String.format(Locale.ROOT, "verdict: the estimate is the gradient (cosine %.6f, relative error "
                    + "%.1e at %s)", best.cosine(), best.relativeError(), at);
        }
        // a fixed per-layer rescaling shows best where the finite-beta bias is smallest: the row whose layers
        // agree most within themselves
        GradientCheck.Row steadiest = rows.stream().filter(r -> !r.layers().isEmpty())
                .min(Comparator.comparingDouble(GradientVerdict::worstSpread)).orElse(null);
        if (steadiest != null && worstSpread(steadiest) <= FIXED_SCALE) {
            String scales = steadiest.layers().stream().map(l -> String.format(Locale.ROOT, "L%d x%.4g", l.layer(),
                    l.median())).collect(Collectors.joining(", "));
            return "verdict: the estimate is the gradient rescaled per layer (" + scales + String.format(Locale.ROOT,
                    " at %s estimator, beta %.1e S", steadiest.estimator().id(), steadiest.beta())
                    + "): a descent direction, but the layers learn at different rates"
                    + (scaling == LayerScaling.NONE ? "; training.layer_scaling: compensate undoes it" : "");
        }
        return String.format(Locale.ROOT, "verdict: the estimate is not the gradient: at best cosine %.4f, relative "
                + "error %.3g (%s), and no fixed per-layer scale explains it", best.cosine(), best.relativeError(), at);
    }
}
