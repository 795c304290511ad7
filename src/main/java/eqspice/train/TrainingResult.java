package eqspice.train;

import eqspice.network.LayeredNetwork;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a training run.
 *
 * @param finalNetwork   conductances after the last epoch
 * @param epochs         metrics per epoch
 * @param converged      whether the last epoch met the task's convergence rule (see {@link Convergence})
 * @param epochsToConverge first epoch from which every epoch met the rule, or -1 (so converged iff &gt; 0)
 * @param failedPhases   failed phases over the whole run
 * @param seconds        wall time of the run
 * @param firstFailure   the first failed phase's reason (first line), or empty
 * @param recoveries     phases solved only by a recovery rung, by rung name (see the simulator's ladder)
 */
public record TrainingResult(LayeredNetwork finalNetwork, List<EpochMetrics> epochs, boolean converged,
                             int epochsToConverge, int failedPhases, double seconds, String firstFailure,
                             Map<String, Integer> recoveries) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
        recoveries = Map.copyOf(recoveries);
    }

    /** The recoveries as text, e.g. {@code gmin:2 iterations:1}, empty when none were needed. */
    public String recoveryText() {
        return new java.util.TreeMap<>(recoveries).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Loss of the last epoch. */
    public double finalLoss() {
        return epochs.get(epochs.size() - 1).loss();
    }

    /** Loss of the first epoch. */
    public double initialLoss() {
        return epochs.get(0).loss();
    }
}
