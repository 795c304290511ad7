package eqspice.eqprop;

import eqspice.circuit.SpiceNumber;

/**
 * How a memristive device takes a programming step, for the update rule: the requested change
 * -alpha * estimate is scaled by {@code potentiation} when it raises the conductance and by
 * {@code depression} when it lowers it (asymmetric devices), multiplied by (1 + noise * z) with z
 * standard normal (cycle-to-cycle write noise), clipped to [g_min, g_max] (bounded), and rounded
 * to the nearest of {@code levels} evenly spaced conductances (quantised; 0 = continuous).
 *
 * @param levels        programmable levels between g_min and g_max (both included), 0 for continuous, else &gt;= 2
 * @param noise         relative standard deviation of a step, &gt;= 0
 * @param potentiation  scale of steps that raise g, &gt; 0
 * @param depression    scale of steps that lower g, &gt; 0
 * @param seed          seed of the write noise (the same seed, the same run)
 */
public record Programming(int levels, double noise, double potentiation, double depression, long seed) {
    /** Exact, continuous, symmetric, noiseless steps: the plain rule g &lt;- clip(g - alpha * estimate). */
    public static final Programming IDEAL = new Programming(0, 0.0, 1.0, 1.0, 1L);

    public Programming {
        if (levels != 0 && levels < 2) {
            throw new IllegalArgumentException("programming levels must be 0 (continuous) or >= 2, got " + levels);
        }
        SpiceNumber.nonNegative("programming noise", noise);
        SpiceNumber.positive("programming potentiation", potentiation);
        SpiceNumber.positive("programming depression", depression);
    }

    /** Whether this is the plain rule (no random draw, no rounding, no scaling). */
    public boolean ideal() {
        return levels == 0 && noise == 0 && potentiation == 1 && depression == 1;
    }
}
