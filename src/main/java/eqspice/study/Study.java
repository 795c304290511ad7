package eqspice.study;

/**
 * The {@code study:} section of an experiment: which measurements of why a run ended as it did
 * are taken after it (points.csv columns of a sweep). Absent, nothing is measured and nothing costs.
 *
 * @param attribution     the outcome class and the mechanisms' columns ({@link Attribution})
 * @param gradientCheck   also the gradient fidelity at the start and the end (central finite
 *                        differences: two free solves per conductance and sample)
 * @param maxConductances the largest network the gradient check is allowed on
 */
public record Study(boolean attribution, boolean gradientCheck, int maxConductances) {
    /** Default limit of the finite-difference check: a few hundred free solves per point. */
    public static final int DEFAULT_MAX_CONDUCTANCES = 200;

    public Study {
        if (maxConductances < 1) {
            throw new IllegalArgumentException("field 'study.max_conductances' must be >= 1, got " + maxConductances);
        }
        if (gradientCheck && !attribution) {
            throw new IllegalArgumentException("field 'study.gradient_check' needs 'study.attribution: true'");
        }
    }

    /**
     * Refuses a gradient check on a network larger than the limit, naming both.
     *
     * @throws IllegalArgumentException when {@code conductances} exceeds {@link #maxConductances()}
     */
    public void checkSize(int conductances) {
        if (gradientCheck && conductances > maxConductances) {
            throw new IllegalArgumentException("field 'study.gradient_check': the network has " + conductances
                    + " conductances; the finite-difference reference costs two free solves per conductance and "
                    + "sample, and the limit is study.max_conductances = " + maxConductances
                    + " (raise it, or set gradient_check: false)");
        }
    }
}
