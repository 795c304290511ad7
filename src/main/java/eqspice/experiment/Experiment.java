package eqspice.experiment;

import eqspice.eqprop.Programming;
import eqspice.network.FidelityParameters;
import eqspice.train.TrainingConfig;
import java.nio.file.Path;

/**
 * A loaded, validated experiment: its name, where it came from (path and SHA-256 of the
 * file's bytes, for provenance), the training configuration it defines and the parameters of
 * its non-ideal parts (fidelity levels) and of device programming (defaults when the file has
 * no {@code fidelity:} section).
 */
public record Experiment(String name, String description, Path file, String sha256, TrainingConfig config,
                         FidelityParameters fidelity, Programming programming) {
    /** An experiment with the default fidelity parameters and ideal programming. */
    public Experiment(String name, String description, Path file, String sha256, TrainingConfig config) {
        this(name, description, file, sha256, config, FidelityParameters.DEFAULT, Programming.IDEAL);
    }
}
