package eqspice.network;

import static org.junit.jupiter.api.Assertions.fail;

/** Relative closeness assertion for the network tests. */
final class Close {
    /** Below this magnitude (V or A) values count as equal zeros: ngspice's own noise floor. */
    static final double FLOOR = 1e-18;

    private Close() {
    }

    /** Asserts |actual - expected| <= rel * max(|actual|, |expected|), or both below {@link #FLOOR}. */
    static void relative(double expected, double actual, double rel, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (!(Math.abs(actual - expected) <= rel * scale || scale < FLOOR)) {
            fail(what + ": expected " + expected + ", got " + actual + " (relative difference "
                    + Math.abs(actual - expected) / scale + " > " + rel + ")");
        }
    }
}
