package eqspice.dynamics;

import eqspice.circuit.Circuit;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.SpiceNumber;
import eqspice.eqprop.Estimator;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.task.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a run of phases in time looks at: the network at a fidelity, the solver options, the
 * samples whose phases run (with their numbers in the task), the estimator and beta that decide
 * the phases, the added {@link Capacitances}, how long each phase lasts, the largest time step,
 * and the settling tolerance. {@link #of} gives the defaults; the {@code with...} methods change one thing.
 *
 * @param phaseTime how long each phase of the full-length run lasts (s)
 * @param maxStep   the largest time step of that run (s); a phase cut to T takes at most T / 50
 * @param tolerance a node has settled when it stays within this of its DC value (V)
 */
public record DynamicsSetup(LayeredNetwork network, Fidelity fidelity, SolverOptions options, List<Sample> samples,
                            List<Integer> indices, Estimator estimator, double beta, Capacitances capacitances,
                            double phaseTime, double maxStep, double tolerance) {
    /** Defaults: 1 pF per crossbar node and 10 fF per device, phases of 10 us, steps up to 10 ns, 1 uV. */
    public static final Capacitances DEFAULT_CAPACITANCES = new Capacitances(1e-12, 1e-14);
    public static final double DEFAULT_PHASE_TIME = 10e-6;
    public static final double DEFAULT_TOLERANCE = 1e-6;
    private static final double STEPS_PER_PHASE = 1000;

    public DynamicsSetup {
        samples = List.copyOf(samples);
        indices = List.copyOf(indices);
        if (samples.isEmpty() || samples.size() != indices.size()) {
            throw new IllegalArgumentException("phases in time need at least one sample, each with its number");
        }
        SpiceNumber.positive("phase time", phaseTime);
        SpiceNumber.positive("largest time step", maxStep);
        SpiceNumber.positive("settling tolerance", tolerance);
        SpiceNumber.positive("beta", beta);
        if (maxStep > phaseTime) {
            throw new IllegalArgumentException("the largest time step (" + maxStep + " s) is longer than a phase ("
                    + phaseTime + " s)");
        }
    }

    /** Every sample of {@code samples}, with the defaults. */
    public static DynamicsSetup of(LayeredNetwork network, Fidelity fidelity, SolverOptions options, List<Sample> samples,
                                   Estimator estimator, double beta) {
        return new DynamicsSetup(network, fidelity, options, samples, IntStream.range(0, samples.size()).boxed().toList(),
                estimator, beta, DEFAULT_CAPACITANCES, DEFAULT_PHASE_TIME, DEFAULT_PHASE_TIME / STEPS_PER_PHASE,
                DEFAULT_TOLERANCE);
    }

    /** Only the samples with these numbers (of the task's, in the order given). */
    public DynamicsSetup withSamples(List<Sample> task, List<Integer> chosen) {
        List<Sample> s = new ArrayList<>();
        for (int k : chosen) {
            if (k < 0 || k >= task.size()) {
                throw new IllegalArgumentException("sample " + k + " does not exist: the task has " + task.size()
                        + " samples (0 .. " + (task.size() - 1) + ")");
            }
            s.add(task.get(k));
        }
        return new DynamicsSetup(network, fidelity, options, s, chosen, estimator, beta, capacitances, phaseTime, maxStep,
                tolerance);
    }

    public DynamicsSetup withCapacitances(Capacitances c) {
        return new DynamicsSetup(network, fidelity, options, samples, indices, estimator, beta, c, phaseTime, maxStep,
                tolerance);
    }

    /** Phases of {@code seconds}, with steps up to a thousandth of that. */
    public DynamicsSetup withPhaseTime(double seconds) {
        return new DynamicsSetup(network, fidelity, options, samples, indices, estimator, beta, capacitances, seconds,
                seconds / STEPS_PER_PHASE, tolerance);
    }

    public DynamicsSetup withMaxStep(double seconds) {
        return new DynamicsSetup(network, fidelity, options, samples, indices, estimator, beta, capacitances, phaseTime,
                seconds, tolerance);
    }

    public DynamicsSetup withTolerance(double volts) {
        return new DynamicsSetup(network, fidelity, options, samples, indices, estimator, beta, capacitances, phaseTime,
                maxStep, volts);
    }

    public DynamicsSetup withOptions(SolverOptions o) {
        return new DynamicsSetup(network, fidelity, o, samples, indices, estimator, beta, capacitances, phaseTime, maxStep,
                tolerance);
    }

    /** The circuit builder at this fidelity. */
    public CrossbarCircuit builder() {
        return new CrossbarCircuit(network.spec(), fidelity);
    }

    /** The phases of the chosen samples. */
    public PhaseChain chain(CrossbarCircuit builder) {
        return new PhaseChain(builder, samples, indices, estimator, beta);
    }

    /** The circuit that runs in time: inputs and nudging as EXTERNAL sources, the capacitances added. */
    public Circuit circuit(CrossbarCircuit builder) {
        Circuit c = builder.build(network, new double[network.spec().inputs()], options, List.of(), true);
        return capacitances.addTo(c, builder.layout());
    }
}
