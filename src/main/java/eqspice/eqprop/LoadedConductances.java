package eqspice.eqprop;

import eqspice.network.ConductanceMatrix;
import eqspice.network.Conductor;
import eqspice.network.CrossbarCircuit;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The conductances (S) a {@link CrossbarSession} has loaded into its simulator, flat in the
 * order of its conductors, and how a changed one reaches the simulator: an {@code alter} of its
 * resistor, with the device-to-device variation applied. A sinh crossbar device is a B source
 * whose expression cannot be altered: a change then marks the circuit stale, to be loaded again
 * before the next solve.
 */
final class LoadedConductances {
    private final Simulator simulator;
    private final List<Conductor> conductors;
    private final double[] variation;
    private final boolean nonlinear;
    private final double[] values;
    /** The resistor of every conductor, by index: one list, so the simulator can resolve the names once. */
    private final List<String> names;
    /** Scratch of {@link #setAll}: the indices that changed and their resistances (ohms), by index. */
    private final int[] changed;
    private final double[] ohms;
    private boolean stale;

    LoadedConductances(Simulator simulator, CrossbarCircuit builder, LayeredNetwork network) {
        this.simulator = simulator;
        this.variation = builder.variationFactors();
        this.conductors = builder.layout().conductors();
        this.nonlinear = builder.fidelity().nonlinearMemristors();
        this.values = flatten(network);
        this.names = conductors.stream().map(Conductor::element).toList();
        this.changed = new int[values.length];
        this.ohms = new double[values.length];
    }

    /** Every conductance, in the order of the flat gradient vectors. */
    List<Conductor> conductors() {
        return conductors;
    }

    /** The circuit of {@code network} was loaded: its conductances are the loaded ones. */
    void loaded(LayeredNetwork network) {
        System.arraycopy(flatten(network), 0, values, 0, values.length);
        stale = false;
    }

    /** The circuit of the current conductances ({@link #asWeights}) was loaded. */
    void reloaded() {
        stale = false;
    }

    /** Whether a conductance changed that only a new load of the circuit can apply. */
    boolean stale() {
        return stale;
    }

    /** How many of the flat conductances {@code g} differ from the loaded ones. */
    int changedFrom(double[] g) {
        int changed = 0;
        for (int c = 0; c < g.length; c++) {
            changed += values[c] != g[c] ? 1 : 0;
        }
        return changed;
    }

    /** Sets one conductance (S) by its index. */
    void set(int index, double siemens) {
        if (values[index] != siemens) {
            if (nonlinear) {
                stale = true; // a B source's expression cannot be altered: reload before the next solve
            } else {
                simulator.setResistance(conductors.get(index).element(), 1.0 / (siemens * variation[index]));
            }
            values[index] = siemens;
        }
    }

    /** Sets every conductance (S) to {@code g}'s, as {@link #set} one by one would, in one call to the simulator. */
    void setAll(double[] g) {
        if (nonlinear) {
            for (int c = 0; c < g.length; c++) {
                set(c, g[c]);
            }
            return;
        }
        int count = 0;
        for (int c = 0; c < g.length; c++) {
            if (values[c] != g[c]) {
                changed[count++] = c;
                ohms[c] = 1.0 / (g[c] * variation[c]);
            }
        }
        if (count > 0) {
            simulator.setResistances(names, changed, count, ohms);
            for (int i = 0; i < count; i++) {
                values[changed[i]] = g[changed[i]];
            }
        }
    }

    /** The conductance loaded at {@code index}. */
    double get(int index) {
        return values[index];
    }

    /** The loaded conductances as weight matrices of the shape of {@code network}'s. */
    List<ConductanceMatrix> asWeights(LayeredNetwork network) {
        List<ConductanceMatrix> weights = new ArrayList<>();
        int at = 0;
        for (ConductanceMatrix m : network.weights()) {
            weights.add(ConductanceMatrix.of(m.rows(), m.columns(), Arrays.copyOfRange(values, at, at + m.rows() * m.columns())));
            at += m.rows() * m.columns();
        }
        return weights;
    }

    /** A network's conductances, flat: matrix after matrix, each in its own {@code toArray} order. */
    static double[] flatten(LayeredNetwork network) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (ConductanceMatrix m : network.weights()) {
            double[] a = m.toArray();
            parts.add(a);
            n += a.length;
        }
        double[] flat = new double[n];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, flat, at, a.length);
            at += a.length;
        }
        return flat;
    }
}
