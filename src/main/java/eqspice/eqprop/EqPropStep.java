package eqspice.eqprop;

import eqspice.simulate.SimulationException;
import eqspice.simulate.Solution;

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

    /** Outcome of a free phase: prediction, loss and voltages across every conductance. */
    public record Free(double[] outputs, double loss, double[] dv) {
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
        Free free = free(session, x, y);
        double[] error = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            error[k] = y[k] - free.outputs()[k];
        }
        double[] pos = estimator.needsPositive() ? nudged(session, error, beta, Phase.POSITIVE) : null;
        double[] neg = estimator.needsNegative() ? nudged(session, error, beta, Phase.NEGATIVE) : null;
        session.setNudge(new double[y.length]);
        double[] grad = new double[free.dv().length];
        for (int c = 0; c < grad.length; c++) {
            grad[c] = estimator.estimate(free.dv()[c], pos == null ? 0 : pos[c], neg == null ? 0 : neg[c], beta);
        }
        return new Result(free.outputs(), free.loss(), grad);
    }

    /** Solves the free phase for input {@code x} and scores it against {@code y}. */
    public static Free free(CrossbarSession session, double[] x, double[] y) {
        session.setInputs(x);
        session.setNudge(new double[y.length]);
        Solution s = solve(session, Phase.FREE);
        double[] o = session.outputs(s);
        return new Free(o, loss(y, o), session.voltagesAcross(s));
    }

    private static double[] nudged(CrossbarSession session, double[] error, double beta, Phase phase) {
        double[] currents = new double[error.length];
        for (int k = 0; k < error.length; k++) {
            currents[k] = phase.sign() * beta * error[k];
        }
        session.setNudge(currents);
        try {
            return session.voltagesAcross(solve(session, phase));
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
