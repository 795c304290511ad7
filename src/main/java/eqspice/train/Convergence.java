package eqspice.train;

import eqspice.task.Task;
import java.util.List;
import java.util.Locale;

/**
 * When a run counts as converged, by the kind of its task. A regression (Kiraz's one sample with a
 * 1 V target) converges when its loss is at or below {@code training.converged_loss}; a task whose
 * outputs are labels (a classification scored by argmax, or XOR's two target levels 0 V / 1 V with a
 * tolerance of half their gap) converges when every training sample is right, whatever its loss: a
 * loss threshold is a regression's measure, and XOR at 4/4 with a loss of 0.02 V² has learned.
 * Either way the epoch must have solved every phase.
 *
 * <p>A run is converged when its last epoch meets the rule, and {@code epochs_to_converge} is the
 * first epoch from which every later epoch met it too: both say the same thing, so a run that met
 * the rule at epoch 39 and lost it again is not converged and has no such epoch.
 *
 * @param labels        whether the task's outputs are labels (accuracy rule) rather than values (loss rule)
 * @param convergedLoss the loss threshold of the loss rule (V^2)
 */
public record Convergence(boolean labels, double convergedLoss) {
    /** The rule of a training configuration. */
    public static Convergence of(TrainingConfig cfg) {
        return new Convergence(labelled(cfg.task()), cfg.convergedLoss());
    }

    /**
     * Whether a task's outputs are labels: a classification, or targets that take exactly two values
     * with a tolerance of at least half their gap (so "within tolerance" means "on the right side").
     */
    static boolean labelled(Task task) {
        if (task.classification()) {
            return true;
        }
        double[] levels = task.samples().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y())).distinct()
                .sorted().toArray();
        return levels.length == 2 && task.tolerance() >= (levels[1] - levels[0]) / 2 - 1e-12;
    }

    /** Whether an epoch meets the rule. */
    public boolean met(EpochMetrics m) {
        if (m.failedPhases() > 0) {
            return false;
        }
        return labels ? accuracy(m) >= 1.0 : m.loss() <= convergedLoss;
    }

    /** The epoch's training accuracy: argmax accuracy for a classification, else the share of samples within tolerance. */
    public static double accuracy(EpochMetrics m) {
        Double argmax = m.diagnostics().get("train_accuracy");
        return argmax != null ? argmax : m.correctFraction();
    }

    /** The first epoch from which every epoch met the rule, or -1 when the last did not. */
    public int since(List<EpochMetrics> epochs) {
        int first = -1;
        for (int k = epochs.size() - 1; k >= 0 && met(epochs.get(k)); k--) {
            first = epochs.get(k).epoch();
        }
        return first;
    }

    /** The first epoch that met the rule (it may have been lost again), or -1. */
    public int firstReached(List<EpochMetrics> epochs) {
        return epochs.stream().filter(this::met).mapToInt(EpochMetrics::epoch).findFirst().orElse(-1);
    }

    /** The rule in words, for summaries and provenance. */
    public String rule() {
        return labels ? "every training sample right in an epoch without failed phases"
                : String.format(Locale.ROOT, "loss <= %s V^2 in an epoch without failed phases", convergedLoss);
    }
}
