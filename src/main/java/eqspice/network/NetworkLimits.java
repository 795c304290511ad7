package eqspice.network;

import java.util.Locale;
import java.util.Map;

/**
 * How large a network eqspice builds before it allocates anything for it: at most
 * {@code maxLayerWidth} nodes in any layer and {@code maxConductances} conductances in all
 * crossbars together. Sizes are computed in {@code long}, so a layer of 2^31 nodes is a number
 * to compare, not an overflow. The defaults fit the 1 GiB heap {@code ./eqspice} gives Java and
 * a few GB for ngspice (see docs/reliability.md); {@link #ENV_CONDUCTANCES} and
 * {@link #ENV_LAYER_WIDTH} raise them for a machine with the memory.
 *
 * @param maxConductances most conductances in a network
 * @param maxLayerWidth   most nodes in one layer (inputs doubled, outputs doubled)
 */
public record NetworkLimits(long maxConductances, long maxLayerWidth) {
    public static final long DEFAULT_MAX_CONDUCTANCES = 1_000_000;
    public static final long DEFAULT_MAX_LAYER_WIDTH = 100_000;
    public static final String ENV_CONDUCTANCES = "EQSPICE_MAX_CONDUCTANCES";
    public static final String ENV_LAYER_WIDTH = "EQSPICE_MAX_LAYER_WIDTH";
    public static final NetworkLimits DEFAULT = new NetworkLimits(DEFAULT_MAX_CONDUCTANCES, DEFAULT_MAX_LAYER_WIDTH);

    public NetworkLimits {
        if (maxConductances < 1 || maxLayerWidth < 1) {
            throw new IllegalArgumentException("network limits must be >= 1, got " + maxConductances + " conductances, "
                    + maxLayerWidth + " nodes per layer");
        }
    }

    /** The defaults, raised or lowered by the environment variables. */
    public static NetworkLimits fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static NetworkLimits fromEnvironment(Map<String, String> env) {
        return new NetworkLimits(read(env, ENV_CONDUCTANCES, DEFAULT_MAX_CONDUCTANCES),
                read(env, ENV_LAYER_WIDTH, DEFAULT_MAX_LAYER_WIDTH));
    }

    private static long read(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip().replace("_", ""));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("the environment variable " + name + " must be a whole number >= 1, got '"
                + v + "'");
    }

    /**
     * Refuses a network beyond the limits, naming the YAML field to change.
     *
     * @param inputs        logical inputs
     * @param doubledInputs each input applied as +x and -x
     * @param biases        bias sources (a row of every crossbar)
     * @param hidden        hidden layer sizes
     * @param outputs       logical outputs (each doubled)
     * @throws IllegalArgumentException starting {@code field 'network.<name>'}
     */
    public void check(int inputs, boolean doubledInputs, int biases, java.util.List<Integer> hidden, int outputs) {
        int layers = hidden.size() + 2;
        long[] width = new long[layers];
        width[0] = (doubledInputs ? 2L : 1L) * inputs;
        for (int k = 0; k < hidden.size(); k++) {
            width[k + 1] = hidden.get(k);
        }
        width[layers - 1] = 2L * outputs;
        for (int k = 0; k < layers; k++) {
            if (width[k] > maxLayerWidth) {
                String field = k == 0 ? "network.inputs" : k == layers - 1 ? "network.outputs" : "network.hidden";
                throw new IllegalArgumentException(String.format(Locale.ROOT, "field '%s': %s has %,d nodes, more than "
                        + "the %,d a layer may have; if this machine has the memory, raise the limit with the "
                        + "environment variable %s", field, k == 0 ? "the input layer" : k == layers - 1
                        ? "the output layer" : "hidden layer " + k, width[k], maxLayerWidth, ENV_LAYER_WIDTH));
            }
        }
        long total = 0;
        int largest = 0;
        long largestCount = 0;
        for (int layer = 0; layer < layers - 1; layer++) {
            int l = layer;
            long count = saturated(() -> Math.multiplyExact(width[l] + biases, width[l + 1]));
            long sum = total;
            total = saturated(() -> Math.addExact(sum, count));
            if (count > largestCount) {
                largestCount = count;
                largest = layer;
            }
        }
        if (total > maxConductances) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "field 'network.hidden': this network has "
                    + "%,d conductances (crossbar %d alone %,d), more than the limit of %,d; if this machine has the "
                    + "memory (about %d bytes per conductance in ngspice), raise it with the environment variable %s",
                    total, largest, largestCount, maxConductances, BYTES_PER_CONDUCTANCE, ENV_CONDUCTANCES));
        }
    }

    /** A product or sum of sizes; beyond a long (only with limits raised that far) it is as large as a long gets. */
    private static long saturated(java.util.function.LongSupplier exact) {
        try {
            return exact.getAsLong();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Measured: ngspice's resident memory per crossbar resistor (see docs/reliability.md). */
    public static final int BYTES_PER_CONDUCTANCE = 1400;
}
