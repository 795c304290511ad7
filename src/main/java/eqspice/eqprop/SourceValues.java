package eqspice.eqprop;

import eqspice.simulate.PhasePlan;
import eqspice.simulate.Simulator;
import eqspice.simulate.SolvedSequence;
import java.util.HashMap;
import java.util.Map;

/**
 * The value every source of a {@link CrossbarSession}'s circuit holds in the simulator, so that
 * a phase sends only the values that differ: a crossbar has hundreds of input and nudging
 * sources, and each value sent costs an {@code alter} command (or a store, for EXTERNAL sources).
 */
final class SourceValues {
    private final Simulator simulator;
    private final Map<String, Double> held = new HashMap<>();

    SourceValues(Simulator simulator) {
        this.simulator = simulator;
    }

    /** A circuit was loaded: its sources hold {@code inputs} and {@code nudges}, nothing else is known. */
    void loaded(Map<String, Double> inputs, Map<String, Double> nudges) {
        held.clear();
        held.putAll(inputs);
        held.putAll(nudges);
    }

    /** Sends each value that differs from what the simulator holds. */
    void set(Map<String, Double> values) {
        values.forEach((name, v) -> {
            Double old = held.get(name);
            if (old == null || old.doubleValue() != v.doubleValue()) {
                simulator.setSource(name, v);
                held.put(name, v);
            }
        });
    }

    /** A copy of the values held now (to put them back after a reload). */
    Map<String, Double> snapshot() {
        return new HashMap<>(held);
    }

    /**
     * Solves a sequence with the simulator (see {@link Simulator#solveSequence}); afterwards the
     * sources hold the last step's values, or, when it failed, the values it set are unknown.
     */
    SolvedSequence solveSequence(int steps, PhasePlan plan) {
        Map<String, Double> last = new HashMap<>();
        SolvedSequence seq;
        try {
            seq = simulator.solveSequence(steps, (k, solved) -> {
                Map<String, Double> v = plan.values(k, solved);
                last.putAll(v);
                return v;
            });
        } catch (RuntimeException e) {
            last.keySet().forEach(held::remove); // unknown now: sent again by the next setInputs/setNudge
            throw e;
        }
        held.putAll(last);
        return seq;
    }
}
