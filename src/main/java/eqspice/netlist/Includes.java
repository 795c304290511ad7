package eqspice.netlist;

/** Where the files a netlist includes ({@code .include}, {@code .lib}) may be. */
public enum Includes {
    /** Relative paths that stay inside the netlist's folder (the default). */
    INSIDE_FOLDER,
    /**
     * Any path, absolute paths and {@code ..} included: the user vouched for the files around the
     * netlist ({@code eqspice solve --allow-outside-includes}). Included text is still read by the
     * same rules.
     */
    ANYWHERE
}
