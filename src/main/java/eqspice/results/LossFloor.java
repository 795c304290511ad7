package eqspice.results;

import java.util.Locale;

/**
 * The numerical floor of a loss. A loss of 1e-30 V^2 is an output 1e-15 V from its target, far under
 * any solver tolerance (vntol is 1e-6 V by default): the digits below 1e-20 V^2 are round-off, not
 * learning, so eqspice prints such a loss as "below 1e-20 V^2" and plots draw it on the floor.
 */
public final class LossFloor {
    /** Losses below this (V^2) are numerically zero. */
    public static final double V2 = 1e-20;

    private LossFloor() {
    }

    /** "0.2662 V^2", or "below 1e-20 V^2". */
    public static String text(double lossV2) {
        return lossV2 < V2 ? "below 1e-20 V^2" : String.format(Locale.ROOT, "%.4g V^2", lossV2);
    }

    /** "(20.7x lower)" when both losses are above the floor; empty otherwise (a ratio to round-off says nothing). */
    public static String ratio(double before, double after) {
        return before >= V2 && after >= V2 && after > 0 ? String.format(Locale.ROOT, " (%.3gx lower)", before / after)
                : "";
    }
}
