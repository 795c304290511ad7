package eqspice.circuit;

import eqspice.netlist.NetlistReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One of eqspice's own model/subcircuit library files ({@code netlists/lib/*.lib}): its file
 * name and its lines. A circuit that uses it is written either with the lines inlined (loading
 * into an ngspice session, which reads no other files) or with {@code .include lib/<file>}
 * (an exported folder that carries the file next to the netlist).
 *
 * <p>The lines pass {@link NetlistReader}'s rules when the library is made: a library may define
 * models and subcircuits, nothing that runs commands or reads further files. Its comments stay in
 * an exported copy; loaded into a session, comments are dropped like every other comment.
 */
public record LibraryFile(String fileName, List<String> lines) {
    private static final Pattern FILE = Pattern.compile("[a-z][a-z0-9_]{0,60}\\.lib");

    public LibraryFile {
        if (fileName == null || !FILE.matcher(fileName).matches()) {
            throw new IllegalArgumentException("library file name '" + fileName
                    + "' is not allowed: lower-case letters, digits and '_' ending in .lib");
        }
        lines = List.copyOf(lines);
        NetlistReader.checkLibrary("library " + fileName, lines);
    }

    /** The relative path an exported netlist includes it by. */
    public String includePath() {
        return "lib/" + fileName;
    }

    /** Names of the models this file defines ({@code .model NAME ...}), lower case. */
    public List<String> models() {
        return names(".model");
    }

    /** Names of the subcircuits this file defines ({@code .subckt NAME ...}), lower case. */
    public List<String> subcircuits() {
        return names(".subckt");
    }

    private List<String> names(String card) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] t = l.strip().toLowerCase(Locale.ROOT).split("\\s+");
            if (t.length > 1 && t[0].equals(card)) {
                out.add(t[1].replaceAll("\\(.*", ""));
            }
        }
        return out;
    }
}
