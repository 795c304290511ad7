package eqspice.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch did.
 *
 * @param epoch           1-based epoch number
 * @param loss            mean free-phase loss over the samples solved in this epoch (V^2), NaN if none solved
 * @param meanAbsError    mean |y - o| over samples and outputs (V)
 * @param correctFraction fraction of solved samples whose every output is within the task's tolerance
 * @param failedPhases    phases that did not solve (their samples were skipped)
 * @param updates         conductance updates applied
 * @param gMin            smallest conductance after the epoch (S)
 * @param gMax            largest conductance after the epoch (S)
 * @param seconds         wall time of the epoch
 * @param recoveredPhases phases solved only by a rung of the simulator's recovery ladder
 * @param diagnostics     extra named values, in column order: a classification's accuracies ({@link Accuracy#COLUMNS})
 *                        and what an {@link EpochProbe} measured after the epoch
 */
public record EpochMetrics(int epoch, double loss, double meanAbsError, double correctFraction, int failedPhases,
                           int updates, double gMin, double gMax, double seconds, int recoveredPhases,
                           Map<String, Double> diagnostics) {
    public EpochMetrics {
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** An epoch without diagnostics. */
    public EpochMetrics(int epoch, double loss, double meanAbsError, double correctFraction, int failedPhases,
                        int updates, double gMin, double gMax, double seconds) {
        this(epoch, loss, meanAbsError, correctFraction, failedPhases, updates, gMin, gMax, seconds, 0, Map.of());
    }

    /** The same epoch with more named values added (after the ones it has; a name given again is replaced). */
    public EpochMetrics withDiagnostics(Map<String, Double> values) {
        Map<String, Double> all = new LinkedHashMap<>(diagnostics);
        all.putAll(values);
        return new EpochMetrics(epoch, loss, meanAbsError, correctFraction, failedPhases, updates, gMin, gMax, seconds,
                recoveredPhases, all);
    }

    /** True when both epochs report the same figures to the last bit, whatever their numbers and wall times. */
    public boolean sameOutcome(EpochMetrics o) {
        return Double.compare(loss, o.loss) == 0 && Double.compare(meanAbsError, o.meanAbsError) == 0
                && Double.compare(correctFraction, o.correctFraction) == 0 && failedPhases == o.failedPhases
                && updates == o.updates && Double.compare(gMin, o.gMin) == 0 && Double.compare(gMax, o.gMax) == 0
                && recoveredPhases == o.recoveredPhases && diagnostics.equals(o.diagnostics);
    }

    /** The same figures as another epoch, e.g. one that only repeats this one. */
    public EpochMetrics asEpoch(int number, double wallSeconds) {
        return new EpochMetrics(number, loss, meanAbsError, correctFraction, failedPhases, updates, gMin, gMax,
                wallSeconds, recoveredPhases, diagnostics);
    }

    /** The same epoch with its count of recovered phases. */
    public EpochMetrics withRecovered(int count) {
        return new EpochMetrics(epoch, loss, meanAbsError, correctFraction, failedPhases, updates, gMin, gMax, seconds,
                count, diagnostics);
    }
}
