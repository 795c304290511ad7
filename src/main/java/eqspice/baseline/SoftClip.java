package eqspice.baseline;

/**
 * The baseline's activation: a smooth clip, linear with slope 1 around zero and saturating at
 * +-{@code limit}, like the diode pair (a hidden node follows its input until one diode starts
 * to conduct, then is held near that diode's bias plus its forward drop):
 *
 * <pre>
 *   f(z) = s ln[(1 + e^((z + L)/s)) / (1 + e^((z - L)/s))] - L,     f'(z) = sigma((z + L)/s) - sigma((z - L)/s)
 * </pre>
 *
 * with L the limit and s the softness (the width of the knee; the diode's is about n V_T per
 * decade of current). The scale of L does not matter to a software network (the weights absorb
 * it); the shape does.
 *
 * @param limit    L, the saturation level (&gt; 0)
 * @param softness s, the width of the knee (&gt; 0)
 */
public record SoftClip(double limit, double softness) {
    /** L = 1, s = 0.1: the knee takes a tenth of the linear range, about as sharp as the diodes'. */
    public static final SoftClip DEFAULT = new SoftClip(1.0, 0.1);

    public SoftClip {
        if (!(limit > 0) || !(softness > 0) || !Double.isFinite(limit) || !Double.isFinite(softness)) {
            throw new IllegalArgumentException("soft clip needs a finite limit and softness > 0, got " + limit + ", "
                    + softness);
        }
    }

    public double value(double z) {
        return softness * (softplus((z + limit) / softness) - softplus((z - limit) / softness)) - limit;
    }

    public double derivative(double z) {
        return sigmoid((z + limit) / softness) - sigmoid((z - limit) / softness);
    }

    private static double softplus(double t) {
        return t > 30 ? t : Math.log1p(Math.exp(t));
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }
}
