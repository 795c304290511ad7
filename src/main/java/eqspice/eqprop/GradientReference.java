package eqspice.eqprop;

/**
 * The reference gradient of the free-phase loss with respect to every conductance, by central
 * finite differences through the same simulator: dL/dg ≈ [L(g(1+h)) - L(g(1-h))] / (2 h g).
 * Costs two free solves per conductance; the session's conductances are restored afterwards.
 */
public final class GradientReference {
    private GradientReference() {
    }

    /**
     * Computes the reference gradient of the loss of sample (x, y).
     *
     * @param relativeStep h, the relative perturbation of each conductance (e.g. 1e-4)
     * @throws PhaseFailedException when a perturbed free phase fails
     */
    public static double[] compute(CrossbarSession session, double[] x, double[] y, double relativeStep) {
        if (!(relativeStep > 0 && relativeStep < 0.5)) {
            throw new IllegalArgumentException("relative step must be in (0, 0.5), got " + relativeStep);
        }
        int n = session.conductors().size();
        double[] grad = new double[n];
        for (int c = 0; c < n; c++) {
            double g = session.conductance(c);
            try {
                session.setConductance(c, g * (1 + relativeStep));
                double up = EqPropStep.free(session, x, y).loss();
                session.setConductance(c, g * (1 - relativeStep));
                double down = EqPropStep.free(session, x, y).loss();
                grad[c] = (up - down) / (2 * relativeStep * g);
            } finally {
                session.setConductance(c, g);
            }
        }
        return grad;
    }

    /** Cosine similarity of two vectors (NaN when either is zero). */
    public static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Relative error ||estimate - reference|| / ||reference||. */
    public static double relativeError(double[] estimate, double[] reference) {
        double diff = 0;
        double norm = 0;
        for (int k = 0; k < estimate.length; k++) {
            double d = estimate[k] - reference[k];
            diff += d * d;
            norm += reference[k] * reference[k];
        }
        return Math.sqrt(diff / norm);
    }
}
