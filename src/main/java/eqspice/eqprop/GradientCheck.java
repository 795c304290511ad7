package eqspice.eqprop;

import eqspice.network.NetworkSpec;
import eqspice.task.Sample;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Per weight layer the ratio estimate / reference of every conductance is summarised too
 * ({@link LayerRatio}): an amplifier pair that does not conserve power rescales each layer by a
 * fixed factor, which a single cosine over all conductances cannot show. When training scales
 * the layers ({@link LayerScaling#COMPENSATE}) the check scales the estimate the same way, so that
 * it measures the step that training takes.
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
     * @param layers            per weight layer, the ratio estimate / reference (empty if every sample failed)
     */
    public record Row(Estimator estimator, double beta, double cosine, double relativeError, double referenceNorm,
                      double estimateNorm, double worstSampleCosine, int failedSamples, List<LayerRatio> layers) {
        public Row {
            layers = List.copyOf(layers);
        }
    }

    /** Conductances whose |reference| is below this share of their layer's largest are left out of its ratios. */
    public static final double NEGLIGIBLE_SHARE = 1e-3;

    /**
     * The ratio estimate / reference over the conductances of one weight layer (mean gradients
     * over the samples). Conductances whose reference is under {@link #NEGLIGIBLE_SHARE} of the
     * layer's largest are left out: their ratio is a quotient of two rounding errors.
     *
     * @param layer    weight layer (0 = the input crossbar)
     * @param median   median ratio (NaN when no conductance counts)
     * @param min      smallest ratio
     * @param max      largest ratio
     * @param counted  conductances in the ratio
     * @param skipped  conductances left out as negligible
     */
    public record LayerRatio(int layer, double median, double min, double max, int counted, int skipped) {
        /** Largest relative deviation of a ratio from the median: max |r / median - 1|. */
        public double spread() {
            return Math.max(Math.abs(max / median - 1), Math.abs(min / median - 1));
        }
    }

    /**
     * Measures every (estimator, beta) combination, estimators in the outer loop.
     *
     * @param relativeStep finite-difference step of the reference (see {@link GradientReference#compute})
     * @throws PhaseFailedException when a free phase of the reference fails (nothing to compare against)
     */
    public static List<Row> run(CrossbarSession session, List<Sample> samples, List<Double> betas,
                                List<Estimator> estimators, double relativeStep) {
        return run(session, samples, betas, estimators, relativeStep, LayerScaling.NONE);
    }

    /**
     * As {@link #run(CrossbarSession, List, List, List, double)}, with the estimate scaled per
     * layer as training scales it.
     */
    public static List<Row> run(CrossbarSession session, List<Sample> samples, List<Double> betas,
                                List<Estimator> estimators, double relativeStep, LayerScaling scaling) {
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
                rows.add(row(session, samples, references, estimator, beta, scaling));
            }
        }
        return rows;
    }

    private static Row row(CrossbarSession session, List<Sample> samples, List<double[]> references,
                           Estimator estimator, double beta, LayerScaling scaling) {
        NetworkSpec spec = session.network().spec();
        List<double[]> estimates = new ArrayList<>();
        List<double[]> matched = new ArrayList<>();
        double worst = Double.POSITIVE_INFINITY;
        int failed = 0;
        for (int k = 0; k < samples.size(); k++) {
            Sample s = samples.get(k);
            try {
                double[] estimate = scaling.apply(spec,
                        EqPropStep.run(session, s.x(), s.y(), estimator, beta).gradient());
                estimates.add(estimate);
                matched.add(references.get(k));
                worst = Math.min(worst, GradientReference.cosine(estimate, references.get(k)));
            } catch (PhaseFailedException e) {
                failed++;
            }
        }
        if (estimates.isEmpty()) {
            double nan = Double.NaN;
            return new Row(estimator, beta, nan, nan, nan, nan, nan, failed, List.of());
        }
        double[] estimate = ConductanceUpdate.mean(estimates);
        double[] reference = ConductanceUpdate.mean(matched);
        return new Row(estimator, beta, GradientReference.cosine(estimate, reference),
                GradientReference.relativeError(estimate, reference), norm(reference), norm(estimate), worst, failed,
                layerRatios(spec, estimate, reference));
    }

    /** The per-layer ratios of a mean estimate to its mean reference (flat, layer by layer). */
    public static List<LayerRatio> layerRatios(NetworkSpec spec, double[] estimate, double[] reference) {
        List<LayerRatio> out = new ArrayList<>();
        int at = 0;
        for (int l = 0; l < spec.weightLayers(); l++) {
            int n = spec.rows(l) * spec.columns(l);
            double largest = 0;
            for (int k = at; k < at + n; k++) {
                largest = Math.max(largest, Math.abs(reference[k]));
            }
            double[] ratios = new double[n];
            int counted = 0;
            for (int k = at; k < at + n; k++) {
                if (largest > 0 && Math.abs(reference[k]) >= NEGLIGIBLE_SHARE * largest) {
                    ratios[counted++] = estimate[k] / reference[k];
                }
            }
            double[] r = Arrays.copyOf(ratios, counted);
            Arrays.sort(r);
            double nan = Double.NaN;
            out.add(counted == 0 ? new LayerRatio(l, nan, nan, nan, 0, n)
                    : new LayerRatio(l, median(r), r[0], r[counted - 1], counted, n - counted));
            at += n;
        }
        return out;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
