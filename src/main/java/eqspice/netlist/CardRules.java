package eqspice.netlist;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The allow-list one logical netlist line (continuations joined, comments removed) must pass:
 * an element whose first letter names a device a DC solve needs, or one of a few dot-cards.
 * Everything else is refused with the rule. The rules keep state: the {@code .subckt} nesting
 * and the number of elements at the top level.
 *
 * <p>Why an allow-list: ngspice gives meaning to much more than circuit lines ({@code .control}
 * blocks, {@code *#} comments, {@code .title *ng_script}, prefixes such as {@code .controlx}, XSPICE
 * models that read files or load libraries), and a list of what is dangerous is only ever as
 * complete as its author's reading of ngspice. A list of what a DC operating point needs is short.
 */
final class CardRules {
    /**
     * Device letters allowed: B (behavioural sources), C, D, E, F, G, H, I, J, K (coupling), L, M, O (lossy
     * line), Q, R, S, T (line), U (RC line), V, W, X (subcircuit), Z (MESFET).
     */
    static final String ELEMENTS = "bcdefghijklmoqrstuvwxz";

    /** Why the other letters are refused, where there is more to say than "not a device". */
    private static final Map<Character, String> REFUSED_ELEMENTS = Map.of(
            'a', "XSPICE code-model instances can read and write files and load shared libraries",
            'n', "OSDI and numerical (CIDER) devices load compiled code and write files",
            'p', "coupled multiconductor lines are for transient analysis",
            'y', "TXL lines are for transient analysis");

    /** Dot-cards passed to ngspice. */
    static final Set<String> PASSED_CARDS = Set.of(".model", ".subckt", ".ends", ".param", ".func", ".global",
            ".temp", ".nodeset", ".ic", ".options", ".option");

    /** Dot-cards accepted and left out: eqspice writes its own title and {@code .end} and runs {@code op} itself. */
    static final Set<String> DROPPED_CARDS = Set.of(".op", ".end", ".title");

    /** Dot-cards the reader resolves itself (they never reach the rules). */
    static final Set<String> DIRECTIVES = Set.of(".include", ".inc", ".lib");

    /** Model types of the devices above; code-model, OSDI and numerical types are not among them. */
    static final Set<String> MODEL_TYPES = Set.of("d", "npn", "pnp", "nmos", "pmos", "njf", "pjf", "nmf", "pmf",
            "nhfet", "phfet", "r", "res", "c", "cap", "l", "ind", "sw", "csw", "vdmos", "ltra", "urc");

    /** Simulator options a DC solve may set. */
    static final Set<String> OPTIONS = Set.of("klu", "sparse", "reltol", "abstol", "vntol", "chgtol", "gmin",
            "gminsteps", "gminfactor", "srcsteps", "itl1", "itl2", "itl6", "pivtol", "pivrel", "rshunt", "rseries",
            "cshunt", "temp", "tnom", "noopiter", "keepopinfo", "scale", "defl", "defw", "defad", "defas", "bypass",
            "savecurrents");

    private static final Pattern OPTION = Pattern.compile("([a-z_][a-z0-9_]*)(=[A-Za-z0-9_.+\\-*/(){}]+)?");

    private int subcktDepth;
    private String openSubckt;
    private int topElements;

    /** What a checked line is for. */
    enum Kind { PASSED, DROPPED }

    /**
     * Checks one logical line.
     *
     * @param where names the file and line for a message, e.g. {@code x.cir: line 4}
     * @throws NetlistRefusedException naming the rule
     */
    Kind check(String line, String where) {
        char first = line.charAt(0);
        if (first == '.') {
            return card(line, where);
        }
        char letter = Character.toLowerCase(first);
        if (letter >= 'a' && letter <= 'z') {
            if (ELEMENTS.indexOf(letter) < 0) {
                String why = REFUSED_ELEMENTS.get(letter);
                throw new NetlistRefusedException(where + ": element '" + token(line) + "': device letter '" + letter
                        + "' is not allowed" + (why != null ? " (" + why + ")" : "") + "; allowed letters: "
                        + String.join(" ", ELEMENTS.split("")));
            }
            if (subcktDepth == 0) {
                topElements++;
            }
            return Kind.PASSED;
        }
        throw new NetlistRefusedException(where + ": '" + token(line) + "' is neither an element (a line starting with "
                + "the device's letter), a dot-card nor a comment");
    }

    private Kind card(String line, String where) {
        String card = token(line).toLowerCase(Locale.ROOT);
        int paren = card.indexOf('(');
        if (paren > 0) {
            card = card.substring(0, paren);
        }
        if (DROPPED_CARDS.contains(card)) {
            return Kind.DROPPED;
        }
        if (!PASSED_CARDS.contains(card)) {
            throw new NetlistRefusedException(where + ": '" + card + "' is not allowed (eqspice solves a DC operating "
                    + "point and runs no scripts or other analyses); allowed dot-cards: " + allowedCards());
        }
        String rest = line.substring(token(line).length()).strip();
        switch (card) {
            case ".model" -> model(rest, where);
            case ".options", ".option" -> options(rest, where);
            case ".subckt" -> {
                if (rest.isEmpty()) {
                    throw new NetlistRefusedException(where + ": .subckt needs a name and its nodes");
                }
                if (subcktDepth++ == 0) {
                    openSubckt = where + " (.subckt " + token(rest) + ")";
                }
            }
            case ".ends" -> {
                if (subcktDepth == 0) {
                    throw new NetlistRefusedException(where + ": .ends without a .subckt to end");
                }
                subcktDepth--;
            }
            default -> {
                // .param, .func, .global, .temp, .nodeset, .ic: values and expressions, nothing that names a file
            }
        }
        return Kind.PASSED;
    }

    private static void model(String rest, String where) {
        String name = token(rest);
        String afterName = rest.substring(name.length()).strip();
        String type = token(afterName).toLowerCase(Locale.ROOT);
        int paren = type.indexOf('(');
        if (paren >= 0) {
            type = type.substring(0, paren);
        }
        if (name.isEmpty() || type.isEmpty()) {
            throw new NetlistRefusedException(where + ": .model needs a name and a type, e.g. .model dmod d(is=1e-14)");
        }
        if (!MODEL_TYPES.contains(type)) {
            throw new NetlistRefusedException(where + ": .model " + name + ": model type '" + type + "' is not allowed "
                    + "(code-model, OSDI and numerical device types can read or write files); allowed types: "
                    + String.join(" ", new TreeSet<>(MODEL_TYPES)));
        }
    }

    private static void options(String rest, String where) {
        String spaced = rest.replaceAll("\\s*=\\s*", "=");
        for (String t : spaced.isEmpty() ? new String[0] : spaced.split("\\s+")) {
            var m = OPTION.matcher(t.toLowerCase(Locale.ROOT));
            if (!m.matches() || !OPTIONS.contains(m.group(1))) {
                throw new NetlistRefusedException(where + ": option '" + t + "' is not allowed; allowed options: "
                        + String.join(" ", new TreeSet<>(OPTIONS)) + " (a number or parameter as value)");
            }
        }
    }

    /** Checks what only the whole netlist shows: closed subcircuits, at least one element. */
    void finish(String source, boolean needsElements) {
        if (subcktDepth > 0) {
            throw new NetlistRefusedException(openSubckt + " is not closed by .ends");
        }
        if (needsElements && topElements == 0) {
            // ngspice 46 crashes the whole process (SIGSEGV in libngspice) on a circuit without elements.
            throw new NetlistRefusedException(source + ": no element lines after the title line (the first line is "
                    + "always the title); nothing to solve");
        }
    }

    static String allowedCards() {
        TreeSet<String> all = new TreeSet<>(PASSED_CARDS);
        all.addAll(DROPPED_CARDS);
        all.addAll(DIRECTIVES);
        return String.join(" ", all);
    }

    /** The first whitespace-separated token. */
    static String token(String s) {
        int end = 0;
        while (end < s.length() && s.charAt(end) != ' ' && s.charAt(end) != '\t') {
            end++;
        }
        return s.substring(0, end);
    }
}
