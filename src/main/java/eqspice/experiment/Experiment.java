package eqspice.experiment;

import eqspice.baseline.BaselineConfig;
import eqspice.eqprop.Programming;
import eqspice.network.FidelityParameters;
import eqspice.train.TrainingConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded, validated experiment: its name, where it came from (path and SHA-256 of the
 * file's bytes, for provenance), the training configuration it defines, its hardware
 * (the {@code fidelity:} section; defaults when the file has none) and, when asked for, the
 * backprop baseline trained beside it.
 */
public record Experiment(String name, String description, Path file, String sha256, TrainingConfig config,
                         Hardware hardware, Optional<BaselineConfig> baseline) {
    /** An experiment with the default hardware (ideal training) and no baseline. */
    public Experiment(String name, String description, Path file, String sha256, TrainingConfig config) {
        this(name, description, file, sha256, config, Hardware.DEFAULT, Optional.empty());
    }

    /** An experiment without a backprop baseline. */
    public Experiment(String name, String description, Path file, String sha256, TrainingConfig config,
                      Hardware hardware) {
        this(name, description, file, sha256, config, hardware, Optional.empty());
    }

    /** The parameters of the non-ideal parts. */
    public FidelityParameters fidelity() {
        return hardware.parameters();
    }

    /** How devices take the update rule's steps. */
    public Programming programming() {
        return hardware.programming();
    }
}
