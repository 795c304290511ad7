package eqspice.simulate;

import java.util.List;
import java.util.Map;

/**
 * The source values of each step of a sequence of phases solved in one go (see
 * {@link Simulator#solveSequence}). A step's values may depend on the solutions of the steps
 * before it: an EqProp nudged phase injects currents computed from the free phase's outputs.
 */
@FunctionalInterface
public interface PhasePlan {
    /**
     * The values (V or A, by source name) to apply for step {@code step}; sources not named
     * keep their values.
     *
     * @param solved the solutions of steps 0 .. step-1, in order
     */
    Map<String, Double> values(int step, List<Solution> solved);
}
