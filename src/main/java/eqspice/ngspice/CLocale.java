package eqspice.ngspice;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * ngspice parses numbers with the C library's strtod, which follows LC_NUMERIC: under a
 * locale with a decimal comma, "1.5" would read as 1. The JVM sets the process locale from the
 * environment, so it is pinned to "C" for numbers before ngspice is initialised.
 */
final class CLocale {
    private static final int LC_NUMERIC_GLIBC = 1;

    private interface LibC extends Library {
        String setlocale(int category, String locale);
    }

    private CLocale() {
    }

    static void numericC() {
        try {
            Native.load("c", LibC.class).setlocale(LC_NUMERIC_GLIBC, "C");
        } catch (UnsatisfiedLinkError e) {
            // Not glibc: nothing to pin; ngspice then uses the process default, which is "C" unless changed.
        }
    }
}
