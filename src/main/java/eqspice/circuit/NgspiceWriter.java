package eqspice.circuit;

import eqspice.text.OneLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Circuit} in the ngspice dialect: title line, {@code *} comment header,
 * library files, models, options, the function of sinh devices if there are any, elements in
 * their given order, an optional {@code .op} and
 * {@code .end}. The output is a pure function of the circuit: writing it twice gives identical text.
 *
 * <p>Library files are written in one of two ways. Loaded into an ngspice session, their lines
 * are inlined between marker comments: the session reads no files, so nothing depends on where
 * eqspice is installed or on a path that could be changed underneath it. Written for a
 * designer, each becomes {@code .include lib/<file>}, a path relative to the netlist, and the
 * folder carries the file (see {@code network.DesignerExport}).
 */
public final class NgspiceWriter {
    /** How library files appear in the written netlist. */
    public enum Libraries { INLINE, INCLUDE }

    private NgspiceWriter() {
    }

    /** The netlist as lines, without {@code .op}, libraries inlined (for loading into an ngspice session). */
    public static List<String> lines(Circuit circuit) {
        return lines(circuit, false);
    }

    /**
     * The netlist as lines, libraries inlined.
     *
     * @param withOp add an {@code .op} card, so that {@code ngspice -b file} solves it standalone
     */
    public static List<String> lines(Circuit circuit, boolean withOp) {
        return lines(circuit, withOp, Libraries.INLINE);
    }

    /** The netlist as lines, with libraries written as {@code how} says. */
    public static List<String> lines(Circuit circuit, boolean withOp, Libraries how) {
        List<String> out = new ArrayList<>(circuit.elements().size() + circuit.comments().size() + 8);
        out.add(circuit.title());
        for (String c : circuit.comments()) {
            // Escaped, not screened: a path holding "shell" or ".lib" is text here; a line break or a
            // Unicode separator in it cannot end the comment ("* " never starts "*#", which ngspice runs).
            out.add(c.isEmpty() ? "*" : "* " + OneLine.escape(c));
        }
        for (LibraryFile lib : circuit.libraries()) {
            if (how == Libraries.INCLUDE) {
                out.add(".include " + lib.includePath());
            } else {
                out.add("* begin library " + lib.fileName());
                out.addAll(lib.lines());
                out.add("* end library " + lib.fileName());
            }
        }
        for (DiodeModel m : circuit.models()) {
            out.add(m.spiceLine());
        }
        out.addAll(circuit.options().spiceLines());
        if (circuit.elements().stream().anyMatch(e -> e instanceof SinhConductor)) {
            out.addAll(SinhConductor.functionLines());
        }
        for (Element e : circuit.elements()) {
            out.add(e.spiceLine());
        }
        if (withOp) {
            out.add(".op");
        }
        out.add(".end");
        return out;
    }

    /** The standalone netlist text (with {@code .op}, libraries inlined), lines ended by {@code \n}. */
    public static String write(Circuit circuit) {
        return write(circuit, Libraries.INLINE);
    }

    /** The standalone netlist text (with {@code .op}), libraries written as {@code how} says. */
    public static String write(Circuit circuit, Libraries how) {
        List<String> lines = lines(circuit, true, how);
        StringBuilder sb = new StringBuilder(lines.size() * 32);
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
