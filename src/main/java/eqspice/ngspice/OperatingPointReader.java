package eqspice.ngspice;

import eqspice.simulate.ConvergenceException;
import eqspice.simulate.NetlistException;
import eqspice.simulate.Solution;
import java.util.List;

/**
 * Runs one {@code op} on the loaded circuit and reads its result: from the values SendData
 * handed over (the fast path), else vector by vector from the result plot. ngspice returns 0
 * even when the operating point failed, so failure is read from its printed lines and from a
 * missing plot. The plot is destroyed after reading, whatever happened: every plot left behind
 * slows down later commands and grows memory.
 */
final class OperatingPointReader {
    private final NgspiceLibrary lib;
    private final NgspiceCallbacks callbacks;
    private final NgspiceCommands commands;
    private final LinearSolverRecord solver;
    /** For tests: ignore SendData and read the plot vector by vector. */
    private boolean forcePlotReading;
    /** For tests: whether the last operating point was read from SendData. */
    private boolean lastFromSendData;

    OperatingPointReader(NgspiceLibrary lib, NgspiceCallbacks callbacks, NgspiceCommands commands,
                         LinearSolverRecord solver) {
        this.lib = lib;
        this.callbacks = callbacks;
        this.commands = commands;
        this.solver = solver;
    }

    /** One operating point with the current options, no recovery. */
    Solution solveOnce() {
        NgspiceLog log = callbacks.log();
        PointCollector collector = callbacks.collector();
        log.clear();
        collector.reset();
        commands.analysis("op");
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
            solver.noteFrom(log);
            lastFromSendData = collector.points() == 1 && collector.hasVoltages() && !forcePlotReading;
            return lastFromSendData ? collector.solution() : collector.readPlot(lib, plot, log.lines());
        } finally {
            commands.housekeeping("destroy all");
        }
    }

    /** For tests: whether to ignore SendData and read the plot vector by vector. */
    void forcePlotReading(boolean force) {
        this.forcePlotReading = force;
    }

    /** For tests: whether the last operating point was read from SendData. */
    boolean lastFromSendData() {
        return lastFromSendData;
    }
}
