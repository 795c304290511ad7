package eqspice.simulate;

import eqspice.circuit.Circuit;
import java.util.ArrayList;
import java.util.List;

/**
 * A DC circuit solver. A simulator holds one loaded circuit; between solves only source
 * values and resistances change (the EqProp phases and updates), which a backend may apply
 * without reparsing the netlist.
 *
 * <p>Implementations are not thread-safe: use one per thread.
 */
public interface Simulator extends AutoCloseable {

    /** Loads a circuit, replacing the one loaded before. */
    void load(Circuit circuit);

    /** Sets the DC value of an independent voltage (V) or current (A) source of the loaded circuit. */
    void setSource(String name, double value);

    /** Sets the resistance (ohms) of a resistor of the loaded circuit. */
    void setResistance(String name, double ohms);

    /**
     * Sets independent source {@code names.get(k)} to {@code values[k]} for each {@code k} in
     * {@code changed[0 .. count)}: a phase's inputs. As {@link #setResistances}, the same
     * {@code names} list passed again lets a backend look the names up once. This default sets
     * them one by one with {@link #setSource}.
     */
    default void setSources(List<String> names, int[] changed, int count, double[] values) {
        for (int i = 0; i < count; i++) {
            int k = changed[i];
            setSource(names.get(k), values[k]);
        }
    }

    /**
     * Sets resistor {@code names.get(k)} to {@code ohms[k]} for each {@code k} in
     * {@code changed[0 .. count)}: a weight update. Passing the same {@code names} list again
     * lets a backend look the names up once per list and circuit instead of once per value (at
     * 784x2-100-10 an update sets 159k resistances, and the lookups were a third of an epoch).
     * This default sets them one by one with {@link #setResistance}.
     */
    default void setResistances(List<String> names, int[] changed, int count, double[] ohms) {
        for (int i = 0; i < count; i++) {
            int k = changed[i];
            setResistance(names.get(k), ohms[k]);
        }
    }

    /**
     * How many changed resistances make loading the circuit again cheaper than
     * {@link #setResistance} for each of them ({@link Integer#MAX_VALUE}: never), for whoever
     * applies a weight update. Backends differ by orders of magnitude here (ngspice walks its
     * instances for every {@code alter}), so this is the backend's to say.
     */
    default int reloadAbove() {
        return Integer.MAX_VALUE;
    }

    /**
     * Solves the DC operating point of the loaded circuit with its current values.
     *
     * @throws SimulationException when the circuit cannot be solved; the message carries the backend's log
     */
    Solution operatingPoint();

    /**
     * How the last {@link #operatingPoint()} was obtained: {@code direct}, or the name of the
     * recovery rung that solved it after a failure (a backend without recovery: always direct).
     */
    default Recovery lastRecovery() {
        return Recovery.DIRECT;
    }

    /**
     * Solves {@code steps} operating points one after another, applying the plan's values
     * before each; afterwards the sources hold the values of the last step solved. A backend may
     * solve the whole sequence in one analysis, reusing the matrix ordering and starting each
     * step from the previous solution (ngspice: a {@code dc} sweep over external sources); this
     * default solves one {@link #operatingPoint()} per step.
     *
     * @throws StepFailedException naming the step that could not be solved
     */
    default SolvedSequence solveSequence(int steps, PhasePlan plan) {
        List<Solution> solved = new ArrayList<>(steps);
        List<Recovery> rungs = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            plan.values(k, List.copyOf(solved)).forEach(this::setSource);
            try {
                solved.add(operatingPoint());
            } catch (SimulationException e) {
                throw new StepFailedException(k, steps, solved, e);
            }
            rungs.add(lastRecovery());
        }
        return new SolvedSequence(solved, rungs);
    }

    /** Loads a circuit and solves its operating point. */
    default Solution solve(Circuit circuit) {
        load(circuit);
        return operatingPoint();
    }

    /** Backend, version and solver, for provenance. */
    SimulatorInfo info();

    @Override
    void close();
}
