package eqspice.simulate;

import java.util.Locale;

/**
 * Which simulator solves an experiment's phases (the {@code simulator:} section of an
 * experiment file).
 *
 * @param backend        ngspice, the embedded Java solver, or the embedded solver checked by ngspice
 * @param checkEvery     co-simulation: every how many operating points ngspice solves the same circuit (&gt;= 1)
 * @param tolerance      co-simulation: the largest node-voltage difference (V) that is not a mismatch (&gt; 0)
 * @param stopOnMismatch co-simulation: whether a mismatch stops the run (otherwise it is counted and reported)
 */
public record BackendChoice(Backend backend, int checkEvery, double tolerance, boolean stopOnMismatch) {
    /** The backends. */
    public enum Backend {
        NGSPICE, EMBEDDED, COSIM;

        /** The name used in experiment files and provenance. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Default check interval of co-simulation (operating points). */
    public static final int DEFAULT_CHECK_EVERY = 100;
    /**
     * Default co-simulation tolerance (V). Both solvers stop once a Newton step is within the
     * solver options' reltol and vntol, so with ngspice's defaults (reltol 1e-3, vntol 1e-6)
     * their answers differ by that much: measured up to 1.3e-5 V on a Kiraz run with strongly
     * conducting diodes, 8.9e-7 V on xor. With reltol 1e-9 they agree to 1e-9 V or better, and a
     * tolerance of 1e-6 V is a strict check.
     */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    /** ngspice for everything: what an experiment without a {@code simulator:} section gets. */
    public static final BackendChoice NGSPICE = new BackendChoice(Backend.NGSPICE, DEFAULT_CHECK_EVERY,
            DEFAULT_TOLERANCE, false);

    public BackendChoice {
        if (backend == null) {
            throw new IllegalArgumentException("simulator backend must be ngspice, embedded or cosim");
        }
        if (checkEvery < 1) {
            throw new IllegalArgumentException("simulator.check_every must be an integer >= 1, got " + checkEvery);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("simulator.tolerance must be a finite number > 0 (V), got " + tolerance);
        }
    }

    /** Whether ngspice is used at all. */
    public boolean usesNgspice() {
        return backend != Backend.EMBEDDED;
    }

    /** One line for logs: {@code cosim (ngspice check every 100 operating points, tolerance 1e-06 V)}. */
    public String label() {
        if (backend != Backend.COSIM) {
            return backend.id();
        }
        return String.format(Locale.ROOT, "cosim (ngspice check every %d operating points and on the final network, "
                + "tolerance %s V%s)", checkEvery, tolerance, stopOnMismatch ? ", a mismatch stops the run" : "");
    }
}
