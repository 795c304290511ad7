package eqspice.cosim;

/**
 * Running tally of co-simulation checks: how many, the largest node-voltage difference seen,
 * how many were mismatches (above tolerance or a reference failure) and the first mismatch.
 */
public final class CoSimStats {
    private int checks;
    private double maxDifference;
    private int mismatches;
    private int referenceFailures;
    private String firstMismatch = "";

    void add(double difference, String mismatch) {
        checks++;
        if (Double.isNaN(difference)) {
            referenceFailures++;
        } else if (difference > maxDifference) {
            maxDifference = difference;
        }
        if (!mismatch.isEmpty()) {
            mismatches++;
            if (firstMismatch.isEmpty()) {
                firstMismatch = mismatch;
            }
        }
    }

    public int checks() {
        return checks;
    }

    /** Checks in which the reference failed to solve what the primary solved (counted as mismatches too). */
    public int referenceFailures() {
        return referenceFailures;
    }

    /** Largest node-voltage difference (V) over the checks that both solved; 0 without checks. */
    public double maxDifference() {
        return maxDifference;
    }

    public int mismatches() {
        return mismatches;
    }

    public String firstMismatch() {
        return firstMismatch;
    }
}
