package eqspice.ngspice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Element lines of a user's netlist that lack a node or a value. ngspice 46 refuses them
 * ({@code 'r1 a' is not a valid resistor instance line}); Debian's 39.3 accepts them without a
 * word, reading a missing node as a node without a name and a missing value as 0 (a resistor of
 * 1 mOhm), and solves a circuit nobody wrote. Checked after ngspice accepted a netlist, so on 46
 * ngspice's own refusal comes first and this check only speaks where ngspice stays silent.
 *
 * <p>Only resistors, capacitors and inductors (two nodes and a value) and independent sources
 * (two nodes) are checked: 39.3 refuses the other short element lines itself. A line is counted
 * after joining its {@code +} continuations and dropping inline comments; separators are
 * whitespace and commas, so a valid line is never short.
 */
final class IncompleteElements {
    private IncompleteElements() {
    }

    /** The first incomplete element line, described with its line number; empty when there is none. */
    static Optional<String> first(List<String> lines) {
        List<String> found = new ArrayList<>();
        int start = -1;
        StringBuilder logical = new StringBuilder();
        for (int k = 1; k <= lines.size(); k++) { // line 0 is the title; k == size flushes the last line
            boolean end = k == lines.size();
            String t = end ? "" : withoutComment(lines.get(k)).strip();
            if (!end && (t.isEmpty() || t.startsWith("*"))) {
                continue; // ngspice drops comment and blank lines before it joins continuations
            }
            if (t.startsWith("+")) {
                logical.append(' ').append(t.substring(1));
                continue;
            }
            if (start > 0) {
                check(start, logical.toString().strip()).ifPresent(found::add);
            }
            logical.setLength(0);
            start = end || t.startsWith(".") ? -1 : k;
            logical.append(t);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0) + (found.size() > 1 ? " (and " + (found.size() - 1) + " more such lines)" : ""));
    }

    private static Optional<String> check(int index, String line) {
        String[] tokens = line.split("[\\s,]+");
        String needs = switch (Character.toLowerCase(line.charAt(0))) {
            case 'r' -> tokens.length < 4 ? "a resistor needs two nodes and a value" : null;
            case 'c' -> tokens.length < 4 ? "a capacitor needs two nodes and a value" : null;
            case 'l' -> tokens.length < 4 ? "an inductor needs two nodes and a value" : null;
            case 'v', 'i' -> tokens.length < 3 ? "a source needs two nodes" : null;
            default -> null;
        };
        return Optional.ofNullable(needs).map(n -> "line " + (index + 1) + ": '" + line + "': " + n);
    }

    /** The line without ngspice's inline comments ({@code ;} anywhere, {@code $} and {@code //} after a blank). */
    private static String withoutComment(String line) {
        String l = line;
        int semicolon = l.indexOf(';');
        if (semicolon >= 0) {
            l = l.substring(0, semicolon);
        }
        for (String mark : List.of(" $", "\t$", " //", "\t//")) {
            int at = l.indexOf(mark);
            if (at >= 0) {
                l = l.substring(0, at);
            }
        }
        return l;
    }
}
