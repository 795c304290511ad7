package eqspice.cosim;

import eqspice.network.LayeredNetwork;
import eqspice.train.EpochProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The co-simulation columns of metrics.csv: the checks made during the epoch, the largest
 * node-voltage difference they found (V; NaN without checks) and the mismatches. It reads the
 * co-simulator's tally and solves nothing itself.
 */
public final class CoSimProbe implements EpochProbe {
    public static final List<String> COLUMNS = List.of("cosim_checks", "cosim_max_dv_v", "cosim_mismatches");

    private final CoSimulator cosim;

    public CoSimProbe(CoSimulator cosim) {
        this.cosim = cosim;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public boolean solves() {
        return false;
    }

    @Override
    public Map<String, Double> measure(LayeredNetwork network) {
        CoSimStats s = cosim.takeSinceLast();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(COLUMNS.get(0), (double) s.checks());
        out.put(COLUMNS.get(1), s.checks() == 0 ? Double.NaN : s.maxDifference());
        out.put(COLUMNS.get(2), (double) s.mismatches());
        return out;
    }

    /** The summary.json fields of a run's co-simulation (after the final check). */
    public static Map<String, Object> summary(CoSimulator cosim, double finalDifference) {
        CoSimStats t = cosim.total();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", cosim.choice().label());
        out.put("checks", t.checks());
        out.put("max_dv_v", t.maxDifference());
        out.put("final_network_dv_v", finalDifference);
        out.put("mismatches", t.mismatches());
        out.put("reference_failures", t.referenceFailures());
        out.put("first_mismatch", t.firstMismatch());
        return out;
    }
}
