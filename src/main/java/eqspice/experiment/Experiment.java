package eqspice.experiment;

import eqspice.train.TrainingConfig;
import java.nio.file.Path;

/**
 * A loaded, validated experiment: its name, where it came from (path and SHA-256 of the
 * file's bytes, for provenance) and the training configuration it defines.
 */
public record Experiment(String name, String description, Path file, String sha256, TrainingConfig config) {
}
