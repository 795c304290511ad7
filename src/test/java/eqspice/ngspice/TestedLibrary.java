package eqspice.ngspice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The libngspice the suite runs against ({@code EQSPICE_NGSPICE_LIB}, else the installed one):
 * ngspice-native/test-both.sh runs the suite on 46 (with KLU) and on Debian's 39.3 (without).
 * Tests whose expectations differ by version ask here; docs/ngspice-versions.md lists them.
 *
 * <p>It asks a private copy of the library (another file name is another instance to the dynamic
 * loader), not {@link SharedSession}: a test that opens ngspice in this JVM itself (the in-process
 * {@code --version}) would otherwise find the library taken, depending on the order the tests ran in.
 */
public final class TestedLibrary {
    private record Facts(String version, boolean klu) {
    }

    private static Facts facts;

    private TestedLibrary() {
    }

    private static synchronized Facts facts() {
        if (facts == null) {
            try {
                Path copy = Files.createTempFile("libngspice-tested-", ".so");
                try {
                    Files.copy(LibraryLocator.locate(), copy, StandardCopyOption.REPLACE_EXISTING);
                    try (NgspiceSession s = new NgspiceSession(copy)) {
                        facts = new Facts(s.version(), s.kluUnavailable().isEmpty());
                    }
                } finally {
                    Files.deleteIfExists(copy); // the loaded library stays mapped
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy libngspice to ask its version: " + e.getMessage(), e);
            }
        }
        return facts;
    }

    /** The version ngspice reports, e.g. {@code 46} or {@code 39}. */
    public static String version() {
        return facts().version();
    }

    /** The major version, e.g. {@code 46}; 0 when ngspice's version does not start with a number. */
    public static int major() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)").matcher(version());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether the library was built with KLU (46 from backports is; bookworm's 39.3 is not). */
    public static boolean hasKlu() {
        return facts().klu();
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
