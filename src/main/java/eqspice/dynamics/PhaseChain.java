package eqspice.dynamics;

import eqspice.eqprop.EqPropEstimate;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.Phase;
import eqspice.eqprop.Readout;
import eqspice.network.CrossbarCircuit;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import eqspice.simulate.TransientPlan;
import eqspice.task.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EqProp phases of some samples in the order a chip runs them: per sample the free phase
 * (its inputs, no nudging), then the nudged phases the estimator needs, each nudging with
 * I_k = ±beta (y_k - o_k), o_k the output at the end of that sample's free phase. The same plan
 * runs as phases in time ({@link #inTime}: each phase from the state the one before left, the
 * first from the circuit at rest, inputs 0 V) or as DC operating points ({@link #atDc}: the
 * trainer's phases).
 */
public final class PhaseChain {
    /** One phase of the chain: which sample, which phase. */
    public record Step(int sample, Phase phase) {
        /** e.g. {@code 2 +beta}. */
        public String label() {
            return sample + " " + phase.label();
        }
    }

    static final double RISE = 1e-9;

    private final CrossbarCircuit builder;
    private final List<Sample> samples;
    private final List<Integer> indices;
    private final Estimator estimator;
    private final double beta;
    private final List<Phase> perSample;
    private final List<Step> steps = new ArrayList<>();

    /**
     * @param indices the samples' numbers in their task (for labels), one per sample
     */
    public PhaseChain(CrossbarCircuit builder, List<Sample> samples, List<Integer> indices, Estimator estimator,
                      double beta) {
        if (samples.isEmpty() || samples.size() != indices.size()) {
            throw new IllegalArgumentException("a phase chain needs at least one sample, each with its number");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
        }
        this.builder = builder;
        this.samples = List.copyOf(samples);
        this.indices = List.copyOf(indices);
        this.estimator = estimator;
        this.beta = beta;
        List<Phase> phases = new ArrayList<>(List.of(Phase.FREE));
        if (estimator.needsPositive()) {
            phases.add(Phase.POSITIVE);
        }
        if (estimator.needsNegative()) {
            phases.add(Phase.NEGATIVE);
        }
        this.perSample = List.copyOf(phases);
        for (int s = 0; s < samples.size(); s++) {
            for (Phase p : perSample) {
                steps.add(new Step(indices.get(s), p));
            }
        }
    }

    /** Every phase, in order. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Phases per sample (the free phase first). */
    public int phasesPerSample() {
        return perSample.size();
    }

    public CrossbarCircuit builder() {
        return builder;
    }

    /** The circuit at rest: inputs 0 V, no nudging. */
    public Map<String, Double> rest() {
        Map<String, Double> v = new LinkedHashMap<>(builder.inputValues(new double[builder.layout().spec().inputs()]));
        v.putAll(builder.nudgeValues(new double[builder.layout().spec().outputs()]));
        return v;
    }

    /** The source values of step k, given the states at the ends of the steps before it. */
    public PhasePlan plan() {
        return (k, ends) -> {
            int s = k / perSample.size();
            Phase phase = perSample.get(k % perSample.size());
            Sample sample = samples.get(s);
            if (phase == Phase.FREE) {
                Map<String, Double> v = new LinkedHashMap<>(builder.inputValues(sample.x()));
                v.putAll(builder.nudgeValues(new double[sample.y().length]));
                return v;
            }
            double[] o = Readout.outputs(builder.layout(), ends.get(s * perSample.size()));
            double[] currents = new double[o.length];
            for (int j = 0; j < o.length; j++) {
                currents[j] = phase.sign() * beta * (sample.y()[j] - o[j]);
            }
            return builder.nudgeValues(currents);
        };
    }

    /** How long the sources take to change at a phase's start: 1 ns, or a hundredth of a shorter phase. */
    public static double rise(double duration) {
        return Math.min(RISE, duration / 100);
    }

    /** The chain as phases in time, each {@code duration} long, the sources changing over {@link #rise}. */
    public TransientPlan inTime(double duration, double maxStep) {
        return new TransientPlan(rest(), java.util.Collections.nCopies(steps.size(), duration), plan(), maxStep,
                rise(duration));
    }

    /**
     * The chain as DC operating points, each solved from the values alone (the simulator must
     * hold the circuit, its input and nudging sources settable).
     *
     * @throws SimulationException when a phase does not solve
     */
    public List<Solution> atDc(Simulator simulator) {
        List<Solution> solved = new ArrayList<>(steps.size());
        rest().forEach(simulator::setSource);
        PhasePlan plan = plan();
        for (int k = 0; k < steps.size(); k++) {
            plan.values(k, List.copyOf(solved)).forEach(simulator::setSource);
            solved.add(simulator.operatingPoint());
        }
        return solved;
    }

    /** The mean over the samples of the EqProp estimate from the states at the ends of every step. */
    public double[] estimate(List<Solution> ends) {
        EqPropEstimate rule = new EqPropEstimate(builder);
        double[] mean = null;
        int p = perSample.size();
        for (int s = 0; s < samples.size(); s++) {
            Solution free = ends.get(s * p);
            Solution pos = estimator.needsPositive() ? ends.get(s * p + perSample.indexOf(Phase.POSITIVE)) : null;
            Solution neg = estimator.needsNegative() ? ends.get(s * p + perSample.indexOf(Phase.NEGATIVE)) : null;
            double[] g = rule.gradient(free, pos, neg, estimator, beta);
            if (mean == null) {
                mean = new double[g.length];
            }
            for (int c = 0; c < g.length; c++) {
                mean[c] += g[c] / samples.size();
            }
        }
        return mean;
    }
}
