package eqspice.circuit;

/**
 * Formats numbers for netlists and commands.
 *
 * <p>{@link Double#toString(double)} is locale-independent and prints enough digits to
 * read the same double back, so a written netlist holds exactly the values that were
 * simulated. The exponent marker is lower-cased for readability ({@code 1.0e-4}).
 */
public final class SpiceNumber {
    private SpiceNumber() {
    }

    /**
     * Writes a finite double so that parsing it back gives the same value.
     *
     * @throws IllegalArgumentException for NaN or infinity, naming {@code what}
     */
    public static String format(String what, double value) {
        // Double.toString writes only digits, '-', '.' and 'E' for a finite value; replacing the
        // one letter is several times cheaper than a locale-aware toLowerCase.
        return Double.toString(finite(what, value)).replace('E', 'e');
    }

    /** Checks that a value is finite and returns it. */
    public static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
        return value;
    }

    /** Checks that a value is finite and strictly positive and returns it. */
    public static double positive(String what, double value) {
        finite(what, value);
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + value);
        }
        return value;
    }

    /** Checks that a value is finite and not negative and returns it. */
    public static double nonNegative(String what, double value) {
        finite(what, value);
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
        return value;
    }
}
