package eqspice.experiment;

import eqspice.baseline.BaselineConfig;
import eqspice.train.TrainingConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded, validated experiment: its name, where it came from (path and SHA-256 of the
 * file's bytes, for provenance), the training configuration it defines and, when asked for,
 * the backprop baseline trained beside it.
 */
public record Experiment(String name, String description, Path file, String sha256, TrainingConfig config,
                         Optional<BaselineConfig> baseline) {
    /** An experiment without a backprop baseline. */
    public Experiment(String name, String description, Path file, String sha256, TrainingConfig config) {
        this(name, description, file, sha256, config, Optional.empty());
    }
}
