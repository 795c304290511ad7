package eqspice.simulate;

import java.util.List;
import java.util.Map;

/**
 * Phases in time: one transient analysis that starts from the DC operating point with the
 * {@code rest} source values, then holds phase k's values during (t_k, t_k + duration_k], each
 * phase starting from the state the one before left (no operating point in between). Phase k's
 * values may depend on the states at the ends of the phases before it (an EqProp nudged phase
 * injects currents computed from the free phase's outputs at its end), so the plan is asked for
 * them when the analysis reaches the phase.
 *
 * <p>At each phase's start the sources move linearly to their new values over {@code rise}
 * seconds, as a real driver's edge does. A true step would make trapezoidal integration ring:
 * a capacitor on a node an ideal source holds would carry a current of alternating sign at
 * every later step of the phase (measured: +-20 mA on a 1 pF input row after a 2 V step).
 *
 * @param rest      source values of the operating point at t = 0 (by source name; others keep theirs)
 * @param durations length of each phase (s), each &gt; 0
 * @param plan      values of phase k, given the states at the ends of phases 0 .. k-1
 * @param maxStep   the largest time step the analysis may take (s), &gt; 0
 * @param rise      how long the sources take to reach a phase's values (s), &gt; 0 and shorter than every phase
 */
public record TransientPlan(Map<String, Double> rest, List<Double> durations, PhasePlan plan, double maxStep,
                            double rise) {
    public TransientPlan {
        rest = Map.copyOf(rest);
        durations = List.copyOf(durations);
        if (durations.isEmpty()) {
            throw new IllegalArgumentException("a transient plan needs at least one phase");
        }
        for (double d : durations) {
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("phase durations must be finite and > 0, got " + d);
            }
        }
        if (!(maxStep > 0) || !Double.isFinite(maxStep)) {
            throw new IllegalArgumentException("the largest time step must be finite and > 0, got " + maxStep);
        }
        if (!(rise > 0) || !(rise < durations.stream().mapToDouble(Double::doubleValue).min().orElseThrow())) {
            throw new IllegalArgumentException("the sources' rise time must be > 0 and shorter than every phase, got "
                    + rise);
        }
        if (plan == null) {
            throw new IllegalArgumentException("a transient plan needs the phases' values");
        }
    }

    /** The start times of the phases and the end of the last: durations.size() + 1 values from 0. */
    public double[] boundaries() {
        double[] b = new double[durations.size() + 1];
        for (int k = 0; k < durations.size(); k++) {
            b[k + 1] = b[k] + durations.get(k);
        }
        return b;
    }
}
