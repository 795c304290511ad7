package eqspice.ngspice;

import com.sun.jna.Pointer;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects one simulation point's values into a {@link Solution}, either from the
 * {@code SendData} callback or vector by vector from the result plot.
 *
 * <p>Why the callback: ngspice hands every vector's value of a point to {@code SendData} in
 * one array, while reading a plot costs one {@code ngGet_Vec_Info} call per vector. Measured
 * on an 80k-resistor grid (40k nodes), reading the plot took about 270 ms per operating point,
 * a third of the solve itself; walking the callback's array costs a few milliseconds.
 *
 * <p>Fields are read in place at the offsets JNA computes from the structs declared in
 * {@link NgspiceLibrary}: copying each struct through JNA's reflection would cost more than
 * the values are worth.
 */
final class PointCollector {
    private static final long VECCOUNT_OFFSET = NgspiceLibrary.VecValuesAll.offsetOf("veccount");
    private static final long VECSA_OFFSET = NgspiceLibrary.VecValuesAll.offsetOf("vecsa");
    private static final long NAME_OFFSET = NgspiceLibrary.VecValues.offsetOf("name");
    private static final long CREAL_OFFSET = NgspiceLibrary.VecValues.offsetOf("creal");
    private static final long VEC_REALDATA = NgspiceLibrary.VectorInfo.offsetOf("v_realdata");
    private static final long VEC_LENGTH = NgspiceLibrary.VectorInfo.offsetOf("v_length");

    private final Map<String, Double> voltages = new HashMap<>();
    private final Map<String, Double> currents = new HashMap<>();
    private int points;
    /** In a sequence: one solution per point, the vectors of the swept dummy source left out. */
    private List<Solution> sequence;
    private final List<Solution> sequenceView = new ArrayList<>();

    /**
     * Names of the vectors of the current analysis, by position, with the address of the struct
     * they were read from: ngspice hands the same structs at every point of one analysis, so a
     * sweep decodes each name once instead of once per point.
     */
    private long[] nameStructs = new long[0];
    private String[] names = new String[0];
    private byte[] kinds = new byte[0];
    private static final byte SKIP = 0;
    private static final byte VOLTAGE = 1;
    private static final byte CURRENT = 2;

    /** Forgets what was collected (the maps are reused: a {@link Solution} copies them). */
    void reset() {
        voltages.clear();
        currents.clear();
        points = 0;
        sequence = null;
        java.util.Arrays.fill(nameStructs, 0L);
    }

    /** Starts collecting one solution per point (a {@code dc} sweep whose points are phases). */
    void startSequence() {
        reset();
        sequence = sequenceView;
        sequence.clear();
    }

    /** The solutions of the points received so far in sequence mode (a read-only view). */
    List<Solution> sequenceSolutions() {
        return Collections.unmodifiableList(sequenceView);
    }

    /** Ends sequence mode and returns its solutions. */
    List<Solution> finishSequence() {
        List<Solution> out = List.copyOf(sequenceView);
        sequenceView.clear();
        reset();
        return out;
    }

    /** Number of points {@link #addPoint} received since the last reset. */
    int points() {
        return points;
    }

    /** Reads a {@code pvecvaluesall} from the SendData callback. */
    void addPoint(Pointer all) {
        if (all == null) {
            return;
        }
        int count = all.getInt(VECCOUNT_OFFSET);
        Pointer vecsa = all.getPointer(VECSA_OFFSET);
        if (count <= 0 || vecsa == null) {
            return;
        }
        if (names.length < count) {
            names = new String[count];
            kinds = new byte[count];
            nameStructs = new long[count];
        }
        Pointer[] vecs = vecsa.getPointerArray(0, count);
        for (int i = 0; i < count; i++) {
            Pointer v = vecs[i];
            long address = Pointer.nativeValue(v);
            if (nameStructs[i] != address) {
                String name = v.getPointer(NAME_OFFSET).getString(0, "UTF-8");
                kinds[i] = kind(name);
                names[i] = key(name, kinds[i]);
                nameStructs[i] = address;
            }
            if (kinds[i] == VOLTAGE) {
                voltages.put(names[i], v.getDouble(CREAL_OFFSET));
            } else if (kinds[i] == CURRENT) {
                currents.put(names[i], v.getDouble(CREAL_OFFSET));
            }
        }
        points++;
        if (sequence != null) {
            voltages.remove(PhaseSweep.SWEPT_NODE);
            voltages.remove("v-sweep");
            currents.remove(PhaseSweep.SWEPT_SOURCE);
            sequence.add(solution());
            voltages.clear();
            currents.clear();
        }
    }

    /**
     * Files one vector: {@code name#branch} is a source current, a plain name (or
     * {@code V(name)}) a node voltage; internal vectors ({@code @...}, other {@code #...}) are skipped.
     */
    void add(String name, double value) {
        byte kind = kind(name);
        if (kind == CURRENT) {
            currents.put(key(name, kind), value);
        } else if (kind == VOLTAGE) {
            voltages.put(key(name, kind), value);
        }
    }

    private static byte kind(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return key.endsWith("#branch") ? CURRENT : !key.contains("#") && !key.startsWith("@") ? VOLTAGE : SKIP;
    }

    private static String key(String name, byte kind) {
        String key = name.toLowerCase(Locale.ROOT);
        if (kind == CURRENT) {
            return key.substring(0, key.length() - 7);
        }
        return key.startsWith("v(") && key.endsWith(")") ? key.substring(2, key.length() - 1) : key;
    }

    /**
     * The slow path: one {@code ngGet_Vec_Info} call per vector of the plot (used when SendData
     * was silent).
     *
     * @param log ngspice's lines, for the exception when a vector is empty
     */
    Solution readPlot(NgspiceLibrary lib, String plot, List<String> log) {
        reset();
        Pointer names = lib.ngSpice_AllVecs(plot);
        for (String name : names == null ? new String[0] : names.getStringArray(0)) {
            Pointer info = lib.ngGet_Vec_Info(plot + "." + name);
            Pointer data = info == null ? null : info.getPointer(VEC_REALDATA);
            if (data == null || info.getInt(VEC_LENGTH) < 1) {
                throw new ConvergenceException("vector " + name + " of plot " + plot + " is empty", log);
            }
            add(name, data.getDouble(0));
        }
        if (!hasVoltages()) {
            throw new ConvergenceException("op returned no node voltages", log);
        }
        return solution();
    }

    boolean hasVoltages() {
        return !voltages.isEmpty();
    }

    Solution solution() {
        return new Solution(voltages, currents);
    }
}
