package eqspice.solve;

import eqspice.simulate.SimulationException;
import java.util.List;

/**
 * The child process solving a netlist from outside did not answer: it crashed (ngspice took it
 * down, e.g. on a recursive {@code .func}), or it ran past the time limit and was stopped.
 */
public class SolveProcessException extends SimulationException {
    public SolveProcessException(String message, List<String> log) {
        super(message, log);
    }
}
