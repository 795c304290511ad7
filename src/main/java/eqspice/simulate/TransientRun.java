package eqspice.simulate;

import java.util.List;
import java.util.Map;

/**
 * What a {@link TransientPlan} gave: the trajectory over every phase, the phase boundaries
 * (start of each phase, then the end of the last) and the source values each phase applied.
 */
public record TransientRun(Trajectory trajectory, double[] boundaries, List<Map<String, Double>> applied) {
    public TransientRun {
        applied = List.copyOf(applied);
        if (boundaries.length != applied.size() + 1) {
            throw new IllegalArgumentException(boundaries.length + " boundaries for " + applied.size() + " phases");
        }
    }

    /** Number of phases. */
    public int phases() {
        return applied.size();
    }

    /** The index of the point that ends phase k (the last point at or before its end). */
    public int endOf(int phase) {
        return trajectory.indexAt(boundaries[phase + 1]);
    }

    /** The index of the point that starts phase k (its start, the end of the phase before). */
    public int startOf(int phase) {
        return trajectory.indexAt(boundaries[phase]);
    }
}
