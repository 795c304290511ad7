package eqspice.embedded;

import eqspice.circuit.SolverOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Damped Newton iteration on an {@link MnaSystem}, with ngspice's convergence criterion: an
 * iterate is accepted when no junction had to be damped, every node voltage moved by at most
 * {@code reltol * max(|new|, |old|) + vntol}, every branch current by at most
 * {@code reltol * max + abstol}, every junction's tangent predicts its current within
 * {@code reltol * |i| + abstol}, and at least two iterations were made. Damping is the
 * junctions' logarithmic step limit ({@link Junction#limit}).
 */
final class NewtonSolver {
    /** One iteration, for the history that a failure reports. */
    record Iteration(int number, double worstStep, double worstRatio, String worstUnknown, int damped,
                     String unconvergedJunction) {
        String line() {
            return String.format(Locale.ROOT, "iteration %3d: largest change %.3e at %s (%.3g x its tolerance), "
                    + "%d junction(s) damped%s", number, worstStep, worstUnknown, worstRatio, damped,
                    unconvergedJunction.isEmpty() ? "" : ", junction " + unconvergedJunction + " not converged");
        }
    }

    /** Outcome of one attempt: converged or not, and every iteration. */
    record Attempt(boolean converged, String failure, List<Iteration> history) {
    }

    private NewtonSolver() {
    }

    /**
     * Iterates from {@code x} (updated in place to the last iterate) and the junction points in
     * {@code system.vd0}.
     */
    static Attempt iterate(MnaSystem system, double[] x, SolverOptions options) {
        Topology t = system.topology;
        int n = system.size();
        double[] next = new double[n];
        List<Iteration> history = new ArrayList<>();
        system.prepare();
        for (int iter = 1; iter <= options.itl1(); iter++) {
            int damped = system.linearize(x);
            if (!system.solve(next)) {
                return new Attempt(false, "the circuit matrix is singular (a floating node, a loop of voltage sources, "
                        + "or a solution that is not finite) at iteration " + iter, history);
            }
            double worstRatio = 0;
            double worstStep = 0;
            int worst = -1;
            for (int u = 0; u < n; u++) {
                double step = Math.abs(next[u] - x[u]);
                double tol = options.reltol() * Math.max(Math.abs(next[u]), Math.abs(x[u]))
                        + (t.currentUnknown[u] ? options.abstol() : options.vntol());
                double ratio = step / tol;
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    worstStep = step;
                    worst = u;
                }
            }
            int junction = system.unconvergedJunction(next, options.reltol(), options.abstol());
            history.add(new Iteration(iter, worstStep, worstRatio, worst < 0 ? "-" : t.unknownNames.get(worst), damped,
                    junction < 0 ? "" : t.diodes.get(junction).name()));
            System.arraycopy(next, 0, x, 0, n);
            if (iter > 1 && damped == 0 && worstRatio <= 1 && junction < 0) {
                return new Attempt(true, "", history);
            }
        }
        return new Attempt(false, "no convergence within itl1 = " + options.itl1() + " iterations", history);
    }

    /** The last {@code max} lines of a history (the start and the end of a long one). */
    static List<String> lines(String label, Attempt attempt, int max) {
        List<String> out = new ArrayList<>();
        out.add(label + ": " + attempt.failure());
        List<Iteration> h = attempt.history();
        int from = Math.max(0, h.size() - max);
        if (from > 0) {
            out.add("  (" + from + " earlier iterations not shown)");
        }
        for (int k = from; k < h.size(); k++) {
            out.add("  " + h.get(k).line());
        }
        return out;
    }
}
