package eqspice.eqprop;

/**
 * How a {@link CrossbarSession} solves its phases. All give the same node voltages (to the
 * solver's tolerance: a Newton iteration that starts elsewhere stops at another point within
 * it); they differ in cost (see {@code eqspice bench phases} and docs/performance.md "Fast phases").
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

    /** The fastest strategy, measured on this machine (docs/performance.md "Fast phases"). */
    public static final PhaseStrategy FASTEST = SWEEP;

    /**
     * The largest reltol at which {@link #SWEEP} is the default. A sweep starts each nudged phase
     * from the free phase's solution, and a nudge moves the nodes by about beta * (y - o) / G,
     * often less than reltol * |V|: with ngspice's default reltol of 1e-3, Newton may accept a
     * point before it has resolved the nudge, and the EqProp estimate, a difference of squares
     * over beta, turns that into a wrong gradient (measured: digits at alpha 3e-6 fell to chance
     * accuracy with the sweep at reltol 1e-3, and matched the embedded solver and alter-op to
     * 5 digits at reltol 1e-7). A fresh op per phase iterates from its own initial guess to
     * full convergence and does not show this.
     */
    public static final double SWEEP_MAX_RELTOL = 1e-6;

    /**
     * The default for these solver options: the sweep when the tolerances are tight enough for
     * warm-started nudged phases, otherwise one fresh op per phase with EXTERNAL sources.
     */
    public static PhaseStrategy defaultFor(eqspice.circuit.SolverOptions options) {
        return options.reltol() <= SWEEP_MAX_RELTOL ? SWEEP : EXTERNAL_OP;
    }

    /** {@code chosen} when given (a command line's or a request's), else {@link #defaultFor} the options ("auto"). */
    public static PhaseStrategy chosenOrDefault(java.util.Optional<PhaseStrategy> chosen,
                                                eqspice.circuit.SolverOptions options) {
        return chosen.orElseGet(() -> defaultFor(options));
    }

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
        throw new IllegalArgumentException("unknown phase strategy '" + text + "'; allowed: auto, alter-op, external-op, sweep");
    }

    /** A command line's choice: {@code auto} (empty: {@link #defaultFor} the solver options) or a strategy's name. */
    public static java.util.Optional<PhaseStrategy> parseChoice(String text) {
        return "auto".equals(text) ? java.util.Optional.empty() : java.util.Optional.of(parse(text));
    }

    /** The name used on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
