package eqspice.ngspice;

import eqspice.circuit.Circuit;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Recovery;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.SimulatorUnavailableException;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.Solution;
import eqspice.simulate.TransientPlan;
import eqspice.simulate.TransientRun;
import eqspice.simulate.TransientSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulator that survives ngspice's own exit. After a ControlledExit an instance refuses
 * every call and cannot be initialised again in this process (measured: a re-initialised
 * library exits again on the next circuit). The next use therefore opens a fresh instance on a
 * private copy of the library, which the dynamic loader treats as another library, and
 * restores the state: the loaded circuit and every source value and resistance set since.
 * The call that met the exit still fails, so the phase is recorded as failed.
 */
public final class RestartingSession implements TransientSimulator {
    private final Path library;
    private final List<Path> copies = new ArrayList<>();
    private final Map<String, Double> sources = new LinkedHashMap<>();
    private final Map<String, Double> resistances = new LinkedHashMap<>();
    private NgspiceSession current;
    private Circuit circuit;
    private int restarts;

    /** Opens the library found by {@link LibraryLocator}. */
    public RestartingSession() {
        this(LibraryLocator.locate());
    }

    /** Opens the library at an absolute path. */
    public RestartingSession(Path library) {
        this.library = library;
        this.current = new NgspiceSession(library);
    }

    /** How many times ngspice exited and was replaced. */
    public int restarts() {
        return restarts;
    }

    /** The instance in use (for the solver probe and for tests). */
    NgspiceSession current() {
        return current;
    }

    /** See {@link NgspiceSession#linearSolver}. */
    public String linearSolver(eqspice.circuit.SolverOptions options) {
        ensureAlive();
        String s = current.linearSolver(options);
        if (circuit != null) {
            restore(); // the probe replaced the loaded circuit
        }
        return s;
    }

    /** See {@link NgspiceSession#kluUnavailable}. */
    public java.util.Optional<String> kluUnavailable() {
        return current.kluUnavailable();
    }

    @Override
    public void load(Circuit c) {
        ensureAlive();
        current.load(c);
        circuit = c;
        sources.clear();
        resistances.clear();
    }

    @Override
    public void setSource(String name, double value) {
        ensureAlive();
        current.setSource(name, value);
        sources.put(name, value);
    }

    @Override
    public int reloadAbove() {
        return NgspiceSession.RELOAD_ABOVE;
    }

    @Override
    public void setResistance(String name, double ohms) {
        ensureAlive();
        current.setResistance(name, ohms);
        resistances.put(name, ohms);
    }

    @Override
    public Solution operatingPoint() {
        ensureAlive();
        return current.operatingPoint();
    }

    /** The instance's own sequence solve; the values it leaves in the sources are remembered for a restart. */
    @Override
    public SolvedSequence solveSequence(int steps, PhasePlan plan) {
        ensureAlive();
        Map<String, Double> applied = new LinkedHashMap<>();
        try {
            return current.solveSequence(steps, (k, solved) -> {
                Map<String, Double> v = plan.values(k, solved);
                applied.putAll(v);
                return v;
            });
        } finally {
            sources.putAll(applied);
        }
    }

    /**
     * The instance's phases in time; afterwards it holds the circuit with the values of the last
     * phase, which a restart restores.
     */
    @Override
    public TransientRun transientRun(Circuit c, TransientPlan plan) {
        ensureAlive();
        circuit = c;
        sources.clear();
        resistances.clear();
        TransientRun run = current.transientRun(c, plan);
        run.applied().forEach(sources::putAll);
        return run;
    }

    @Override
    public Recovery lastRecovery() {
        return current.lastRecovery();
    }

    @Override
    public SimulatorInfo info() {
        return current.info();
    }

    private void ensureAlive() {
        if (!current.isDead()) {
            return;
        }
        try {
            Path copy = Files.createTempFile("libngspice-eqspice-restart-", ".so");
            copies.add(copy);
            Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
            current = new NgspiceSession(copy);
        } catch (IOException e) {
            throw new SimulatorUnavailableException("ngspice exited and no fresh copy of " + library
                    + " could be made: " + e.getMessage(), List.of());
        }
        restarts++;
        if (circuit != null) {
            restore();
        }
    }

    private void restore() {
        current.load(circuit);
        sources.forEach(current::setSource);
        resistances.forEach(current::setResistance);
    }

    @Override
    public void close() {
        current.close();
        for (Path p : copies) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary copy left behind is harmless
            }
        }
    }
}
