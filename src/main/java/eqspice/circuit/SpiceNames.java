package eqspice.circuit;

import java.util.regex.Pattern;

/**
 * Validation of every name that eqspice writes into a netlist or an ngspice command.
 *
 * <p>ngspice folds device names to lower case and has a {@code shell} command and
 * {@code .control} blocks, so a name that reaches it must be generated or checked here:
 * lower-case ASCII letters, digits and underscores, starting with a letter, at most 64
 * characters. Anything else (a newline, a dot, a space, a quote) is refused.
 */
public final class SpiceNames {
    /** The ground node, always named {@code 0}. */
    public static final String GROUND = "0";

    private static final int MAX_LENGTH = 64;

    /**
     * ngspice treats a node named {@code gnd} as ground: a node of that name would be shorted
     * to ground silently, so it is refused (use {@code 0}).
     */
    private static final String GROUND_ALIAS = "gnd";

    private SpiceNames() {
    }

    /** True for a valid node or element name (ground {@code 0} counts as a node). */
    public static boolean isValidNode(String name) {
        return name != null && !GROUND_ALIAS.equals(name) && (GROUND.equals(name) || isName(name));
    }

    /**
     * Checks a node name and returns it.
     *
     * @throws IllegalArgumentException naming the offending value and what is allowed
     */
    public static String node(String name) {
        if (!isValidNode(name)) {
            throw new IllegalArgumentException("invalid node name " + quote(name)
                    + (GROUND_ALIAS.equals(name) ? ": ngspice reads 'gnd' as ground, write '0'" : "")
                    + ": use '0' (ground) or lower-case letters, digits and '_' starting with a letter, at most 64 characters");
        }
        return name;
    }

    /**
     * Checks an element name: it must be a valid name whose first letter is {@code prefix},
     * the SPICE letter that selects the device type.
     */
    public static String element(String name, char prefix) {
        if (name == null || !isName(name) || name.charAt(0) != prefix) {
            throw new IllegalArgumentException("invalid element name " + quote(name)
                    + ": must start with '" + prefix + "' followed by lower-case letters, digits or '_' (at most 64 characters)");
        }
        return name;
    }

    /** Checks a model name (same alphabet as node names, no ground). */
    public static String model(String name) {
        if (name == null || !isName(name)) {
            throw new IllegalArgumentException("invalid model name " + quote(name)
                    + ": use lower-case letters, digits and '_' starting with a letter, at most 64 characters");
        }
        return name;
    }

    /**
     * Checks a netlist title: one line of text (no control character or Unicode line separator),
     * not starting with {@code *}, since ngspice reads a title starting {@code *ng_script} as
     * "this file is a script". Comments need no check: {@link NgspiceWriter} escapes them.
     */
    public static String title(String value) {
        text("title", value);
        if (value.startsWith("*")) {
            throw new IllegalArgumentException("title " + quote(value) + " starts with '*', which ngspice may read as "
                    + "a script marker (*ng_script)");
        }
        return value;
    }

    /** Checks one line of free text: no control character or Unicode line separator. */
    public static String text(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // C0/C1 controls and the Unicode line/paragraph separators: anything an editor or
            // a reader might take for a line break, which would start a new netlist line.
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(what + " " + quote(value) + " contains a line break or control character");
            }
        }
        return value;
    }

    /**
     * True for {@code [a-z][a-z0-9_]{0,63}}. A plain loop rather than a regex: every element of
     * an 80,000-resistor crossbar checks three names, and the regex made that a third of the
     * time to build the circuit.
     */
    private static boolean isName(String name) {
        int n = name.length();
        if (n == 0 || n > MAX_LENGTH || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return "'" + s.replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
