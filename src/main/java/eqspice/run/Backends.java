package eqspice.run;

import eqspice.circuit.SolverOptions;
import eqspice.cosim.CoSimulator;
import eqspice.embedded.EmbeddedSimulator;
import eqspice.ngspice.NgspiceSession;
import eqspice.ngspice.RestartingSession;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.Simulator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that opens simulators: the backend an experiment's {@code simulator:} section
 * names, or ngspice itself. ngspice is loaded only when something asks for it, once, and kept
 * until {@link #close()}; every time it is handed out its linear solver is probed for the
 * solver options asked for, so that provenance names the solver ngspice really uses (a build
 * without KLU falls back silently).
 *
 * <p>It lives beside the run service rather than in {@code simulate}: it has to know every
 * implementation (ngspice, embedded, cosim), and those all import {@code simulate}, so a
 * factory there would make a package cycle.
 */
public final class Backends implements AutoCloseable {
    private final Supplier<Simulator> openNgspice;
    private Simulator ngspice;

    private Backends(Supplier<Simulator> openNgspice) {
        this.openNgspice = openNgspice;
    }

    /**
     * Refuses, before anything is written, what would stop ngspice from opening here: a
     * {@code .spiceinit} in the working folder (ngspice would run it as commands). Commands call it
     * before they lock or create a results folder, so a refusal leaves the folder as it was.
     */
    public static void preflight(BackendChoice choice) {
        if (choice.usesNgspice()) {
            NgspiceSession.refuseStartupScript();
        }
    }

    /**
     * ngspice that survives its own exit ({@link RestartingSession}): a phase that meets the
     * exit fails, the run goes on with a fresh instance. For runs and commands.
     */
    public static Backends restarting() {
        return new Backends(RestartingSession::new);
    }

    /**
     * One ngspice instance that is not replaced when it exits: a sweep worker asks
     * {@link #ngspiceExited()} after each point and ends, and the coordinator starts a fresh
     * process (which also returns the native memory).
     */
    public static Backends singleInstance() {
        return new Backends(NgspiceSession::new);
    }

    /** The given, already opened ngspice instance (a private copy of the library); closed with this. */
    public static Backends using(NgspiceSession session) {
        return new Backends(() -> session);
    }

    /** The simulator for {@code choice}; ngspice (for the ngspice and cosim backends) probed for {@code options}. */
    public Simulator open(BackendChoice choice, SolverOptions options) {
        return switch (choice.backend()) {
            case NGSPICE -> ngspice(options);
            case EMBEDDED -> new EmbeddedSimulator();
            case COSIM -> new CoSimulator(new EmbeddedSimulator(), ngspice(options), choice);
        };
    }

    /**
     * ngspice itself, whatever an experiment's backend: the non-ideal fidelity levels use
     * subcircuits and device models that only ngspice solves.
     */
    public Simulator ngspice(SolverOptions options) {
        if (ngspice == null) {
            ngspice = openNgspice.get();
        }
        if (ngspice instanceof RestartingSession r) {
            r.linearSolver(options);
        } else if (ngspice instanceof NgspiceSession s) {
            s.linearSolver(options);
        }
        return ngspice;
    }

    /**
     * What to tell a user once about ngspice and {@code options}: {@code klu: not available in
     * ngspice 39 (sparse used)} when they ask for KLU from a library built without it (the library
     * would not say so itself); empty otherwise, and when ngspice was not opened.
     */
    public Optional<String> solverNote(SolverOptions options) {
        Optional<String> missing = ngspice instanceof RestartingSession r ? r.kluUnavailable()
                : ngspice instanceof NgspiceSession s ? s.kluUnavailable() : Optional.empty();
        return options.klu() ? missing.map(why -> "klu: " + why) : Optional.empty();
    }

    /** Whether ngspice was opened and has exited (only a {@link #singleInstance()} stays exited). */
    public boolean ngspiceExited() {
        return ngspice instanceof NgspiceSession s && s.isDead();
    }

    @Override
    public void close() {
        if (ngspice != null) {
            ngspice.close();
        }
    }
}
