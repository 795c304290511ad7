package eqspice.ngspice;

import com.sun.jna.CallbackProxy;
import com.sun.jna.Pointer;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Element;
import eqspice.circuit.VoltageSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values of the loaded circuit's EXTERNAL sources, which ngspice asks for through the
 * {@code GetVSRCData}/{@code GetISRCData} callbacks at every load of the matrix (every Newton
 * iteration of every point). Setting a value is a store into an array: no {@code alter}
 * command, no parsing, and inside a {@code dc} sweep the values can change from one point to
 * the next.
 *
 * <p>Measured with ngspice 46 (see {@code SweepFactsTest}): the callbacks come with time 0 in
 * every DC analysis (op and dc sweep alike), so the time does not say which sweep point is being
 * solved; the {@link #beforeEachLoad} hook lets the sweep switch values when a point is done.
 *
 * <p>The callbacks are fields: the session holds them for the library's lifetime (JNA frees a
 * callback whose Java object is collected, and ngspice would then jump into freed memory).
 */
final class ExternalSources {
    private final Map<String, Integer> slots = new HashMap<>();
    /** Native address of the name ngspice passes -> slot; filled on the first call per source. */
    private final Map<Long, Integer> byAddress = new HashMap<>();
    private double[] values = new double[0];
    private java.util.function.DoubleConsumer beforeEachLoad;
    private long calls;
    private String unknown;
    /** The largest time ngspice passed since the last reset (for the test of the DC facts). */
    double maxTime;

    final NgspiceLibrary.GetVSRCData vsrc = new VoltageCallback();
    final NgspiceLibrary.GetISRCData isrc = new CurrentCallback();

    /**
     * Why {@link CallbackProxy}: ngspice asks once per source per Newton iteration (thousands of
     * times per phase on a 784-input network), and JNA's default dispatch finds and invokes the
     * Java method by reflection on every call; a proxy is called directly with the arguments.
     */
    private abstract class Proxy implements CallbackProxy {
        private static final Class<?>[] PARAMETERS = {Pointer.class, double.class, Pointer.class, int.class, Pointer.class};

        @Override
        public Object callback(Object[] args) {
            return supply((Pointer) args[0], (Double) args[1], (Pointer) args[2]);
        }

        @Override
        public Class<?>[] getParameterTypes() {
            return PARAMETERS;
        }

        @Override
        public Class<?> getReturnType() {
            return int.class;
        }
    }

    private final class VoltageCallback extends Proxy implements NgspiceLibrary.GetVSRCData {
        @Override
        public int invoke(Pointer value, double time, Pointer name, int id, Pointer user) {
            return supply(value, time, name);
        }
    }

    private final class CurrentCallback extends Proxy implements NgspiceLibrary.GetISRCData {
        @Override
        public int invoke(Pointer value, double time, Pointer name, int id, Pointer user) {
            return supply(value, time, name);
        }
    }

    /** Takes the external sources of a newly loaded circuit, each starting at its element value. */
    void reset(Circuit circuit) {
        slots.clear();
        byAddress.clear();
        unknown = null;
        maxTime = 0;
        double[] start = new double[circuit.elements().size()];
        int n = 0;
        for (Element e : circuit.elements()) {
            if (e instanceof VoltageSource v && v.external()) {
                start[n] = v.volts();
                slots.put(v.name(), n++);
            } else if (e instanceof CurrentSource i && i.external()) {
                start[n] = i.amps();
                slots.put(i.name(), n++);
            }
        }
        values = Arrays.copyOf(start, n);
    }

    /** Forgets every source (a raw netlist was loaded: its external sources, if any, read 0). */
    void clear() {
        slots.clear();
        byAddress.clear();
        values = new double[0];
        unknown = null;
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    boolean has(String name) {
        return slots.containsKey(name);
    }

    void set(String name, double value) {
        Integer slot = slots.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("'" + name + "' is not an external source of the loaded circuit");
        }
        values[slot] = value;
    }

    double get(String name) {
        return values[slots.get(name)];
    }

    /**
     * Runs before each value is handed over, with the time ngspice passes (null for none): the
     * sweep's step switch, or the transient phases' switch at their boundaries.
     */
    void beforeEachLoad(java.util.function.DoubleConsumer hook) {
        this.beforeEachLoad = hook;
    }

    /** How many values ngspice has asked for since the session began (for the bench). */
    long calls() {
        return calls;
    }

    /** The first source ngspice asked for that the loaded circuit does not declare external, or null. */
    String unknown() {
        return unknown;
    }

    private int supply(Pointer value, double time, Pointer name) {
        calls++;
        maxTime = Math.max(maxTime, Math.abs(time));
        java.util.function.DoubleConsumer hook = beforeEachLoad;
        if (hook != null) {
            hook.accept(time);
        }
        long address = Pointer.nativeValue(name);
        Integer slot = byAddress.get(address);
        if (slot == null) {
            String n = name.getString(0, "UTF-8").toLowerCase(Locale.ROOT);
            slot = slots.get(n);
            if (slot == null) {
                if (unknown == null) {
                    unknown = n;
                }
                value.setDouble(0, 0.0);
                return 0;
            }
            byAddress.put(address, slot);
        }
        value.setDouble(0, values[slot]);
        return 0;
    }
}
