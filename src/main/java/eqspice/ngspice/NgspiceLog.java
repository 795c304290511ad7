package eqspice.ngspice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines ngspice printed since the last {@link #clear()}, and their classification into
 * netlist errors and convergence failures. ngspice's API returns 0 even when a netlist is bad
 * or an operating point fails, so these lines are the only reliable signal.
 */
final class NgspiceLog {
    private static final String[] NETLIST = {"error on line", "unknown model", "unknown device", "not parsed",
        "could not find", "unable to find definition", "syntax error", "no such vector", "unknown parameter",
        "error:", "is not found", "fatal", "is not a valid"};
    private static final String[] CONVERGENCE = {"singular matrix", "no convergence", "timestep too small",
        "gmin stepping failed", "source stepping failed", "iteration limit", "op analysis failed",
        "dc solution failed", "simulation(s) aborted"};

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("ngspice-(\\S+)");

    private final List<String> lines = new ArrayList<>();

    synchronized void add(String raw) {
        String line = raw;
        if (line.startsWith("stdout ") || line.startsWith("stderr ")) {
            line = line.substring(7);
        }
        if (lines.size() < 10_000) {
            lines.add(line);
        }
    }

    /** The version in ngspice's answer to {@code version} (e.g. {@code 46}), or {@code unknown}. */
    synchronized String version() {
        for (String l : lines) {
            java.util.regex.Matcher m = VERSION.matcher(l);
            if (m.find()) {
                return m.group(1).replaceAll("[^0-9A-Za-z.+-]", "");
            }
        }
        return "unknown";
    }

    synchronized void clear() {
        lines.clear();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Lines that report a convergence failure. ngspice's op tries gmin stepping, then source
     * stepping: "gmin stepping failed" followed by "source stepping completed" is a solved
     * operating point (a high-gain op-amp macro model takes that path), so a stepping failure
     * that a later "stepping completed" note overtook is not reported.
     */
    synchronized List<String> convergenceErrors() {
        int lastCompleted = -1;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).toLowerCase(Locale.ROOT).contains("stepping completed")) {
                lastCompleted = k;
            }
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k).toLowerCase(Locale.ROOT);
            boolean overtaken = k < lastCompleted && l.contains("stepping failed");
            if (containsAny(l, CONVERGENCE) && !overtaken) {
                out.add(lines.get(k));
            }
        }
        return out;
    }

    /** Lines that report a netlist or command error (and are not convergence reports). */
    synchronized List<String> netlistErrors() {
        List<String> out = new ArrayList<>();
        for (String l : matching(NETLIST)) {
            if (!containsAny(l.toLowerCase(Locale.ROOT), CONVERGENCE)) {
                out.add(l);
            }
        }
        return out;
    }

    private List<String> matching(String[] patterns) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (containsAny(l.toLowerCase(Locale.ROOT), patterns)) {
                out.add(l);
            }
        }
        return out;
    }

    private static boolean containsAny(String s, String[] patterns) {
        for (String p : patterns) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
