package eqspice.train;

/**
 * Running sums over solved samples: the loss ½‖y − o‖², |y − o| per output, and the samples
 * whose every output is within the task's tolerance (the accuracy rule of training, the sweep
 * points' final score and validate). One place, so that they all count alike.
 */
public final class OutputTally {
    private final double tolerance;
    private double lossSum;
    private double absErrorSum;
    private int outputsSeen;
    private int solved;
    private int correct;

    /** A tally for outputs that count as correct within {@code tolerance} (V) of their targets. */
    public OutputTally(double tolerance) {
        this.tolerance = tolerance;
    }

    /** Adds one solved sample with targets {@code y}, outputs {@code o} and its loss. */
    public void add(double[] y, double[] o, double loss) {
        lossSum += loss;
        solved++;
        boolean allWithin = true;
        for (int k = 0; k < y.length; k++) {
            double e = Math.abs(y[k] - o[k]);
            absErrorSum += e;
            outputsSeen++;
            allWithin &= e <= tolerance;
        }
        if (allWithin) {
            correct++;
        }
    }

    /** Mean loss over the solved samples (V²), NaN when none solved. */
    public double meanLoss() {
        return solved == 0 ? Double.NaN : lossSum / solved;
    }

    /** Mean |y − o| over the solved samples' outputs (V), NaN when none solved. */
    public double meanAbsError() {
        return outputsSeen == 0 ? Double.NaN : absErrorSum / outputsSeen;
    }

    /** Samples added. */
    public int solved() {
        return solved;
    }

    /** Samples whose every output was within the tolerance. */
    public int correct() {
        return correct;
    }
}
