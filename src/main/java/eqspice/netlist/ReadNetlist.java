package eqspice.netlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A netlist from outside as {@link NetlistReader} passed it: its statements (continuations
 * joined, comments, title, {@code .op} and {@code .end} dropped, includes resolved and inlined)
 * and the files it was read from. Only the reader makes one, so holding one means the lines
 * passed the allow-list.
 */
public final class ReadNetlist {
    /** The title ngspice gets: eqspice's own, never the file's (ngspice gives titles meanings of its own). */
    public static final String TITLE = "netlist read by eqspice";

    private final String source;
    private final List<String> statements;
    private final List<String> origins;
    private final List<String> files;

    ReadNetlist(String source, List<String> statements, List<String> origins, List<String> files) {
        if (origins.size() != statements.size()) {
            throw new IllegalArgumentException("every statement needs its origin");
        }
        this.source = source;
        this.statements = List.copyOf(statements);
        this.origins = List.copyOf(origins);
        this.files = List.copyOf(files);
    }

    /** The netlist as the user named it (for messages). */
    public String source() {
        return source;
    }

    /** The statements, in order, without title and {@code .end}. */
    public List<String> statements() {
        return statements;
    }

    /** Every file read, the netlist first, as shown in messages (a library section as {@code file [section]}). */
    public List<String> files() {
        return files;
    }

    /**
     * Where line {@code n} of {@link #lines()} (as ngspice numbers them in its messages, the title
     * being line 1) comes from, e.g. {@code lib/x.lib line 12}; empty for the title and {@code .end}.
     */
    public Optional<String> origin(int n) {
        return n >= 2 && n - 2 < origins.size() ? Optional.of(origins.get(n - 2) + ": " + statements.get(n - 2))
                : Optional.empty();
    }

    /** The lines to load into ngspice: eqspice's title, the statements, {@code .end}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(statements.size() + 2);
        out.add(TITLE);
        out.addAll(statements);
        out.add(".end");
        return out;
    }
}
