package eqspice.eqprop;

import eqspice.simulate.PhasePlan;
import eqspice.simulate.Simulator;
import eqspice.simulate.SolvedSequence;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The value every source of a {@link CrossbarSession}'s circuit holds in the simulator, so that
 * a phase sends only the values that differ: a crossbar has hundreds of input and nudging
 * sources, and each value sent costs an {@code alter} command (or a store, for EXTERNAL sources).
 *
 * <p>The values are kept in an array by slot (a slot per source of the loaded circuit, numbered
 * once); the inputs can be set from an array in a fixed name order, looked up once per list,
 * because building and comparing a map of 1,568 boxed values per sample cost about a seventh of
 * a 784x2-100-10 epoch.
 */
final class SourceValues {
    private final Simulator simulator;
    private final Map<String, Integer> slot = new HashMap<>();
    private String[] names = new String[0];
    /** The value each slot's source holds; NaN: not known (sent again when next set). */
    private double[] held = new double[0];
    /** {@link #set(List, double[])}'s last names list and their slots. */
    private List<String> resolvedNames;
    private int[] resolvedSlots;
    /** Scratch of {@link #set(List, double[])}: the indices whose values changed. */
    private int[] changed = new int[0];

    SourceValues(Simulator simulator) {
        this.simulator = simulator;
    }

    /** A circuit was loaded: its sources hold {@code inputs} and {@code nudges}, nothing else is known. */
    void loaded(Map<String, Double> inputs, Map<String, Double> nudges) {
        Arrays.fill(held, Double.NaN);
        inputs.forEach(this::remember);
        nudges.forEach(this::remember);
    }

    /** Sends each value that differs from what the simulator holds. */
    void set(Map<String, Double> values) {
        values.forEach((name, v) -> {
            int k = slotOf(name);
            if (held[k] != v) { // NaN (unknown) differs from every value
                simulator.setSource(name, v);
                held[k] = v;
            }
        });
    }

    /** Sends each of {@code values[i]} (for source {@code names.get(i)}) that differs from what the simulator holds. */
    void set(List<String> sourceNames, double[] values) {
        if (sourceNames != resolvedNames) {
            int[] slots = new int[sourceNames.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = slotOf(sourceNames.get(i));
            }
            resolvedSlots = slots;
            resolvedNames = sourceNames;
        }
        if (changed.length < values.length) {
            changed = new int[values.length];
        }
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (held[resolvedSlots[i]] != values[i]) {
                changed[count++] = i;
            }
        }
        if (count > 0) {
            simulator.setSources(sourceNames, changed, count, values);
            for (int n = 0; n < count; n++) {
                held[resolvedSlots[changed[n]]] = values[changed[n]];
            }
        }
    }

    /** A copy of the values held now (to put them back after a reload). */
    Map<String, Double> snapshot() {
        Map<String, Double> out = new HashMap<>();
        for (int k = 0; k < held.length; k++) {
            if (!Double.isNaN(held[k])) {
                out.put(names[k], held[k]);
            }
        }
        return out;
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
            // unknown now: sent again by the next setInputs/setNudge
            last.keySet().forEach(name -> remember(name, Double.NaN));
            throw e;
        }
        last.forEach(this::remember);
        return seq;
    }

    private void remember(String name, double value) {
        int k = slotOf(name); // first: it may grow the array
        held[k] = value;
    }

    /** The slot of source {@code name}, numbered on first sight (its value unknown until set). */
    private int slotOf(String name) {
        Integer k = slot.get(name);
        if (k != null) {
            return k;
        }
        int added = names.length;
        slot.put(name, added);
        names = Arrays.copyOf(names, added + 1);
        names[added] = name;
        held = Arrays.copyOf(held, added + 1);
        held[added] = Double.NaN;
        return added;
    }
}
