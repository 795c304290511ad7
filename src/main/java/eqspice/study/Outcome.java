package eqspice.study;

import eqspice.network.ConductanceBounds;
import eqspice.network.ConductanceMatrix;
import eqspice.train.EpochMetrics;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.util.List;
import java.util.Locale;

/**
 * How a run ended, by rules fixed in advance and applied in this order (the first that holds
 * wins; docs/studies.md states them):
 * <ol>
 *   <li>{@link #NON_FINITE}: the final loss is NaN or infinite;</li>
 *   <li>{@link #SOLVER_FAILED}: the run threw a simulation error, or phases failed in its last epoch;</li>
 *   <li>{@link #CONVERGED}: the experiment's criterion (final loss &lt;= converged_loss, no failed phase in the last epoch);</li>
 *   <li>{@link #CLIPPED_DEAD}: every conductance of the output crossbar is at g_min or g_max at the end;</li>
 *   <li>{@link #DIVERGED}: the final loss is above the first epoch's;</li>
 *   <li>{@link #OSCILLATING}: over the last quarter of the epochs (at least 4), the loss changes direction at
 *       at least half of the steps and its range there exceeds 10 % of its smallest value;</li>
 *   <li>{@link #STALLED}: otherwise (the loss fell, but not to the criterion).</li>
 * </ol>
 */
public enum Outcome {
    CONVERGED, STALLED, DIVERGED, OSCILLATING, CLIPPED_DEAD, SOLVER_FAILED, NON_FINITE;

    /** Relative distance from a bound within which a conductance counts as at the bound. */
    public static final double AT_BOUND = 1e-9;

    /** The name in points.csv: lower case, with a dash. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The outcome of a finished run. */
    public static Outcome of(TrainingConfig cfg, TrainingResult r) {
        List<EpochMetrics> h = r.epochs();
        double last = r.finalLoss();
        if (!Double.isFinite(last)) {
            return NON_FINITE;
        }
        if (h.get(h.size() - 1).failedPhases() > 0) {
            return SOLVER_FAILED;
        }
        if (r.converged()) {
            return CONVERGED;
        }
        List<ConductanceMatrix> w = r.finalNetwork().weights();
        if (atBoundShare(w.get(w.size() - 1), cfg.spec().bounds(), true)
                + atBoundShare(w.get(w.size() - 1), cfg.spec().bounds(), false) >= 1.0) {
            return CLIPPED_DEAD;
        }
        if (last > r.initialLoss()) {
            return DIVERGED;
        }
        if (oscillates(h.stream().mapToDouble(EpochMetrics::loss).toArray())) {
            return OSCILLATING;
        }
        return STALLED;
    }

    /** Share of a crossbar's conductances at g_min ({@code low}) or at g_max. */
    public static double atBoundShare(ConductanceMatrix m, ConductanceBounds bounds, boolean low) {
        double[] g = m.toArray();
        int n = 0;
        for (double v : g) {
            if (low ? v <= bounds.gMin() * (1 + AT_BOUND) : v >= bounds.gMax() * (1 - AT_BOUND)) {
                n++;
            }
        }
        return (double) n / g.length;
    }

    /** The oscillation rule on a loss history (see the class comment). */
    static boolean oscillates(double[] loss) {
        int window = loss.length / 4;
        if (window < 4) {
            return false;
        }
        int from = loss.length - window;
        int turns = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = from; k < loss.length; k++) {
            lo = Math.min(lo, loss[k]);
            hi = Math.max(hi, loss[k]);
            if (k >= from + 2 && Math.signum(loss[k] - loss[k - 1]) * Math.signum(loss[k - 1] - loss[k - 2]) < 0) {
                turns++;
            }
        }
        return turns * 2 >= window - 2 && hi - lo > 0.1 * lo;
    }
}
