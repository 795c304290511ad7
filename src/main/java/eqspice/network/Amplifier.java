package eqspice.network;

import eqspice.circuit.SpiceNumber;

/**
 * The bidirectional amplifier between two layers. Forward, a VCVS drives the next layer's
 * input node with {@code forwardGain} times the hidden node's voltage; backward, a CCCS draws
 * {@code backwardGain} times the current that VCVS delivers out of the hidden node.
 *
 * <p>Kendall et al. use forward 4 and backward 1/4; that pair does not conserve power, so the
 * circuit is only approximately an energy-based model. Backward gain equal to the forward gain
 * makes the pair an ideal transformer: the power the VCVS delivers is exactly the power the
 * CCCS absorbs ({@link #powerConserving}).
 */
public record Amplifier(double forwardGain, double backwardGain) {
    /** Kendall et al.'s pair: forward 4, backward 1/4. */
    public static final Amplifier KENDALL = new Amplifier(4.0, 0.25);

    public Amplifier {
        SpiceNumber.positive("amplifier forward gain", forwardGain);
        SpiceNumber.positive("amplifier backward gain", backwardGain);
    }

    /** The power-conserving pair with forward and backward gain {@code a}. */
    public static Amplifier powerConserving(double a) {
        return new Amplifier(a, a);
    }
}
