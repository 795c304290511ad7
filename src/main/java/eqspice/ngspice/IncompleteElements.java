package eqspice.ngspice;

import java.util.List;
import java.util.Optional;

/**
 * Element lines of a netlist from outside that lack a node or a value. ngspice 46 refuses them
 * ({@code 'r1 a' is not a valid resistor instance line}); Debian's 39.3 accepts them without a
 * word, reading a missing node as a node without a name and a missing value as 0 (a resistor of
 * 1 mOhm), and solves a circuit nobody wrote. Checked after ngspice accepted a netlist, so on 46
 * ngspice's own refusal comes first and this check only speaks where ngspice stays silent.
 *
 * <p>Only resistors, capacitors and inductors (two nodes and a value) and independent sources
 * (two nodes) are checked: 39.3 refuses the other short element lines itself. The statements
 * come from {@link eqspice.netlist.NetlistReader}, continuations joined and comments dropped, as
 * ngspice reads them; separators are whitespace and commas, so a valid line is never short.
 */
final class IncompleteElements {
    private IncompleteElements() {
    }

    /** The first incomplete element statement and what it lacks, e.g. {@code 'r1 a': a resistor needs ...}. */
    static Optional<String> first(List<String> statements) {
        List<String> found = statements.stream().map(IncompleteElements::lacking).flatMap(Optional::stream).toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0) + (found.size() > 1 ? " (and " + (found.size() - 1) + " more such lines)" : ""));
    }

    private static Optional<String> lacking(String statement) {
        String[] tokens = statement.strip().split("[\\s,]+");
        String needs = switch (Character.toLowerCase(statement.strip().charAt(0))) {
            case 'r' -> tokens.length < 4 ? "a resistor needs two nodes and a value" : null;
            case 'c' -> tokens.length < 4 ? "a capacitor needs two nodes and a value" : null;
            case 'l' -> tokens.length < 4 ? "an inductor needs two nodes and a value" : null;
            case 'v', 'i' -> tokens.length < 3 ? "a source needs two nodes" : null;
            default -> null;
        };
        return Optional.ofNullable(needs).map(n -> "'" + statement.strip() + "': " + n);
    }
}
