package eqspice.ngspice;

import eqspice.circuit.Circuit;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.Solution;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which linear solver ngspice uses for the loaded circuit: the one it said it used in an
 * operating point, else the one the netlist requested. A build without KLU silently falls back
 * to its sparse solver, so only ngspice's own report is proof; the answers of solver probes are
 * remembered per {@link SolverOptions}, since the library does not change under a session.
 *
 * <p>Builds without KLU (Debian bookworm's 39.3) print no solver report at all: for them sparse
 * is the only solver, and the record says so, and that KLU was requested but is not there.
 */
final class LinearSolverRecord {
    private static final Pattern SOLVER = Pattern.compile("Using (.+?) as Direct Linear Solver");

    /** Solver options already probed, with the solver ngspice used for them. */
    private final Map<SolverOptions, String> probed = new HashMap<>();
    /** The loaded library: without KLU, sparse is its only solver. */
    private final LibraryBuild build;
    private boolean klu;
    /** The linear solver ngspice said it used in the last operating point ("klu", "sparse 1.3"), or null. */
    private String seen;

    LinearSolverRecord(LibraryBuild build) {
        this.build = build;
    }

    /** For a library without KLU, what to say about KLU ({@code not available in ngspice 39 (sparse used)}). */
    Optional<String> kluUnavailable() {
        return build.klu() ? Optional.empty() : Optional.of(unavailable() + " (sparse used)");
    }

    private String unavailable() {
        return "not available in ngspice " + build.version();
    }

    /** A raw netlist was loaded (or refused): KLU is requested when an {@code .options} line says so. */
    void rawLoaded(List<String> lines) {
        seen = null;
        klu = lines.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).matches("\\.options?\\s+.*\\bklu\\b.*"));
    }

    /** A circuit was loaded with {@code options}: known before the first op when these options were probed. */
    void circuitLoaded(SolverOptions options) {
        klu = options.klu();
        seen = probed.get(options);
    }

    /** Reads ngspice's report from an operating point's log (the solver cannot change until the next load). */
    void noteFrom(NgspiceLog log) {
        if (seen != null) {
            return;
        }
        for (String l : log.lines()) {
            Matcher m = SOLVER.matcher(l);
            if (m.find()) {
                seen = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
    }

    /**
     * The solver reported by ngspice; for a build without KLU, sparse (its only solver), saying
     * when KLU was requested; else the requested one marked {@code (requested)}.
     */
    String describe() {
        if (seen != null) {
            return seen;
        }
        if (!build.klu()) {
            return klu ? "sparse; klu " + unavailable() : "sparse";
        }
        return (klu ? "klu" : "sparse") + " (requested)";
    }

    /**
     * The solver ngspice uses with {@code options}: solves a 1 V divider with them (through
     * {@code solve}, which replaces the loaded circuit) and reads ngspice's report; later calls
     * with the same options return the remembered answer.
     */
    String probe(SolverOptions options, Function<Circuit, Solution> solve, NgspiceLog log) {
        String known = probed.get(options);
        if (known != null) {
            return known; // the library does not change under a session: one probe per options suffices
        }
        Solution s = solve.apply(new Circuit("solver probe", List.of(new VoltageSource("vprobe", "a", "0", 1.0),
                new Resistor("rprobe1", "a", "m", 1000), new Resistor("rprobe2", "m", "0", 1000)), List.of(), options,
                List.of()));
        if (Math.abs(s.voltage("m") - 0.5) > 1e-9) {
            throw new ConvergenceException("the solver probe (a 1 V divider) gave " + s.voltage("m") + " V instead of 0.5 V",
                    log.lines());
        }
        probed.put(options, describe());
        return describe();
    }
}
