package eqspice.train;

import eqspice.network.LayeredNetwork;
import java.util.List;
import java.util.Map;

/**
 * Measures something about the network after each epoch (diagnostics columns of metrics.csv).
 * A probe may solve circuits on the trainer's simulator; the trainer reloads its own circuit
 * afterwards. It costs extra solves, which is why training runs without one by default.
 */
public interface EpochProbe {

    /** The names of the values {@link #measure} returns, in column order. */
    List<String> columns();

    /** The values after an epoch, keyed by {@link #columns()}; NaN where a value could not be measured. */
    Map<String, Double> measure(LayeredNetwork network);

    /** Whether {@link #measure} solves circuits on the trainer's simulator (then the trainer reloads its own). */
    default boolean solves() {
        return true;
    }

    /** Both probes, {@code first}'s columns first; either may be null. */
    static EpochProbe both(EpochProbe first, EpochProbe second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return new EpochProbe() {
            @Override
            public List<String> columns() {
                List<String> c = new java.util.ArrayList<>(first.columns());
                c.addAll(second.columns());
                return c;
            }

            @Override
            public Map<String, Double> measure(LayeredNetwork network) {
                Map<String, Double> m = new java.util.LinkedHashMap<>(first.measure(network));
                m.putAll(second.measure(network));
                return m;
            }

            @Override
            public boolean solves() {
                return first.solves() || second.solves();
            }
        };
    }
}
