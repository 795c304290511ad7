package eqspice.circuit;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gate every netlist passes before it reaches ngspice. A netlist is data, but ngspice
 * will also execute what it finds in {@code .control} blocks (including {@code shell}), read
 * other files through {@code .include}/{@code .lib}, and run {@code .exec} lines. eqspice
 * solves circuits, so only element lines and the dot-cards a DC circuit needs are allowed.
 */
public final class NetlistScreen {
    /** Dot-cards a DC netlist may use. */
    static final Set<String> ALLOWED_CARDS = Set.of(".title", ".model", ".option", ".options", ".op", ".end",
            ".param", ".global", ".subckt", ".ends", ".ic", ".nodeset", ".temp", ".func", ".csparam");

    private static final java.util.regex.Pattern CONTINUATION_SCRIPT =
            java.util.regex.Pattern.compile("(^|\\s|\\+)(\\.control|\\.endc|\\.include|\\.inc|\\.lib|\\.exec|shell)(\\s|$)");

    private NetlistScreen() {
    }

    /**
     * Checks netlist lines (the first is the title and is never interpreted).
     *
     * @param source names the netlist in the message, e.g. its path
     * @throws IllegalArgumentException naming the line and what is allowed
     */
    public static void check(List<String> lines, String source) {
        int subcktDepth = 0;
        boolean element = false;
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line == null) {
                throw new IllegalArgumentException(source + ": line " + (k + 1) + " is missing");
            }
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(source + ": line " + (k + 1) + " contains a line break or NUL");
            }
            String t = line.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.startsWith("*")) {
                continue;
            }
            if (t.startsWith(".")) {
                String card = t.split("\\s+", 2)[0];
                if (!ALLOWED_CARDS.contains(card)) {
                    throw new IllegalArgumentException(source + ": line " + (k + 1) + ": '" + card
                            + "' is not allowed (eqspice runs no scripts and reads no other files); allowed dot-cards: "
                            + String.join(" ", ALLOWED_CARDS.stream().sorted().toList()));
                }
                subcktDepth += card.equals(".subckt") ? 1 : card.equals(".ends") ? -1 : 0;
            } else if (t.startsWith("shell") || t.startsWith("exec")) {
                throw new IllegalArgumentException(source + ": line " + (k + 1) + ": ngspice commands are not allowed in a netlist");
            } else if (t.startsWith("+") && CONTINUATION_SCRIPT.matcher(t).find()) {
                // ngspice joins a continuation onto the previous line; a script word there is never meant well.
                throw new IllegalArgumentException(source + ": line " + (k + 1)
                        + ": a continuation line may not carry .control, .include, .lib, .exec or shell");
            } else if (subcktDepth == 0 && !t.startsWith("+")) {
                element = true;
            }
        }
        if (!element) {
            // ngspice 46 crashes the whole process (SIGSEGV in libngspice) on a circuit without elements.
            throw new IllegalArgumentException(source + ": no element lines after the title line (the first line is "
                    + "always the title); nothing to solve");
        }
    }
}
