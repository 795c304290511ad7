package eqspice.eqprop;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * How the EqProp gradient estimate is formed from the phases (Kendall et al., Theorem 1;
 * Laborieux et al. for the centered form). With dV the voltage across a conductance:
 * <ul>
 *   <li>{@link #POSITIVE}: [ (dV^{+beta})^2 - (dV^0)^2 ] / (2 beta), bias O(beta);</li>
 *   <li>{@link #NEGATIVE}: [ (dV^0)^2 - (dV^{-beta})^2 ] / (2 beta), bias O(beta);</li>
 *   <li>{@link #CENTERED}: [ (dV^{+beta})^2 - (dV^{-beta})^2 ] / (4 beta), bias O(beta^2).</li>
 * </ul>
 * The free phase is always solved too: it gives the loss, the prediction and the nudging
 * currents.
 */
public enum Estimator {
    POSITIVE, NEGATIVE, CENTERED;

    /** Whether the +beta phase is needed. */
    public boolean needsPositive() {
        return this != NEGATIVE;
    }

    /** Whether the -beta phase is needed. */
    public boolean needsNegative() {
        return this != POSITIVE;
    }

    /**
     * The estimate of dL/dg for one conductance.
     *
     * @param free     dV in the free phase
     * @param positive dV in the +beta phase (ignored by NEGATIVE)
     * @param negative dV in the -beta phase (ignored by POSITIVE)
     * @param beta     nudging strength, &gt; 0
     */
    public double estimate(double free, double positive, double negative, double beta) {
        // times the reciprocal, not divided: a mini-batch estimates ~10^5 conductances per sample with one
        // beta, and the JIT hoists 0.5 / beta out of that loop (a division per conductance cost a quarter
        // of the gradient pass); the result differs from the quotient by at most one unit in the last place
        return switch (this) {
            case POSITIVE -> (positive * positive - free * free) * (0.5 / beta);
            case NEGATIVE -> (free * free - negative * negative) * (0.5 / beta);
            case CENTERED -> (positive * positive - negative * negative) * (0.25 / beta);
        };
    }

    /**
     * The estimate of dL/dg for a device whose co-content per siemens is {@code phi} (for a
     * linear conductance 1/2 dV^2, which makes this {@link #estimate(double, double, double, double)};
     * for a sinh device V0^2 (cosh(dV/V0) - 1)): the EqProp rule differentiates each phase's
     * co-content with respect to g, dF/dg = phi(dV).
     */
    public double estimate(double free, double positive, double negative, double beta, DoubleUnaryOperator phi) {
        double f = phi.applyAsDouble(free);
        return switch (this) {
            case POSITIVE -> (phi.applyAsDouble(positive) - f) / beta;
            case NEGATIVE -> (f - phi.applyAsDouble(negative)) / beta;
            case CENTERED -> (phi.applyAsDouble(positive) - phi.applyAsDouble(negative)) / (2 * beta);
        };
    }

    /** The name used in experiment files and CSV: {@code positive}, {@code negative}, {@code centered}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an estimator name (case-insensitive).
     *
     * @throws IllegalArgumentException listing the allowed names
     */
    public static Estimator parse(String s) {
        for (Estimator e : values()) {
            if (e.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown estimator '" + s + "': allowed are "
                + Arrays.stream(values()).map(Estimator::id).collect(Collectors.joining(", ")));
    }
}
