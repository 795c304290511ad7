package eqspice.eqprop;

import eqspice.simulate.SimulationException;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.Solution;
import eqspice.simulate.StepFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One EqProp estimate for one sample: the free phase, then the nudged phase(s) the estimator
 * needs, then the per-conductance gradient estimate.
 *
 * <p>Nudging currents are I_k = ±beta (y_k - o_k) with o_k the free-phase prediction, held
 * fixed during the nudged phase (a current source, as in the circuit of Kendall et al.). Its
 * derivative at beta = 0 equals that of the quadratic cost, so the estimators keep their
 * stated bias orders.
 */
public final class EqPropStep {
    private EqPropStep() {
    }

    /** Outcome of one step: the free-phase prediction and loss, and dL/dg per conductance. */
    public record Result(double[] outputs, double loss, double[] gradient) {
    }

    /** Outcome of a free phase: prediction and loss. */
    public record Free(double[] outputs, double loss) {
    }

    /**
     * Runs the phases and returns the estimate.
     *
     * @throws PhaseFailedException when a phase does not solve; the session is left with nudging off
     */
    public static Result run(CrossbarSession session, double[] x, double[] y, Estimator estimator, double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
        }
        if (session.strategy() == PhaseStrategy.SWEEP) {
            return inOneSweep(session, x, y, estimator, beta);
        }
        session.setInputs(x);
        session.setNudge(new double[y.length]);
        Solution free = solve(session, Phase.FREE);
        double[] o = session.outputs(free);
        double[] error = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            error[k] = y[k] - o[k];
        }
        Solution pos = estimator.needsPositive() ? nudged(session, error, beta, Phase.POSITIVE) : null;
        Solution neg = estimator.needsNegative() ? nudged(session, error, beta, Phase.NEGATIVE) : null;
        session.setNudge(new double[y.length]);
        // one pass over the conductances from the phases' node voltages (as the sweep path does),
        // not three arrays of voltages across them: at 784x2-100-10 that was a third of an epoch
        return new Result(o, loss(y, o), session.gradient(free, pos, neg, estimator, beta));
    }

    /** One sample's outcome in a mini-batch: its result, or why its phases failed. */
    public record Outcome(Result result, PhaseFailedException failure) {
    }

    /**
     * EqProp steps for a mini-batch of samples with unchanged conductances. With the
     * {@link PhaseStrategy#SWEEP} strategy all their phases are one sequence (each sample's free
     * phase starts from the previous sample's last phase); a sample whose phase fails is skipped
     * and the sequence goes on with the next. Other strategies run {@link #run} per sample.
     */
    public static List<Outcome> runBatch(CrossbarSession session, List<double[]> xs, List<double[]> ys,
                                         Estimator estimator, double beta) {
        List<Outcome> out = new ArrayList<>(xs.size());
        runBatch(session, xs, ys, estimator, beta, out::add);
        return out;
    }

    /**
     * {@link #runBatch(CrossbarSession, List, List, Estimator, double)} handing each sample's
     * outcome to {@code each} as soon as it is known, in sample order (a trainer sums the
     * gradients while they are still in the cache).
     */
    public static void runBatch(CrossbarSession session, List<double[]> xs, List<double[]> ys, Estimator estimator,
                                double beta, java.util.function.Consumer<Outcome> each) {
        if (session.strategy() != PhaseStrategy.SWEEP) {
            for (int s = 0; s < xs.size(); s++) {
                Outcome o;
                try {
                    o = new Outcome(run(session, xs.get(s), ys.get(s), estimator, beta), null);
                } catch (PhaseFailedException e) {
                    o = new Outcome(null, e);
                }
                each.accept(o);
            }
            return;
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
        }
        List<Phase> phases = phasesOf(estimator);
        inSweeps(session, xs, ys, phases, beta,
                (s, sols) -> each.accept(new Outcome(result(session, ys.get(s), phases, sols, estimator, beta), null)),
                (s, failure) -> each.accept(new Outcome(null, failure)));
    }

    /**
     * Free-phase predictions of samples {@code xs} with unchanged conductances, all in one
     * sequence (one ngspice sweep with the sweep strategy); a sample whose phase fails gets null
     * and the sequence goes on with the next. For scoring held-out samples.
     */
    public static List<double[]> freeOutputs(CrossbarSession session, List<double[]> xs, int outputs) {
        List<double[]> ys = java.util.Collections.nCopies(xs.size(), new double[outputs]);
        List<double[]> out = new ArrayList<>(xs.size());
        inSweeps(session, xs, ys, List.of(Phase.FREE), 1.0, (s, sols) -> out.add(session.outputs(sols.get(0))),
                (s, failure) -> out.add(null));
        return out;
    }

    /**
     * Solves the {@code phases} of every sample as one sequence; each sample's solutions, in
     * phase order, go to {@code solved}, a sample whose step fails goes to {@code failed} and the
     * sequence starts again with the next sample. Samples are reported in order; nudging is off
     * afterwards.
     */
    private static void inSweeps(CrossbarSession session, List<double[]> xs, List<double[]> ys, List<Phase> phases,
                                 double beta, java.util.function.BiConsumer<Integer, List<Solution>> solved,
                                 java.util.function.BiConsumer<Integer, PhaseFailedException> failed) {
        int p = phases.size();
        int from = 0;
        while (from < xs.size()) {
            int first = from;
            List<Solution> sols;
            int failedStep = -1;
            SimulationException failure = null;
            try {
                sols = session.solveSequence((xs.size() - first) * p, (k, done) -> {
                    int s = first + k / p;
                    return values(session, xs.get(s), ys.get(s), phases.get(k % p), beta,
                            k % p == 0 ? null : done.get(k - k % p));
                }).solutions();
            } catch (StepFailedException e) {
                sols = e.solvedBefore();
                failedStep = e.step();
                failure = e.failure();
            } catch (SimulationException e) {
                sols = List.of();
                failedStep = 0;
                failure = e;
            }
            for (int k = 0; k + p <= sols.size(); k += p) {
                solved.accept(first + k / p, sols.subList(k, k + p));
            }
            if (failure == null) {
                break;
            }
            failed.accept(first + failedStep / p, new PhaseFailedException(phases.get(failedStep % p), failure));
            from = first + failedStep / p + 1;
        }
        session.setNudge(new double[ys.get(0).length]);
    }

    private static List<Phase> phasesOf(Estimator estimator) {
        List<Phase> phases = new ArrayList<>(List.of(Phase.FREE));
        if (estimator.needsPositive()) {
            phases.add(Phase.POSITIVE);
        }
        if (estimator.needsNegative()) {
            phases.add(Phase.NEGATIVE);
        }
        return phases;
    }

    /** A phase's source values: inputs and no nudging for the free phase, else currents from its free solution. */
    private static Map<String, Double> values(CrossbarSession session, double[] x, double[] y, Phase phase, double beta,
                                              Solution free) {
        if (phase == Phase.FREE) {
            Map<String, Double> v = new LinkedHashMap<>(session.builder().inputValues(x));
            v.putAll(session.builder().nudgeValues(new double[y.length]));
            return v;
        }
        double[] o = session.outputs(free);
        double[] currents = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            currents[j] = phase.sign() * beta * (y[j] - o[j]);
        }
        return session.builder().nudgeValues(currents);
    }

    /**
     * The same phases as one sequence: step 0 the free phase (inputs x, no nudging), then the
     * nudged phases, whose currents the plan computes from step 0's outputs while the sweep runs.
     */
    private static Result inOneSweep(CrossbarSession session, double[] x, double[] y, Estimator estimator,
                                     double beta) {
        List<Phase> phases = phasesOf(estimator);
        SolvedSequence seq;
        try {
            seq = session.solveSequence(phases.size(), (k, solved) ->
                    values(session, x, y, phases.get(k), beta, k == 0 ? null : solved.get(0)));
        } catch (StepFailedException e) {
            session.setNudge(new double[y.length]);
            throw new PhaseFailedException(phases.get(e.step()), e.failure());
        } catch (SimulationException e) {
            session.setNudge(new double[y.length]);
            throw new PhaseFailedException(Phase.FREE, e);
        }
        session.setNudge(new double[y.length]);
        return result(session, y, phases, seq.solutions(), estimator, beta);
    }

    private static Result result(CrossbarSession session, double[] y, List<Phase> phases, List<Solution> sols,
                                 Estimator estimator, double beta) {
        double[] o = session.outputs(sols.get(0));
        Solution pos = estimator.needsPositive() ? sols.get(phases.indexOf(Phase.POSITIVE)) : null;
        Solution neg = estimator.needsNegative() ? sols.get(phases.indexOf(Phase.NEGATIVE)) : null;
        return new Result(o, loss(y, o), session.gradient(sols.get(0), pos, neg, estimator, beta));
    }

    /** Solves the free phase for input {@code x} and scores it against {@code y}. */
    public static Free free(CrossbarSession session, double[] x, double[] y) {
        session.setInputs(x);
        session.setNudge(new double[y.length]);
        Solution s = solve(session, Phase.FREE);
        double[] o = session.outputs(s);
        return new Free(o, loss(y, o));
    }

    private static Solution nudged(CrossbarSession session, double[] error, double beta, Phase phase) {
        double[] currents = new double[error.length];
        for (int k = 0; k < error.length; k++) {
            currents[k] = phase.sign() * beta * error[k];
        }
        session.setNudge(currents);
        try {
            return solve(session, phase);
        } catch (PhaseFailedException e) {
            session.setNudge(new double[error.length]);
            throw e;
        }
    }

    private static Solution solve(CrossbarSession session, Phase phase) {
        try {
            return session.solve();
        } catch (SimulationException e) {
            throw new PhaseFailedException(phase, e);
        }
    }

    /** The cost C = 1/2 sum_k (y_k - o_k)^2. */
    public static double loss(double[] y, double[] o) {
        if (y.length != o.length) {
            throw new IllegalArgumentException("target has " + y.length + " values, prediction " + o.length);
        }
        double c = 0;
        for (int k = 0; k < y.length; k++) {
            double d = y[k] - o[k];
            c += 0.5 * d * d;
        }
        return c;
    }
}
