package eqspice.ngspice;

/**
 * The libngspice the suite runs against ({@code EQSPICE_NGSPICE_LIB}, else the installed one):
 * ngspice-native/test-both.sh runs the suite on 46 (with KLU) and on Debian's 39.3 (without).
 * Tests whose expectations differ by version ask here; docs/ngspice-versions.md lists them.
 */
public final class TestedLibrary {
    private TestedLibrary() {
    }

    /** The version ngspice reports, e.g. {@code 46} or {@code 39}. */
    public static String version() {
        return SharedSession.get().version();
    }

    /** The major version, e.g. {@code 46}; 0 when ngspice's version does not start with a number. */
    public static int major() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)").matcher(version());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether the library was built with KLU (46 from backports is; bookworm's 39.3 is not). */
    public static boolean hasKlu() {
        return SharedSession.get().kluUnavailable().isEmpty();
    }

    /** Why a test that needs KLU does not run here. */
    public static String withoutKlu() {
        return "needs a libngspice built with KLU (46); ngspice " + version() + " here has none";
    }

    /** Why a test of the no-KLU path does not run here. */
    public static String withKlu() {
        return "tests a libngspice built without KLU (Debian bookworm's 39.3); ngspice " + version() + " here has KLU";
    }
}
