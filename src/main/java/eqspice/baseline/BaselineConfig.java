package eqspice.baseline;

/**
 * The software baseline of an experiment: backpropagation on an {@link Mlp} with the circuit's
 * layer sizes, the same samples, epochs, batch size and seed.
 *
 * @param learningRate SGD step on C = 1/2 sum (y - o)^2 per sample (mean over a mini-batch), &gt; 0
 * @param activation   the hidden units' activation
 */
public record BaselineConfig(double learningRate, SoftClip activation) {
    /** The default learning rate (inputs and targets of about a volt). */
    public static final double DEFAULT_RATE = 0.02;

    public BaselineConfig {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("baseline learning rate must be a finite number > 0, got " + learningRate);
        }
        if (activation == null) {
            throw new IllegalArgumentException("baseline needs an activation");
        }
    }
}
