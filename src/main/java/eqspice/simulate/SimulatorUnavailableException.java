package eqspice.simulate;

import java.util.List;

/**
 * The backend cannot run: its library is missing or failed to load, or it exited
 * (ngspice's ControlledExit). The message says how to fix it where that is known.
 */
public class SimulatorUnavailableException extends SimulationException {
    public SimulatorUnavailableException(String message, List<String> log) {
        super(message, log);
    }

    public SimulatorUnavailableException(String message, Throwable cause) {
        super(message, List.of(), cause);
    }
}
