package eqspice.run;

import eqspice.eqprop.PhaseStrategy;
import eqspice.experiment.Experiment;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to run: an experiment and how. Start from {@link #of(Experiment)} (the defaults of
 * {@code eqspice run FILE}) and change what differs with the {@code with...} methods.
 *
 * @param experiment        the experiment to train
 * @param experimentYaml    the bytes written as the run's {@code experiment.yaml}; empty: the experiment's file
 * @param out               the results folder
 * @param phases            how phases are solved; empty: {@link PhaseStrategy#defaultFor} the solver options ("auto")
 * @param diagnosticsSample diagnose the free phase of this sample after every epoch (diag_* columns); empty: none
 * @param baseline          train the experiment's backprop baseline (its {@code baseline:} section) beside it
 * @param scoreFinalNetwork score the trained network on every training sample afterwards ({@code final_network}
 *                          in summary.json), as a sweep point does
 */
public record RunRequest(Experiment experiment, Optional<byte[]> experimentYaml, Path out,
                         Optional<PhaseStrategy> phases, OptionalInt diagnosticsSample, boolean baseline,
                         boolean scoreFinalNetwork) {
    public RunRequest {
        if (experiment == null || experimentYaml == null || out == null || phases == null
                || diagnosticsSample == null) {
            throw new IllegalArgumentException("a run request needs an experiment, a results folder and its options "
                    + "(Optional.empty() for the defaults)");
        }
        experimentYaml = experimentYaml.map(byte[]::clone);
    }

    /** The defaults of {@code eqspice run}: results in {@code results/<name>}, auto phases, baseline when asked for. */
    public static RunRequest of(Experiment experiment) {
        return new RunRequest(experiment, Optional.empty(), Path.of("results", experiment.name()), Optional.empty(),
                OptionalInt.empty(), true, false);
    }

    @Override
    public Optional<byte[]> experimentYaml() {
        return experimentYaml.map(byte[]::clone);
    }

    public RunRequest withExperimentYaml(byte[] yaml) {
        return new RunRequest(experiment, Optional.of(yaml), out, phases, diagnosticsSample, baseline,
                scoreFinalNetwork);
    }

    public RunRequest withOut(Path dir) {
        return new RunRequest(experiment, experimentYaml, dir, phases, diagnosticsSample, baseline, scoreFinalNetwork);
    }

    /** The phase strategy; empty for auto. */
    public RunRequest withPhases(Optional<PhaseStrategy> strategy) {
        return new RunRequest(experiment, experimentYaml, out, strategy, diagnosticsSample, baseline,
                scoreFinalNetwork);
    }

    public RunRequest withDiagnosticsSample(int sample) {
        return new RunRequest(experiment, experimentYaml, out, phases, OptionalInt.of(sample), baseline,
                scoreFinalNetwork);
    }

    public RunRequest withBaseline(boolean train) {
        return new RunRequest(experiment, experimentYaml, out, phases, diagnosticsSample, train, scoreFinalNetwork);
    }

    public RunRequest withFinalScore(boolean score) {
        return new RunRequest(experiment, experimentYaml, out, phases, diagnosticsSample, baseline, score);
    }

    /** The strategy that solves the phases: the one asked for, else the default for the experiment's solver options. */
    public PhaseStrategy strategy() {
        return PhaseStrategy.chosenOrDefault(phases, experiment.config().solver());
    }
}
