package eqspice.network;

import eqspice.circuit.DiodeModel;
import eqspice.circuit.SpiceNumber;

/**
 * The activation of a hidden node: two antiparallel diodes from the node to ground, each in
 * series with a bias voltage source (a soft clipping nonlinearity).
 *
 * <p>In the {@link Orientation#CLIPPING} orientation the upper diode conducts from the node
 * into a source at {@code upperBias} (so the node is held from rising far above it) and the
 * lower diode conducts from a source at {@code lowerBias} into the node (holding it from falling
 * far below it). {@link Orientation#REVERSED} swaps anode and cathode of both diodes.
 *
 * @param model      the diode model card
 * @param upperBias  bias source voltage of the upper diode (V)
 * @param lowerBias  bias source voltage of the lower diode (V), must be below {@code upperBias}
 * @param orientation which way the diodes point
 */
public record DiodePair(DiodeModel model, double upperBias, double lowerBias, Orientation orientation) {
    /** Which way the two diodes point. */
    public enum Orientation { CLIPPING, REVERSED }

    /** The default activation model: an ideal Shockley diode (IS = 1e-12 A, N = 1, no series resistance). */
    public static final DiodeModel DEFAULT_MODEL = new DiodeModel("dact", 1e-12, 1.0, 0.0);

    /** Default activation: the ideal model with bias sources at +0.5 V and -0.5 V. */
    public static final DiodePair DEFAULT = new DiodePair(DEFAULT_MODEL, 0.5, -0.5, Orientation.CLIPPING);

    public DiodePair {
        if (model == null) {
            throw new IllegalArgumentException("diode pair needs a diode model");
        }
        SpiceNumber.finite("upper diode bias", upperBias);
        SpiceNumber.finite("lower diode bias", lowerBias);
        if (lowerBias >= upperBias) {
            throw new IllegalArgumentException("lower diode bias (" + lowerBias + " V) must be below the upper bias ("
                    + upperBias + " V)");
        }
        if (orientation == null) {
            throw new IllegalArgumentException("diode pair orientation must be CLIPPING or REVERSED");
        }
    }
}
