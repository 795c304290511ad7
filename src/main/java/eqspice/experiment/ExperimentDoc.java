package eqspice.experiment;

import java.util.List;

/**
 * The YAML schema of an experiment file, as bound by Jackson (snake_case keys; unknown keys
 * are errors). Absent values are null here and take their defaults in {@link ExperimentLoader}.
 * experiments/README.md documents every field.
 */
public record ExperimentDoc(String name, String description, NetworkDoc network, TaskDoc task, TrainingDoc training,
                            SolverDoc solver, FidelityDoc fidelity, SimulatorDoc simulator, BaselineDoc baseline,
                            StudyDoc study) {

    /** {@code study:} what is measured after a run to say why it ended as it did (see eqspice.study.Study). */
    public record StudyDoc(Boolean attribution, Boolean gradientCheck, Integer maxConductances) {
    }

    /** {@code network:} a preset and/or explicit shape. */
    public record NetworkDoc(String preset, Integer inputs, Boolean doubledInputs, List<Double> bias,
                             List<Integer> hidden, Integer outputs, ActivationDoc activation, AmplifierDoc amplifier,
                             Double gMin, Double gMax) {
    }

    /** {@code network.activation:} the diode pair at every hidden node. */
    public record ActivationDoc(Boolean enabled, Double is, Double n, Double rs, Double upperBias, Double lowerBias,
                                String orientation) {
    }

    /** {@code network.amplifier:} the bidirectional amplifier after every hidden node. */
    public record AmplifierDoc(Boolean enabled, Double forward, Double backward) {
    }

    /** {@code task:} a built-in task by name, explicit samples, or a real data set. */
    public record TaskDoc(String name, List<SampleDoc> samples, Double tolerance, DatasetDoc dataset) {
    }

    /** {@code task.dataset:} a classification data set and its encoding into voltages (see DatasetResolver). */
    public record DatasetDoc(String name, List<Double> inputRange, Double targetHigh, Double targetLow,
                             Integer trainSize, Integer testSize, Integer pool) {
    }

    /** {@code baseline:} the backprop software network trained beside the circuit (see DatasetResolver). */
    public record BaselineDoc(Boolean enabled, Double learningRate, Double limit, Double softness) {
    }

    /** One explicit sample. */
    public record SampleDoc(List<Double> x, List<Double> y) {
    }

    /** {@code training:} the schedule. */
    public record TrainingDoc(String estimator, Double alpha, Double beta, Integer epochs, Integer batchSize, Long seed,
                              List<Double> init, Double convergedLoss, String layerScaling) {
    }

    /** {@code solver:} ngspice options. */
    public record SolverDoc(Boolean klu, Double reltol, Double abstol, Double vntol, Double gmin, Integer itl1) {
    }

    /** {@code fidelity:} the non-ideal parts used by eqspice validate and export --level (see {@link FidelityResolver}). */
    public record FidelityDoc(Double supply, Double openLoopGain, Double outputResistance, Double offset, String diode,
                              String memristor, Double v0, Double variation, Long variationSeed, String trainLevel,
                              ProgrammingDoc programming) {
    }

    /** {@code fidelity.programming:} how devices take the update rule's steps (eqspice run). */
    public record ProgrammingDoc(Integer levels, Double noise, Double potentiation, Double depression, Long seed) {
    }

    /** {@code simulator:} which backend solves the phases (see {@link SimulatorResolver}). */
    public record SimulatorDoc(String backend, Integer checkEvery, Double tolerance, Boolean stopOnMismatch) {
    }
}
