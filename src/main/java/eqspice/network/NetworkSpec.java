package eqspice.network;

import eqspice.circuit.SpiceNumber;
import java.util.List;
import java.util.Optional;

/**
 * The shape and the fixed parts of a layered crossbar network.
 *
 * <p>Layers of nodes: the input layer (each input applied as +x and -x when
 * {@code doubledInputs}, else once), then the hidden layers, then the output layer in which
 * every output is doubled (the prediction is V+ - V-). Weight layer {@code l} is the crossbar
 * from node layer {@code l} to node layer {@code l + 1}; its rows are the source nodes plus
 * the bias nodes (every crossbar sees every bias source), its columns the target nodes.
 *
 * @param inputs        number of logical inputs
 * @param doubledInputs apply each input as +x and -x (signed weights from positive conductances)
 * @param biasVoltages  voltage of each bias source (V); may be empty
 * @param hidden        size of each hidden layer; may be empty
 * @param outputs       number of logical outputs (each becomes two output nodes)
 * @param activation    diode pair at every hidden node, empty for linear hidden nodes
 * @param amplifier     bidirectional amplifier after every hidden node, empty for none
 * @param bounds        conductance range
 *
 * <p>Start from a preset ({@link Presets}) and change a field with its {@code with...} method.
 */
public record NetworkSpec(int inputs, boolean doubledInputs, List<Double> biasVoltages, List<Integer> hidden,
                          int outputs, Optional<DiodePair> activation, Optional<Amplifier> amplifier,
                          ConductanceBounds bounds) {

    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("network needs at least one input, got " + inputs);
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("network needs at least one output, got " + outputs);
        }
        biasVoltages = List.copyOf(biasVoltages);
        hidden = List.copyOf(hidden);
        for (double b : biasVoltages) {
            SpiceNumber.finite("bias voltage", b);
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer sizes must be >= 1, got " + hidden);
            }
        }
        if (activation == null || amplifier == null || bounds == null) {
            throw new IllegalArgumentException("activation, amplifier and bounds must be given (use Optional.empty())");
        }
    }

    public NetworkSpec withInputs(int n) {
        return new NetworkSpec(n, doubledInputs, biasVoltages, hidden, outputs, activation, amplifier, bounds);
    }

    public NetworkSpec withDoubledInputs(boolean doubled) {
        return new NetworkSpec(inputs, doubled, biasVoltages, hidden, outputs, activation, amplifier, bounds);
    }

    public NetworkSpec withBiasVoltages(List<Double> volts) {
        return new NetworkSpec(inputs, doubledInputs, volts, hidden, outputs, activation, amplifier, bounds);
    }

    public NetworkSpec withHidden(List<Integer> sizes) {
        return new NetworkSpec(inputs, doubledInputs, biasVoltages, sizes, outputs, activation, amplifier, bounds);
    }

    public NetworkSpec withOutputs(int n) {
        return new NetworkSpec(inputs, doubledInputs, biasVoltages, hidden, n, activation, amplifier, bounds);
    }

    /** The diode pair at every hidden node; empty for linear hidden nodes. */
    public NetworkSpec withActivation(Optional<DiodePair> pair) {
        return new NetworkSpec(inputs, doubledInputs, biasVoltages, hidden, outputs, pair, amplifier, bounds);
    }

    /** The amplifier after every hidden node; empty for none. */
    public NetworkSpec withAmplifier(Optional<Amplifier> amp) {
        return new NetworkSpec(inputs, doubledInputs, biasVoltages, hidden, outputs, activation, amp, bounds);
    }

    public NetworkSpec withBounds(ConductanceBounds range) {
        return new NetworkSpec(inputs, doubledInputs, biasVoltages, hidden, outputs, activation, amplifier, range);
    }

    /** Number of weight layers (crossbars): hidden layers + 1. */
    public int weightLayers() {
        return hidden.size() + 1;
    }

    /** Number of source (non-bias) nodes of node layer {@code k}: inputs, hidden units or output nodes. */
    public int layerWidth(int k) {
        if (k == 0) {
            return doubledInputs ? 2 * inputs : inputs;
        }
        if (k <= hidden.size()) {
            return hidden.get(k - 1);
        }
        if (k == hidden.size() + 1) {
            return 2 * outputs;
        }
        throw new IllegalArgumentException("node layer " + k + " does not exist (0.." + (hidden.size() + 1) + ")");
    }

    /** Rows of weight layer {@code l}: its source nodes followed by the bias nodes. */
    public int rows(int l) {
        checkWeightLayer(l);
        return layerWidth(l) + biasVoltages.size();
    }

    /** Columns of weight layer {@code l}: the nodes of the next layer. */
    public int columns(int l) {
        checkWeightLayer(l);
        return layerWidth(l + 1);
    }

    /** Total number of conductances (an experiment's network is within {@link NetworkLimits}, far below 2^31). */
    public int conductanceCount() {
        long n = 0;
        for (int l = 0; l < weightLayers(); l++) {
            n += (long) rows(l) * columns(l);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the network has " + n + " conductances, more than one program can hold");
        }
        return (int) n;
    }

    private void checkWeightLayer(int l) {
        if (l < 0 || l >= weightLayers()) {
            throw new IllegalArgumentException("weight layer " + l + " does not exist (0.." + (weightLayers() - 1) + ")");
        }
    }
}
