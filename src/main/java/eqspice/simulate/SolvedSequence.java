package eqspice.simulate;

import java.util.List;

/**
 * The solutions of a sequence of phases, one per step, and how each was obtained:
 * {@code direct}, or the recovery rung that solved it (see {@link Simulator#lastRecovery()}).
 */
public record SolvedSequence(List<Solution> solutions, List<Recovery> recoveries) {
    public SolvedSequence {
        solutions = List.copyOf(solutions);
        recoveries = List.copyOf(recoveries);
        if (solutions.size() != recoveries.size()) {
            throw new IllegalArgumentException(solutions.size() + " solutions but " + recoveries.size() + " recoveries");
        }
    }

    /** The solution of step {@code k}. */
    public Solution get(int k) {
        return solutions.get(k);
    }
}
