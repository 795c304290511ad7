package eqspice.eqprop;

import eqspice.task.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient fidelity: how well the EqProp estimate matches the true gradient of the loss with
 * respect to every conductance, per estimator and beta, on a session's current conductances.
 *
 * <p>Both sides are compared as the mean over the samples, i.e. the full-batch gradient that a
 * batch update would apply; the worst single-sample cosine is reported as well, because one
 * badly estimated sample can hide inside a good mean. The reference is
 * {@link GradientReference} (central finite differences through the same simulator), computed
 * once per sample and shared by every row.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * One (estimator, beta) point.
     *
     * @param estimator         the EqProp estimator
     * @param beta              nudging strength (S)
     * @param cosine            cosine between mean estimate and mean reference (NaN if a phase failed)
     * @param relativeError     ||mean estimate - mean reference|| / ||mean reference||
     * @param referenceNorm     ||mean reference|| (V^2/S)
     * @param estimateNorm      ||mean estimate|| (V^2/S)
     * @param worstSampleCosine smallest per-sample cosine
     * @param failedSamples     samples whose nudged phases did not solve (left out of the means)
     */
    public record Row(Estimator estimator, double beta, double cosine, double relativeError, double referenceNorm,
                      double estimateNorm, double worstSampleCosine, int failedSamples) {
    }

    /**
     * Measures every (estimator, beta) combination, estimators in the outer loop.
     *
     * @param relativeStep finite-difference step of the reference (see {@link GradientReference#compute})
     * @throws PhaseFailedException when a free phase of the reference fails (nothing to compare against)
     */
    public static List<Row> run(CrossbarSession session, List<Sample> samples, List<Double> betas,
                                List<Estimator> estimators, double relativeStep) {
        if (samples.isEmpty() || betas.isEmpty() || estimators.isEmpty()) {
            throw new IllegalArgumentException("gradient check needs at least one sample, beta and estimator");
        }
        List<double[]> references = new ArrayList<>();
        for (Sample s : samples) {
            references.add(GradientReference.compute(session, s.x(), s.y(), relativeStep));
        }
        List<Row> rows = new ArrayList<>();
        for (Estimator estimator : estimators) {
            for (double beta : betas) {
                rows.add(row(session, samples, references, estimator, beta));
            }
        }
        return rows;
    }

    private static Row row(CrossbarSession session, List<Sample> samples, List<double[]> references,
                           Estimator estimator, double beta) {
        List<double[]> estimates = new ArrayList<>();
        List<double[]> matched = new ArrayList<>();
        double worst = Double.POSITIVE_INFINITY;
        int failed = 0;
        for (int k = 0; k < samples.size(); k++) {
            Sample s = samples.get(k);
            try {
                double[] estimate = EqPropStep.run(session, s.x(), s.y(), estimator, beta).gradient();
                estimates.add(estimate);
                matched.add(references.get(k));
                worst = Math.min(worst, GradientReference.cosine(estimate, references.get(k)));
            } catch (PhaseFailedException e) {
                failed++;
            }
        }
        if (estimates.isEmpty()) {
            double nan = Double.NaN;
            return new Row(estimator, beta, nan, nan, nan, nan, nan, failed);
        }
        double[] estimate = ConductanceUpdate.mean(estimates);
        double[] reference = ConductanceUpdate.mean(matched);
        return new Row(estimator, beta, GradientReference.cosine(estimate, reference),
                GradientReference.relativeError(estimate, reference), norm(reference), norm(estimate), worst, failed);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
