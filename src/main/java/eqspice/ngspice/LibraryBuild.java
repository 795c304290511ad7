package eqspice.ngspice;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the loaded libngspice is, from the banner its {@code version} command prints: the version
 * ({@code 46}, {@code 39}) and whether it was built with KLU. Builds differ silently: Debian
 * bookworm's 39.3 has no KLU, ignores {@code .options klu} without a word and never reports
 * the solver it used, so the banner is the only place that says it.
 *
 * @param version the version as ngspice names it
 * @param klu     whether the banner says {@code Compiled with KLU Direct Linear Solver}
 */
record LibraryBuild(String version, boolean klu) {
    private static final Pattern VERSION = Pattern.compile("ngspice-(\\S+)");
    private static final String KLU_BANNER = "Compiled with KLU Direct Linear Solver";

    /** Reads the banner; the version is {@code unknown} when no line names it. */
    static LibraryBuild parse(List<String> banner) {
        String version = "unknown";
        for (String l : banner) {
            Matcher m = VERSION.matcher(l);
            if (m.find()) {
                version = m.group(1).replaceAll("[^0-9A-Za-z.+-]", "");
                break;
            }
        }
        return new LibraryBuild(version, banner.stream().anyMatch(l -> l.contains(KLU_BANNER)));
    }
}
