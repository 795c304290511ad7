package eqspice.simulate;

import java.util.List;

/** The operating point did not converge, or the matrix was singular. */
public class ConvergenceException extends SimulationException {
    public ConvergenceException(String message, List<String> log) {
        super(message, log);
    }
}
