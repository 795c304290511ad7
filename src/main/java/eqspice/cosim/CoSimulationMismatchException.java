package eqspice.cosim;

/**
 * The embedded solver and ngspice disagreed by more than the tolerance, and the experiment
 * asked to stop on a mismatch. Deliberately not a {@link eqspice.simulate.SimulationException}:
 * a phase failure is counted and training goes on, a mismatch must end the run.
 */
public class CoSimulationMismatchException extends RuntimeException {
    public CoSimulationMismatchException(String message) {
        super(message);
    }
}
