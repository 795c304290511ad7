package eqspice.sweep;

/**
 * How one sweep point ended.
 *
 * @param id               the point's id
 * @param status           {@code ok} (the run finished; it may still have failed phases) or {@code failed}
 * @param initialLoss      loss of the first epoch (V^2), NaN when failed
 * @param finalLoss        loss of the last epoch (V^2), NaN when failed
 * @param converged        the last epoch met the task's convergence rule ({@link eqspice.train.Convergence})
 * @param epochsToConverge first epoch meeting the loss criterion, -1 if none
 * @param failedPhases     phases that did not solve over the run
 * @param seconds          wall time of the point
 * @param worker           the worker that ran it
 * @param reason           why it failed, or the first failed phase's reason, or empty
 * @param recovery         phases solved only by a recovery rung, e.g. {@code gmin:2}, or empty
 */
public record PointOutcome(String id, String status, double initialLoss, double finalLoss, boolean converged,
                           int epochsToConverge, int failedPhases, double seconds, int worker, String reason,
                           String recovery) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public PointOutcome {
        if (!OK.equals(status) && !FAILED.equals(status)) {
            throw new IllegalArgumentException("status must be ok or failed, got " + status);
        }
        reason = reason == null ? "" : reason.replace('\n', ' ').replace('\r', ' ');
        recovery = recovery == null ? "" : recovery;
    }

    /** A point that did not produce a result. */
    public static PointOutcome failed(String id, int worker, double seconds, String reason) {
        return new PointOutcome(id, FAILED, Double.NaN, Double.NaN, false, -1, 0, seconds, worker, reason, "");
    }
}
