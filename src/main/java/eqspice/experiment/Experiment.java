package eqspice.experiment;

import eqspice.simulate.BackendChoice;
import eqspice.train.TrainingConfig;
import java.nio.file.Path;

/**
 * A loaded, validated experiment: its name, where it came from (path and SHA-256 of the
 * file's bytes, for provenance), the training configuration it defines and the simulator
 * backend that solves it.
 */
public record Experiment(String name, String description, Path file, String sha256, TrainingConfig config,
                         BackendChoice simulator) {
    public Experiment {
        if (simulator == null) {
            throw new IllegalArgumentException("an experiment needs a simulator backend");
        }
    }

    /** An experiment solved by ngspice (no {@code simulator:} section). */
    public Experiment(String name, String description, Path file, String sha256, TrainingConfig config) {
        this(name, description, file, sha256, config, BackendChoice.NGSPICE);
    }
}
