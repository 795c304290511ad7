package eqspice.experiment;

import eqspice.baseline.BaselineConfig;
import eqspice.eqprop.Programming;
import eqspice.network.FidelityParameters;
import eqspice.simulate.BackendChoice;
import eqspice.train.TrainingConfig;
import eqspice.study.Study;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded, validated experiment: its name, where it came from (path and SHA-256 of the
 * file's bytes, for provenance), the training configuration it defines, its hardware (the
 * {@code fidelity:} section; defaults when the file has none), the simulator backend that
 * solves it (the {@code simulator:} section; ngspice when the file has none) and, when asked
 * for, the backprop baseline trained beside it.
 */
public record Experiment(String name, String description, Path file, String sha256, TrainingConfig config,
                         Hardware hardware, BackendChoice simulator, Optional<BaselineConfig> baseline,
                         Optional<Study> study) {
    public Experiment {
        if (hardware == null || simulator == null || baseline == null || study == null) {
            throw new IllegalArgumentException("an experiment needs its hardware, a simulator backend and a baseline "
                    + "choice");
        }
    }

    /** An experiment with the default hardware (ideal training), solved by ngspice, without a baseline. */
    public Experiment(String name, String description, Path file, String sha256, TrainingConfig config) {
        this(name, description, file, sha256, config, Hardware.DEFAULT, BackendChoice.NGSPICE, Optional.empty(),
                Optional.empty());
    }

    /** An experiment with this hardware, solved by ngspice, without a baseline. */
    public Experiment(String name, String description, Path file, String sha256, TrainingConfig config,
                      Hardware hardware) {
        this(name, description, file, sha256, config, hardware, BackendChoice.NGSPICE, Optional.empty(),
                Optional.empty());
    }

    /** The same experiment with another training configuration (e.g. fewer epochs for a calibration). */
    public Experiment withConfig(TrainingConfig other) {
        return new Experiment(name, description, file, sha256, other, hardware, simulator, baseline, study);
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
