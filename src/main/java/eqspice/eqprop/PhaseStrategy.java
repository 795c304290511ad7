package eqspice.eqprop;

/**
 * How a {@link CrossbarSession} solves its phases. All give the same node voltages (to the
 * solver's tolerance: a Newton iteration that starts elsewhere stops at another point within
 * it); they differ in cost (see {@code eqspice bench phases} and README "Fast phases").
 */
public enum PhaseStrategy {
    /** Inputs and nudging currents are DC sources, changed by {@code alter}; one {@code op} per phase. */
    ALTER_OP(false),
    /** Inputs and nudging currents are EXTERNAL sources read through callbacks; one {@code op} per phase. */
    EXTERNAL_OP(true),
    /**
     * EXTERNAL sources, and all phases of a sample solved as one {@code dc} sweep: ngspice orders
     * the matrix once per sample and starts each phase from the previous one's solution.
     */
    SWEEP(true);

    /** The fastest correct strategy, measured on this machine (README "Fast phases"). */
    public static final PhaseStrategy DEFAULT = SWEEP;

    private final boolean external;

    PhaseStrategy(boolean external) {
        this.external = external;
    }

    /** Whether inputs and nudging sources are written as EXTERNAL sources. */
    public boolean externalSources() {
        return external;
    }

    /** The strategy named in a command line or experiment ({@code alter-op}, {@code external-op}, {@code sweep}). */
    public static PhaseStrategy parse(String text) {
        for (PhaseStrategy s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown phase strategy '" + text + "'; allowed: alter-op, external-op, sweep");
    }

    /** The name used on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
