package eqspice.embedded;

import eqspice.circuit.SolverOptions;
import java.util.Locale;

/**
 * Source stepping, the last resort of the embedded solver (as of ngspice): every independent
 * source is scaled from 0 towards its value, each step solved by Newton from the previous
 * step's solution. A step that fails is halved and retried; one that succeeds lets the next
 * grow. The circuit's sources are back at full value afterwards, whatever happened.
 */
final class SourceStepping {
    private static final double FIRST_STEP = 0.1;
    private static final double SMALLEST_STEP = 1e-4;
    private static final int MAX_STEPS = 500;

    private SourceStepping() {
    }

    /**
     * Steps from all sources at zero (solution {@code x} all zeros) to full value; {@code x}
     * holds the solution when it succeeds.
     *
     * @return empty when the full-value circuit converged, else why stepping stalled
     */
    static String run(MnaSystem system, double[] x, SolverOptions options) {
        double reached = 0;
        double step = FIRST_STEP;
        double[] good = x.clone();
        double[] goodVd = system.diodes.vd0.clone();
        try {
            for (int n = 0; n < MAX_STEPS; n++) {
                double scale = Math.min(1.0, reached + step);
                system.setSourceScale(scale);
                NewtonSolver.Attempt a = NewtonSolver.iterate(system, x, options);
                if (a.converged()) {
                    reached = scale;
                    if (reached == 1.0) {
                        return "";
                    }
                    System.arraycopy(x, 0, good, 0, x.length);
                    System.arraycopy(system.diodes.vd0, 0, goodVd, 0, goodVd.length);
                    step *= 1.5;
                } else {
                    step /= 2;
                    System.arraycopy(good, 0, x, 0, x.length);
                    System.arraycopy(goodVd, 0, system.diodes.vd0, 0, goodVd.length);
                    if (step < SMALLEST_STEP) {
                        return String.format(Locale.ROOT, "stalled at %.4g of the sources' values (step below %.0e): %s",
                                reached, SMALLEST_STEP, a.failure());
                    }
                }
            }
            return String.format(Locale.ROOT, "reached only %.4g of the sources' values in %d steps", reached,
                    MAX_STEPS);
        } finally {
            system.setSourceScale(1.0);
        }
    }
}
