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
}
