package eqspice.ngspice;

import com.sun.jna.Library;
import com.sun.jna.Native;
import eqspice.circuit.Circuit;
import eqspice.circuit.NetlistScreen;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.circuit.NgspiceWriter;
import eqspice.circuit.SpiceNames;
import eqspice.circuit.SpiceNumber;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.NetlistException;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.SimulatorUnavailableException;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.Solution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of libngspice, driven in-process. Keeps strong references to its callbacks
 * (JNA would otherwise let the GC free them while ngspice still calls them), destroys every
 * plot after reading it and removes the old circuit before loading a new one, so memory stays
 * flat over many thousands of phases.
 *
 * <p>One library instance per process is not thread-safe; the methods are synchronized.
 * Parallel solving needs one worker process per core.
 */
public final class NgspiceSession implements Simulator {
    static {
        // First in the class, before any JNA class initialises: on Linux JNA otherwise runs "ldconfig -p" to
        // learn the system library folders, a child process on every start. eqspice needs no search path
        // (libngspice is loaded by absolute path, libc is the process's own), and eqspice starts no processes
        // of its own while it solves. A user's explicit setting is kept.
        if (System.getProperty("jna.platform.library.path") == null) {
            System.setProperty("jna.platform.library.path", "");
        }
    }

    private static final Pattern VERSION = Pattern.compile("ngspice-(\\S+)");
    private static final Pattern SOLVER = Pattern.compile("Using (.+?) as Direct Linear Solver");
    private static final int CLEAR_HISTORY_EVERY = 1000;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final NgspiceLibrary lib;
    private final Path libraryPath;
    private final NgspiceLog log = new NgspiceLog();
    // Strong references: ngspice keeps these function pointers for the library's lifetime.
    private final NgspiceLibrary.SendChar sendChar = (text, id, user) -> {
        log.add(text);
        return 0;
    };
    private final NgspiceLibrary.SendStat sendStat = (status, id, user) -> 0;
    private final NgspiceLibrary.ControlledExit controlledExit;
    private final PointCollector collector = new PointCollector();
    /** CPU time inside ngspice's analyses (op, dc), eqspice's callbacks included. */
    private long analysisNanos;
    private final NgspiceLibrary.SendData sendData = (values, count, id, user) -> {
        collector.addPoint(values);
        return 0;
    };
    /** For tests: ignore SendData and read the plot vector by vector. */
    boolean forcePlotReading;
    /** For tests: whether the last operating point was read from SendData. */
    boolean lastFromSendData;
    private final NgspiceLibrary.SendInitData sendInitData = (info, id, user) -> 0;
    /** EXTERNAL source values; holds the GetVSRCData/GetISRCData callbacks for the library's lifetime. */
    private final ExternalSources externals = new ExternalSources();
    private final NgspiceLibrary.BGThreadRunning bgRunning = (notRunning, id, user) -> 0;
    private final ProcessGuard guard;
    private final String version;
    private volatile boolean dead;
    private Circuit loaded;
    private boolean klu;
    /** The linear solver ngspice said it used in the last operating point ("klu", "sparse 1.3"), or null. */
    private String solverSeen;
    private String lastRecovery = RecoveryLadder.DIRECT;
    /** Solver options already probed by {@link #linearSolver}, with the solver ngspice used for them. */
    private final Map<SolverOptions, String> probed = new HashMap<>();
    private int commands;

    /** Loads the library found by {@link LibraryLocator} and initialises it. */
    public NgspiceSession() {
        this(LibraryLocator.locate());
    }

    /** Loads the library at an absolute path and initialises it. */
    public NgspiceSession(Path library) {
        this.libraryPath = library;
        this.controlledExit = (status, immediate, quit, id, user) -> {
            dead = true;
            log.add("ngspice exited with status " + status);
            return status;
        };
        if (!LibraryLocator.claim(library)) {
            throw new SimulatorUnavailableException("libngspice at " + library + " is already in use in this process: "
                    + "ngspice keeps global state, so each process drives one instance (close the other session first)",
                    List.of());
        }
        guard = ProcessGuard.capture();
        try {
            lib = Native.load(library.toString(), NgspiceLibrary.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        } catch (UnsatisfiedLinkError e) {
            LibraryLocator.release(library);
            throw new SimulatorUnavailableException("cannot load libngspice from " + library + ": " + e.getMessage()
                    + "; run ngspice-native/install.sh or set " + LibraryLocator.ENV, e);
        }
        lib.ngSpice_Init(sendChar, sendStat, controlledExit, sendData, sendInitData, bgRunning, null);
        lib.ngSpice_Init_Sync(externals.vsrc, externals.isrc, null, null, null);
        guard.restore();
        command("version");
        version = findVersion(log.lines());
        command("set nomoremode");
    }

    private static String findVersion(List<String> lines) {
        for (String l : lines) {
            Matcher m = VERSION.matcher(l);
            if (m.find()) {
                return m.group(1).replaceAll("[^0-9A-Za-z.+-]", "");
            }
        }
        return "unknown";
    }

    @Override
    public synchronized void load(Circuit circuit) {
        List<String> lines = NgspiceWriter.lines(circuit);
        externals.reset(circuit);
        if (!externals.isEmpty()) {
            PhaseSweep.checkFree(circuit);
            lines = new ArrayList<>(lines);
            lines.add(lines.size() - 1, PhaseSweep.SWEPT_SOURCE_LINE); // before .end
        }
        loadLines(lines, false);
        loaded = circuit;
        klu = circuit.options().klu();
        solverSeen = probed.get(circuit.options()); // known before the first op when these options were probed
    }

    /**
     * Loads raw netlist lines (for {@code eqspice solve}). They pass {@link NetlistScreen}
     * first, so no {@code .control}, {@code .include} or {@code shell} reaches ngspice.
     */
    public synchronized void loadLines(List<String> lines) {
        loadLines(lines, true);
    }

    private void loadLines(List<String> lines, boolean raw) {
        checkAlive();
        if (raw) {
            externals.clear();
        }
        NetlistScreen.check(lines, "netlist");
        if (loaded != null || commands > 0) {
            lib.ngSpice_Command("remcirc");
        }
        log.clear();
        String[] arr = new String[lines.size() + 1];
        lines.toArray(arr);
        lib.ngSpice_Circ(arr);
        guard.restore();
        loaded = null;
        solverSeen = null;
        klu = lines.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).matches("\\.options?\\s+.*\\bklu\\b.*"));
        List<String> errors = log.netlistErrors();
        if (dead) { // ngspice called ControlledExit: this instance is gone, whatever the netlist said
            throw new SimulatorUnavailableException("ngspice exited while loading the netlist (its ControlledExit); "
                    + "this process cannot use it again", errors.isEmpty() ? log.lines() : errors);
        }
        if (!errors.isEmpty()) {
            throw new NetlistException("ngspice refused the netlist", errors);
        }
    }

    @Override
    public synchronized void setSource(String name, double value) {
        if (!SpiceNames.isValidNode(name) || "0".equals(name)) {
            throw new IllegalArgumentException("invalid source name '" + name + "'");
        }
        checkElement(name);
        if (externals.has(name)) {
            externals.set(name, SpiceNumber.finite("value of " + name, value)); // read by ngspice at the next load
            return;
        }
        command("alter " + name + " dc = " + SpiceNumber.format("value of " + name, value));
    }

    @Override
    public synchronized void setResistance(String name, double ohms) {
        SpiceNames.element(name, 'r');
        checkElement(name);
        command("alter " + name + " = " + SpiceNumber.format("resistance of " + name, SpiceNumber.positive(name, ohms)));
    }

    private void checkElement(String name) {
        if (loaded != null) {
            loaded.element(name);
        }
    }

    /**
     * Solves the operating point; when it does not converge, climbs the {@link RecoveryLadder}
     * (raised iteration limit, gmin stepping, source stepping, relaxed tolerance) before giving
     * up. {@link #lastRecovery()} says which rung solved it.
     */
    @Override
    public synchronized Solution operatingPoint() {
        try {
            Solution s = operatingPointOnce();
            lastRecovery = RecoveryLadder.DIRECT;
            return s;
        } catch (ConvergenceException first) {
            if (loaded == null) {
                throw first; // raw netlists (eqspice solve) report the failure as it is
            }
            return RecoveryLadder.climb(loaded.options(), first, o -> command("option " + o),
                    this::operatingPointOnce, rung -> lastRecovery = rung);
        }
    }

    @Override
    public String lastRecovery() {
        return lastRecovery;
    }

    /**
     * Solves the steps in one {@code dc} sweep over a dummy source when every source the plan
     * sets is external (see {@link PhaseSweep}); otherwise one operating point per step.
     */
    @Override
    public synchronized SolvedSequence solveSequence(int steps, PhasePlan plan) {
        checkAlive();
        if (steps < 1) {
            throw new IllegalArgumentException("a sequence needs at least one step, got " + steps);
        }
        Map<String, Double> first = plan.values(0, List.of());
        PhasePlan once = (k, solved) -> k == 0 ? first : plan.values(k, solved); // the plan is asked once per step
        if (loaded == null || externals.isEmpty() || !first.keySet().stream().allMatch(externals::has)) {
            return Simulator.super.solveSequence(steps, once);
        }
        return new PhaseSweep(this, log, collector, externals).run(steps, once);
    }

    /** Runs a command for {@link PhaseSweep} (checked like every other). */
    void sweepCommand(String cmd) {
        timedAnalysis(cmd);
    }

    private void timedAnalysis(String cmd) {
        long t0 = THREADS.getCurrentThreadCpuTime(); // CPU time, as ngspice -b reports its analysis time
        try {
            command(cmd);
        } finally {
            analysisNanos += THREADS.getCurrentThreadCpuTime() - t0;
        }
    }

    /**
     * For the bench: CPU nanoseconds spent inside ngspice's analyses ({@code op}, {@code dc})
     * since the session opened, including eqspice's callbacks from within them (reading points,
     * handing over source values). Everything else a phase costs is outside the analyses.
     */
    public long analysisNanos() {
        return analysisNanos;
    }

    /** Destroys every plot (after a sweep has been read). */
    void destroyPlots() {
        if (!dead) {
            lib.ngSpice_Command("destroy all");
        }
    }

    /** For tests: the external-source table. */
    ExternalSources externals() {
        return externals;
    }

    /** For the bench: how many external-source values ngspice has asked for. */
    public long externalCalls() {
        return externals.calls();
    }

    private Solution operatingPointOnce() {
        log.clear();
        collector.reset();
        timedAnalysis("op");
        try {
            List<String> conv = log.convergenceErrors();
            if (!conv.isEmpty()) {
                throw new ConvergenceException("operating point did not converge", conv);
            }
            String plot = lib.ngSpice_CurPlot();
            if (plot == null || !plot.startsWith("op")) {
                List<String> errors = log.netlistErrors();
                throw errors.isEmpty() ? new ConvergenceException("op produced no result plot", log.lines())
                        : new NetlistException("op failed", errors);
            }
            if (solverSeen == null) { // the solver cannot change until the next load, which resets this
                for (String l : log.lines()) {
                    Matcher m = SOLVER.matcher(l);
                    if (m.find()) {
                        solverSeen = m.group(1).toLowerCase(Locale.ROOT);
                    }
                }
            }
            lastFromSendData = collector.points() == 1 && collector.hasVoltages() && !forcePlotReading;
            return lastFromSendData ? collector.solution() : collector.readPlot(lib, plot, log.lines());
        } finally {
            lib.ngSpice_Command("destroy all");
        }
    }

    private void command(String cmd) {
        checkAlive();
        if (cmd.length() > 1000) {
            throw new IllegalArgumentException("ngspice command longer than 1000 characters");
        }
        lib.ngSpice_Command(cmd); // measured: commands leave the signal handlers alone, only init does not
        if (++commands % CLEAR_HISTORY_EVERY == 0) {
            lib.ngSpice_Command(null); // clears ngspice's growing command history
        }
        if (dead) {
            throw new SimulatorUnavailableException("ngspice exited while running '" + cmd + "'", log.lines());
        }
    }

    private void checkAlive() {
        if (dead) {
            throw new SimulatorUnavailableException("this ngspice instance has exited; open a new session in a new process",
                    log.lines());
        }
    }

    /** Whether ngspice has exited (ControlledExit); a dead instance refuses every call. */
    public boolean isDead() {
        return dead;
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
        String known = probed.get(options);
        if (known != null) {
            return known; // the library does not change under a session: one probe per options suffices
        }
        Solution s = solve(new Circuit("solver probe", List.of(new VoltageSource("vprobe", "a", "0", 1.0),
                new Resistor("rprobe1", "a", "m", 1000), new Resistor("rprobe2", "m", "0", 1000)), List.of(), options,
                List.of()));
        if (Math.abs(s.voltage("m") - 0.5) > 1e-9) {
            throw new ConvergenceException("the solver probe (a 1 V divider) gave " + s.voltage("m") + " V instead of 0.5 V",
                    log.lines());
        }
        probed.put(options, info().solver());
        return info().solver();
    }

    @Override
    public SimulatorInfo info() {
        String solver = solverSeen != null ? solverSeen : (klu ? "klu" : "sparse") + " (requested)";
        return new SimulatorInfo("ngspice", version, solver, libraryPath.toString());
    }

    @Override
    public synchronized void close() {
        if (!dead && (loaded != null || commands > 0)) {
            lib.ngSpice_Command("remcirc");
            lib.ngSpice_Command("destroy all");
        }
        loaded = null;
        LibraryLocator.release(libraryPath);
    }

    /** For tests: everything ngspice printed since the last command. */
    List<String> lastLog() {
        return log.lines();
    }
}
