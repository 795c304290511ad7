package eqspice.ngspice;

import com.sun.jna.Library;
import com.sun.jna.Native;
import eqspice.circuit.Circuit;
import eqspice.circuit.SolverOptions;
import eqspice.netlist.ReadNetlist;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Recovery;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.SimulatorUnavailableException;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.TransientPlan;
import eqspice.simulate.TransientRun;
import eqspice.simulate.TransientSimulator;
import eqspice.simulate.Solution;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instance of libngspice, driven in-process. Keeps strong references to its callbacks
 * (JNA would otherwise let the GC free them while ngspice still calls them), destroys every
 * plot after reading it and removes the old circuit before loading a new one, so memory stays
 * flat over many thousands of phases.
 *
 * <p>One library instance per process is not thread-safe; the methods are synchronized.
 * Parallel solving needs one worker process per core.
 *
 * <p>The session owns the instance and its helpers: {@link NgspiceCallbacks} (what ngspice calls
 * back with), {@link NgspiceCommands} (checked commands), {@link CircuitLoader},
 * {@link ElementValues} (sources and resistances between solves), {@link OperatingPointReader}
 * (one {@code op} and its result), {@link LinearSolverRecord} and {@link PhaseSweep}.
 */
public final class NgspiceSession implements TransientSimulator {
    static {
        // First in the class, before any JNA class initialises: on Linux JNA otherwise runs "ldconfig -p" to
        // learn the system library folders, a child process on every start. eqspice needs no search path
        // (libngspice is loaded by absolute path, libc is the process's own), and eqspice starts no processes
        // of its own while it solves. A user's explicit setting is kept.
        if (System.getProperty("jna.platform.library.path") == null) {
            System.setProperty("jna.platform.library.path", "");
        }
    }

    private final NgspiceLibrary lib;
    private final Path libraryPath;
    // Held for the library's lifetime: ngspice keeps the callbacks' function pointers.
    private final NgspiceCallbacks callbacks = new NgspiceCallbacks();
    private final LinearSolverRecord solver;
    private final NgspiceCommands commands;
    private final CircuitLoader loader;
    private final OperatingPointReader points;
    private final ElementValues values;
    private final String version;
    private Recovery lastRecovery = Recovery.DIRECT;

    /** Loads the library found by {@link LibraryLocator} and initialises it. */
    public NgspiceSession() {
        this(LibraryLocator.locate());
    }

    /** Loads the library at an absolute path and initialises it. */
    public NgspiceSession(Path library) {
        refuseStartupScript();
        this.libraryPath = library;
        if (!LibraryLocator.claim(library)) {
            throw new SimulatorUnavailableException("libngspice at " + library + " is already in use in this process: "
                    + "ngspice keeps global state, so each process drives one instance (close the other session first)",
                    List.of());
        }
        ProcessGuard guard = ProcessGuard.capture(); // before ngSpice_Init replaces the JVM's signal handlers
        try {
            lib = Native.load(library.toString(), NgspiceLibrary.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        } catch (UnsatisfiedLinkError e) {
            LibraryLocator.release(library);
            throw new SimulatorUnavailableException("cannot load libngspice from " + library + ": " + e.getMessage()
                    + "; run ngspice-native/install.sh or set " + LibraryLocator.ENV, e);
        }
        callbacks.register(lib);
        guard.restore();
        commands = new NgspiceCommands(lib, callbacks);
        commands.run("version");
        LibraryBuild build = LibraryBuild.parse(callbacks.log().lines());
        version = build.version();
        solver = new LinearSolverRecord(build);
        loader = new CircuitLoader(lib, callbacks, commands, guard, solver);
        points = new OperatingPointReader(lib, callbacks, commands, solver);
        values = new ElementValues(loader, callbacks.externals(), commands);
        commands.run("set nomoremode");
    }

    /**
     * ngSpice_Init runs {@code .spiceinit} from the working folder as ngspice commands ({@code shell}
     * included): a file that came with a netlist someone sent would run programs as soon as any eqspice
     * command opened ngspice there. (Without it ngspice reads the user's own {@code ~/.spiceinit}.)
     */
    public static void refuseStartupScript() {
        Path init = Path.of(System.getProperty("user.dir"), ".spiceinit");
        if (Files.exists(init, LinkOption.NOFOLLOW_LINKS)) {
            throw new SimulatorUnavailableException(init + " exists: ngspice would run it as commands when it starts; "
                    + "eqspice does not start ngspice in this folder (run eqspice from another folder, or remove the "
                    + "file if you do not need it)", List.of());
        }
    }

    @Override
    public synchronized void load(Circuit circuit) {
        loader.load(circuit);
    }

    /**
     * Loads a netlist from outside (for {@code eqspice solve}); the type says it passed
     * {@link eqspice.netlist.NetlistReader}, so no comment, script or include reaches ngspice.
     */
    public synchronized void loadLines(ReadNetlist netlist) {
        loader.loadLines(netlist);
    }

    @Override
    public synchronized void setSource(String name, double value) {
        values.setSource(name, value);
    }

    /**
     * Measured crossover (docs/performance.md "Fast phases"): ngspice finds an element to alter by walking its
     * instances, so one {@code alter} costs 40 us on a 3k-element circuit and 140 us on a 22k-element one,
     * while a reload costs about as much as 1,500 alters at 3k elements.
     */
    public static final int RELOAD_ABOVE = 500;

    @Override
    public int reloadAbove() {
        return RELOAD_ABOVE;
    }

    @Override
    public synchronized void setResistance(String name, double ohms) {
        values.setResistance(name, ohms);
    }

    /**
     * Solves the operating point; when it does not converge, climbs the {@link RecoveryLadder}
     * (raised iteration limit, gmin stepping, source stepping, relaxed tolerance) before giving
     * up. {@link #lastRecovery()} says which rung solved it.
     */
    @Override
    public synchronized Solution operatingPoint() {
        try {
            Solution s = points.solveOnce();
            lastRecovery = Recovery.DIRECT;
            return s;
        } catch (ConvergenceException first) {
            Circuit loaded = loader.loaded();
            if (loaded == null) {
                throw first; // raw netlists (eqspice solve) report the failure as it is
            }
            return RecoveryLadder.climb(loaded.options(), first, o -> commands.run("option " + o),
                    points::solveOnce, rung -> lastRecovery = rung);
        }
    }

    @Override
    public Recovery lastRecovery() {
        return lastRecovery;
    }

    /**
     * Solves the steps in one {@code dc} sweep over a dummy source when every source the plan
     * sets is external (see {@link PhaseSweep}); otherwise one operating point per step.
     */
    @Override
    public synchronized SolvedSequence solveSequence(int steps, PhasePlan plan) {
        commands.checkAlive();
        if (steps < 1) {
            throw new IllegalArgumentException("a sequence needs at least one step, got " + steps);
        }
        Map<String, Double> first = plan.values(0, List.of());
        PhasePlan once = (k, solved) -> k == 0 ? first : plan.values(k, solved); // the plan is asked once per step
        ExternalSources externals = callbacks.externals();
        if (loader.loaded() == null || externals.isEmpty() || !first.keySet().stream().allMatch(externals::has)) {
            return TransientSimulator.super.solveSequence(steps, once);
        }
        return new PhaseSweep(this, callbacks.log(), callbacks.collector(), externals).run(steps, once);
    }

    /** Loads the circuit and runs the plan as one {@code tran} analysis ({@link TransientPhases}). */
    @Override
    public synchronized TransientRun transientRun(Circuit circuit, TransientPlan plan) {
        loader.load(circuit);
        return new TransientPhases(lib, commands, callbacks).run(plan);
    }

    /** Runs a command for {@link PhaseSweep} (checked like every other). */
    void sweepCommand(String cmd) {
        commands.analysis(cmd);
    }

    /**
     * For the bench: CPU nanoseconds spent inside ngspice's analyses ({@code op}, {@code dc})
     * since the session opened, including eqspice's callbacks from within them (reading points,
     * handing over source values). Everything else a phase costs is outside the analyses.
     */
    public long analysisNanos() {
        return commands.analysisNanos();
    }

    /** Destroys every plot (after a sweep has been read). */
    void destroyPlots() {
        if (!callbacks.exited()) {
            commands.housekeeping("destroy all");
        }
    }

    /** For tests: the external-source table. */
    ExternalSources externals() {
        return callbacks.externals();
    }

    /** For the bench: how many external-source values ngspice has asked for. */
    public long externalCalls() {
        return callbacks.externals().calls();
    }

    /** Whether ngspice has exited (ControlledExit); a dead instance refuses every call. */
    public boolean isDead() {
        return callbacks.exited();
    }

    /** The ngspice version reported by the library, e.g. {@code 46}. */
    public String version() {
        return version;
    }

    /**
     * Solves a 1 V divider with {@code options} and returns the linear solver ngspice reports
     * having used (e.g. {@code klu}, {@code sparse 1.3}): a build without KLU silently falls back,
     * so the request alone is no proof. The first probe of given options replaces the loaded
     * circuit; later calls with the same options return the remembered answer.
     */
    public synchronized String linearSolver(SolverOptions options) {
        return solver.probe(options, this::solve, callbacks.log());
    }

    /**
     * For a library built without KLU, what to tell a user who asks for it:
     * {@code not available in ngspice 39 (sparse used)}; empty when the library has KLU.
     */
    public Optional<String> kluUnavailable() {
        return solver.kluUnavailable();
    }

    @Override
    public SimulatorInfo info() {
        return new SimulatorInfo("ngspice", version, solver.describe(), libraryPath.toString());
    }

    @Override
    public synchronized void close() {
        if (!callbacks.exited() && loader.mayHoldCircuit()) {
            commands.housekeeping("remcirc");
            commands.housekeeping("destroy all");
        }
        loader.forget();
        LibraryLocator.release(libraryPath);
    }

    /** For tests: whether to ignore SendData and read the plot vector by vector. */
    void forcePlotReading(boolean force) {
        points.forcePlotReading(force);
    }

    /** For tests: whether the last operating point was read from SendData. */
    boolean lastFromSendData() {
        return points.lastFromSendData();
    }
}
