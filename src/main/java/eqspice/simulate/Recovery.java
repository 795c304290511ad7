package eqspice.simulate;

/**
 * How an operating point was obtained: directly, or by the recovery rung that solved it after
 * the direct attempt failed. Each backend uses its own rungs; results count recovered phases
 * by {@link #label()} (metrics.csv, summary.json, points.csv).
 */
public enum Recovery {
    /** No retry was needed. */
    DIRECT("direct"),
    /** ngspice: the DC iteration limit raised to 10x (at least 1000). */
    ITERATIONS("iterations"),
    /** ngspice: gmin stepping with 100 steps. */
    GMIN("gmin"),
    /** ngspice: source stepping with 100 steps. */
    SOURCE("source"),
    /** ngspice: reltol 10x looser (at most 0.1), with the raised iteration limit. */
    RELAXED("relaxed"),
    /** ngspice: a step a dc sweep could not solve, solved by a plain operating point. */
    OP("op"),
    /** embedded solver: a Newton iteration from zero instead of from the previous solution. */
    COLD_START("cold-start"),
    /** embedded solver: source stepping. */
    SOURCE_STEPPING("source-stepping");

    private final String label;

    Recovery(String label) {
        this.label = label;
    }

    /** The name written into results, e.g. {@code gmin}. */
    public String label() {
        return label;
    }

    /** Whether a rung was needed. */
    public boolean recovered() {
        return this != DIRECT;
    }
}
