package eqspice.network;

import eqspice.circuit.SpiceNumber;

/**
 * The programmable range of a crossbar conductance, in siemens: 0 &lt; gMin &lt; gMax.
 * Updates are clipped into it.
 */
public record ConductanceBounds(double gMin, double gMax) {
    /** 1 µS to 1 mS, a typical memristor range. */
    public static final ConductanceBounds DEFAULT = new ConductanceBounds(1e-6, 1e-3);

    public ConductanceBounds {
        SpiceNumber.positive("g_min", gMin);
        SpiceNumber.positive("g_max", gMax);
        if (gMin >= gMax) {
            throw new IllegalArgumentException("g_min (" + gMin + " S) must be below g_max (" + gMax + " S)");
        }
    }

    /** The value clipped into [gMin, gMax]. */
    public double clip(double g) {
        return Math.min(gMax, Math.max(gMin, g));
    }

    /** Whether a value lies in [gMin, gMax]. */
    public boolean contains(double g) {
        return g >= gMin && g <= gMax;
    }
}
