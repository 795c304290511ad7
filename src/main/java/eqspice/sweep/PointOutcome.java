package eqspice.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one sweep point ended.
 *
 * @param id               the point's id
 * @param status           {@code ok} (the run finished; it may still have failed phases), {@code failed}, or
 *                         {@code unfinished}: the point could not write its results (a full disk, a read-only
 *                         folder); that is not a result, so it never reaches points.csv and the point runs again
 * @param initialLoss      loss of the first epoch (V^2), NaN when failed
 * @param finalLoss        loss of the last epoch (V^2), NaN when failed
 * @param converged        the last epoch met the task's convergence rule ({@link eqspice.train.Convergence})
 * @param epochsToConverge first epoch meeting the loss criterion, -1 if none
 * @param failedPhases     phases that did not solve over the run
 * @param seconds          wall time of the point
 * @param worker           the worker that ran it
 * @param reason           why it failed, or the first failed phase's reason, or empty
 * @param recovery         phases solved only by a recovery rung, e.g. {@code gmin:2}, or empty
 * @param study            the study's cells by column (outcome, mechanisms), empty without a {@code study:} section
 */
public record PointOutcome(String id, String status, double initialLoss, double finalLoss, boolean converged,
                           int epochsToConverge, int failedPhases, double seconds, int worker, String reason,
                           String recovery, Map<String, String> study) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String UNFINISHED = "unfinished";

    public PointOutcome {
        if (!OK.equals(status) && !FAILED.equals(status) && !UNFINISHED.equals(status)) {
            throw new IllegalArgumentException("status must be ok, failed or unfinished, got " + status);
        }
        reason = reason == null ? "" : reason.replace('\n', ' ').replace('\r', ' ');
        recovery = recovery == null ? "" : recovery;
        study = study == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(study));
    }

    /** An outcome without study cells. */
    public PointOutcome(String id, String status, double initialLoss, double finalLoss, boolean converged,
                        int epochsToConverge, int failedPhases, double seconds, int worker, String reason,
                        String recovery) {
        this(id, status, initialLoss, finalLoss, converged, epochsToConverge, failedPhases, seconds, worker, reason,
                recovery, Map.of());
    }

    /** This outcome with the study's cells. */
    public PointOutcome withStudy(Map<String, String> cells) {
        return new PointOutcome(id, status, initialLoss, finalLoss, converged, epochsToConverge, failedPhases, seconds,
                worker, reason, recovery, cells);
    }

    /** A point that did not produce a result. */
    public static PointOutcome failed(String id, int worker, double seconds, String reason) {
        return new PointOutcome(id, FAILED, Double.NaN, Double.NaN, false, -1, 0, seconds, worker, reason, "");
    }

    /** A point stopped by a failure of the machine's storage: no result, it runs again. */
    public static PointOutcome unfinished(String id, int worker, double seconds, String reason) {
        return new PointOutcome(id, UNFINISHED, Double.NaN, Double.NaN, false, -1, 0, seconds, worker, reason, "");
    }

    /** Whether this outcome is a result (ok or failed) that belongs in the table. */
    public boolean finished() {
        return !UNFINISHED.equals(status);
    }
}
