package eqspice.train;

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
 */
public record EpochMetrics(int epoch, double loss, double meanAbsError, double correctFraction, int failedPhases,
                           int updates, double gMin, double gMax, double seconds) {
}
