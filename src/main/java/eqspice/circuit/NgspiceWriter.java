package eqspice.circuit;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Circuit} in the ngspice dialect: title line, {@code *} comment header,
 * models, options, elements in their given order, an optional {@code .op} and {@code .end}.
 * The output is a pure function of the circuit: writing it twice gives identical text.
 */
public final class NgspiceWriter {
    private NgspiceWriter() {
    }

    /** The netlist as lines, without {@code .op} (for loading into an ngspice session). */
    public static List<String> lines(Circuit circuit) {
        return lines(circuit, false);
    }

    /**
     * The netlist as lines.
     *
     * @param withOp add an {@code .op} card, so that {@code ngspice -b file} solves it standalone
     */
    public static List<String> lines(Circuit circuit, boolean withOp) {
        List<String> out = new ArrayList<>(circuit.elements().size() + circuit.comments().size() + 8);
        out.add(circuit.title());
        for (String c : circuit.comments()) {
            out.add(c.isEmpty() ? "*" : "* " + c);
        }
        for (DiodeModel m : circuit.models()) {
            out.add(m.spiceLine());
        }
        out.addAll(circuit.options().spiceLines());
        for (Element e : circuit.elements()) {
            out.add(e.spiceLine());
        }
        if (withOp) {
            out.add(".op");
        }
        out.add(".end");
        return out;
    }

    /** The standalone netlist text (with {@code .op}), lines ended by {@code \n}. */
    public static String write(Circuit circuit) {
        List<String> lines = lines(circuit, true);
        StringBuilder sb = new StringBuilder(lines.size() * 32);
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
