package eqspice.experiment;

import eqspice.eqprop.Programming;
import eqspice.network.FidelityParameters;
import eqspice.train.TrainingConfig;
import java.nio.file.Path;

/**
 * A loaded, validated experiment: its name, where it came from (path and SHA-256 of the
 * file's bytes, for provenance), the training configuration it defines and its hardware
 * (the {@code fidelity:} section; defaults when the file has none).
 */
public record Experiment(String name, String description, Path file, String sha256, TrainingConfig config,
                         Hardware hardware) {
    /** An experiment with the default hardware (ideal training). */
    public Experiment(String name, String description, Path file, String sha256, TrainingConfig config) {
        this(name, description, file, sha256, config, Hardware.DEFAULT);
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
