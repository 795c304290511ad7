package eqspice.simulate;

import java.util.List;

/**
 * One step of a sequence of phases could not be solved (every recovery rung failed, or the
 * backend exited). Says which step, keeps the solutions of the steps before it, and carries the
 * step's own failure as its cause.
 */
public class StepFailedException extends SimulationException {
    private final int step;
    private final transient List<Solution> solvedBefore;

    public StepFailedException(int step, int steps, List<Solution> solvedBefore, SimulationException cause) {
        super("step " + step + " of " + steps + " failed: " + cause.getMessage().lines().findFirst().orElse(""),
                cause.log(), cause);
        this.step = step;
        this.solvedBefore = List.copyOf(solvedBefore);
    }

    /** The step (from 0) that failed. */
    public int step() {
        return step;
    }

    /** The solutions of steps 0 .. step-1. */
    public List<Solution> solvedBefore() {
        return solvedBefore;
    }

    /** The step's own failure. */
    public SimulationException failure() {
        return (SimulationException) getCause();
    }
}
