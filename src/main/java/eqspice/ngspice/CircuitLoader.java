package eqspice.ngspice;

import eqspice.circuit.Circuit;
import eqspice.circuit.NgspiceWriter;
import eqspice.netlist.NetlistReader;
import eqspice.netlist.ReadNetlist;
import eqspice.simulate.NetlistException;
import eqspice.simulate.SimulatorUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads circuits into one ngspice instance and remembers the loaded one. The old circuit is
 * removed first ({@code remcirc}): every circuit left behind slows down later commands and
 * grows memory. ngspice accepts a bad netlist with return code 0, so its printed lines decide
 * whether the load succeeded.
 */
final class CircuitLoader {
    private final NgspiceLibrary lib;
    private final NgspiceCallbacks callbacks;
    private final NgspiceCommands commands;
    private final ProcessGuard guard;
    private final LinearSolverRecord solver;
    private Circuit loaded;

    CircuitLoader(NgspiceLibrary lib, NgspiceCallbacks callbacks, NgspiceCommands commands, ProcessGuard guard,
                  LinearSolverRecord solver) {
        this.lib = lib;
        this.callbacks = callbacks;
        this.commands = commands;
        this.guard = guard;
        this.solver = solver;
    }

    /** Loads a circuit, with the dummy source of the {@link PhaseSweep} when it has EXTERNAL sources. */
    void load(Circuit circuit) {
        List<String> lines = new ArrayList<>(NgspiceWriter.lines(circuit));
        // Comments never reach ngspice (it executes some, e.g. "*#" lines); the title stays, it is generated.
        lines.subList(1, lines.size()).removeIf(NetlistReader::isCommentOrBlank);
        ExternalSources externals = callbacks.externals();
        externals.reset(circuit);
        if (!externals.isEmpty()) {
            PhaseSweep.checkFree(circuit);
            lines.add(lines.size() - 1, PhaseSweep.SWEPT_SOURCE_LINE); // before .end
        }
        commands.checkAlive();
        send(lines);
        loaded = circuit;
        solver.circuitLoaded(circuit.options());
    }

    /**
     * Loads a netlist from outside, as {@link NetlistReader} passed it (no comment, script or
     * include is left in it); it forgets the external sources of the circuit before.
     */
    void loadLines(ReadNetlist netlist) {
        commands.checkAlive();
        callbacks.externals().clear();
        send(netlist.lines());
        // What ngspice 39.3 accepts silently and 46 refuses (checked after ngspice, so on 46 ngspice's message stands)
        Optional<String> incomplete = IncompleteElements.first(netlist.statements());
        if (incomplete.isPresent()) {
            throw new NetlistException(incomplete.get() + "; this ngspice accepts the line silently (a missing node "
                    + "becomes a node without a name, a missing value 0), ngspice 46 refuses it",
                    callbacks.log().lines().stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("warning")).toList());
        }
    }

    private void send(List<String> lines) {
        if (mayHoldCircuit()) {
            commands.housekeeping("remcirc");
        }
        NgspiceLog log = callbacks.log();
        log.clear();
        String[] arr = new String[lines.size() + 1];
        lines.toArray(arr);
        lib.ngSpice_Circ(arr);
        guard.restore();
        loaded = null;
        solver.rawLoaded(lines);
        List<String> errors = log.netlistErrors();
        if (callbacks.exited()) { // ngspice called ControlledExit: this instance is gone, whatever the netlist said
            throw new SimulatorUnavailableException("ngspice exited while loading the netlist (its ControlledExit); "
                    + "this process cannot use it again", errors.isEmpty() ? log.lines() : errors);
        }
        if (!errors.isEmpty()) {
            throw new NetlistException("ngspice refused the netlist", errors);
        }
    }

    /** The circuit loaded by {@link #load}, or null (nothing loaded, or raw lines). */
    Circuit loaded() {
        return loaded;
    }

    /** Whether ngspice may hold a circuit or plots of this session: something was loaded or run. */
    boolean mayHoldCircuit() {
        return loaded != null || commands.anyRun();
    }

    /** Forgets the loaded circuit (the session closes). */
    void forget() {
        loaded = null;
    }
}
