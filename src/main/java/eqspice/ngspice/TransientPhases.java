package eqspice.ngspice;

import com.sun.jna.Pointer;
import eqspice.circuit.SpiceNumber;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.NetlistException;
import eqspice.simulate.Solution;
import eqspice.simulate.Trajectory;
import eqspice.simulate.TransientPlan;
import eqspice.simulate.TransientRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link TransientPlan} as one {@code tran} analysis of the loaded circuit, whose inputs and
 * nudging currents are EXTERNAL sources. ngspice passes the time of the point it is solving to
 * the source callbacks, so the sources move to phase k's values over the plan's rise time from
 * the phase's start; each phase boundary and the end of each rise is a breakpoint
 * ({@code ngSpice_SetBkpt}), so accepted points lie exactly on them and the step after each
 * starts small (ngspice treats a breakpoint as a corner of a source). The state at a boundary is the last point {@code SendData} handed over before
 * the next phase's first load: a phase computed from the end of the phases before it (a nudge
 * from the free phase's output) sees that state, as hardware that samples the output at the end
 * of the phase would.
 *
 * <p>The trajectory is read from the result plot afterwards, top-level vectors only (node
 * voltages and source currents; subcircuit internals are left out), then every plot is destroyed.
 */
final class TransientPhases {
    private final NgspiceLibrary lib;
    private final NgspiceCommands commands;
    private final NgspiceCallbacks callbacks;
    private final List<Map<String, Double>> applied = new ArrayList<>();
    private final List<Solution> ends = new ArrayList<>();
    /** The sources' values now, and where the current phase's rise starts from and goes to. */
    private final Map<String, Double> now = new HashMap<>();
    private Map<String, Double> riseFrom = Map.of();
    private Map<String, Double> riseTo = Map.of();
    private boolean rising;
    private RuntimeException planError;

    TransientPhases(NgspiceLibrary lib, NgspiceCommands commands, NgspiceCallbacks callbacks) {
        this.lib = lib;
        this.commands = commands;
        this.callbacks = callbacks;
    }

    TransientRun run(TransientPlan plan) {
        ExternalSources externals = callbacks.externals();
        double[] b = plan.boundaries();
        double shortest = plan.durations().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double slack = 1e-9 * shortest; // how far from a boundary ngspice's time may land and still be on it
        apply(plan.rest());
        NgspiceLog log = callbacks.log();
        log.clear();
        callbacks.collector().reset();
        externals.beforeEachLoad(time -> enter(plan, b, slack, time));
        for (int k = 0; k < b.length - 1; k++) {
            if (k > 0) {
                lib.ngSpice_SetBkpt(b[k]);
            }
            lib.ngSpice_SetBkpt(b[k] + plan.rise());
        }
        try {
            commands.analysis("tran " + SpiceNumber.format("step", plan.maxStep()) + " "
                    + SpiceNumber.format("stop", b[b.length - 1]) + " 0 " + SpiceNumber.format("max step", plan.maxStep()));
            if (planError != null) {
                throw planError;
            }
            List<String> failed = log.convergenceErrors();
            if (!failed.isEmpty()) {
                throw new ConvergenceException("the transient analysis failed in phase " + Math.max(0, applied.size() - 1)
                        + " (of " + plan.durations().size() + ")", failed);
            }
            String plot = lib.ngSpice_CurPlot();
            if (plot == null || !plot.startsWith("tran")) {
                List<String> errors = log.netlistErrors();
                throw errors.isEmpty() ? new ConvergenceException("tran produced no result plot", log.lines())
                        : new NetlistException("tran failed", errors);
            }
            Trajectory t = read(plot);
            if (applied.size() != plan.durations().size() || t.time()[t.length() - 1] < b[b.length - 1] - slack) {
                throw new ConvergenceException("the transient analysis stopped at " + t.time()[t.length() - 1] + " s, in "
                        + "phase " + (applied.size() - 1) + " of " + plan.durations().size(), log.lines());
            }
            return new TransientRun(t, b, applied);
        } finally {
            externals.beforeEachLoad(null);
            commands.housekeeping("destroy all");
        }
    }

    /**
     * Switches to the phase that time {@code t} belongs to (never back; phase k holds (b_k, b_k+1])
     * and sets the sources to their values at {@code t}: on the way from the phase before's values
     * to this phase's during the rise, this phase's after it.
     */
    private void enter(TransientPlan plan, double[] b, double slack, double t) {
        if (planError != null || t <= slack) {
            return; // t = 0: the operating point the analysis starts from, at the rest values
        }
        int phase = applied.size() - 1;
        while (phase + 1 < plan.durations().size() && t > b[phase + 1] + slack) {
            phase++;
            try {
                if (phase > 0) {
                    ends.add(stateAt(b[phase], slack));
                }
                Map<String, Double> values = plan.plan().values(phase, List.copyOf(ends));
                Map<String, Double> from = new HashMap<>();
                values.keySet().forEach(name -> from.put(name, now.containsKey(name) ? now.get(name)
                        : callbacks.externals().get(name)));
                riseFrom = from;
                riseTo = Map.copyOf(values);
                applied.add(riseTo);
            } catch (RuntimeException e) {
                planError = e; // never into native code; rethrown when the analysis returns
                return;
            }
        }
        double f = (t - b[phase]) / plan.rise();
        if (f < 1) { // also when ngspice retries a point of the rise after a rejected step
            riseTo.forEach((name, v) -> set(name, riseFrom.get(name) + f * (v - riseFrom.get(name))));
            rising = true;
        } else if (rising) {
            apply(riseTo);
            rising = false;
        }
    }

    /** The last point SendData handed over, which must lie on the boundary {@code t}. */
    private Solution stateAt(double t, double slack) {
        Solution last = callbacks.collector().solution();
        Double time = last.voltages().get("time");
        if (time == null || Math.abs(time - t) > slack) {
            throw new IllegalStateException("no accepted point at the phase boundary " + t + " s (last point: " + time
                    + " s); ngspice did not honour the breakpoint");
        }
        Map<String, Double> v = new HashMap<>(last.voltages());
        v.remove("time");
        return new Solution(v, last.currents());
    }

    private void apply(Map<String, Double> values) {
        values.forEach(this::set);
    }

    private void set(String name, double value) {
        callbacks.externals().set(name, SpiceNumber.finite("value of " + name, value));
        now.put(name, value);
    }

    private static final long VEC_REALDATA = NgspiceLibrary.VectorInfo.offsetOf("v_realdata");
    private static final long VEC_LENGTH = NgspiceLibrary.VectorInfo.offsetOf("v_length");

    /** The plot's time, top-level node voltages and top-level source currents. */
    private Trajectory read(String plot) {
        Pointer names = lib.ngSpice_AllVecs(plot);
        double[] time = null;
        Map<String, double[]> voltages = new LinkedHashMap<>();
        Map<String, double[]> currents = new LinkedHashMap<>();
        for (String raw : names == null ? new String[0] : names.getStringArray(0)) {
            String name = raw.toLowerCase(Locale.ROOT);
            if (name.startsWith("v(") && name.endsWith(")")) {
                name = name.substring(2, name.length() - 1);
            }
            boolean current = name.endsWith("#branch");
            String key = current ? name.substring(0, name.length() - 7) : name;
            if (key.contains(".") || key.contains("#") || key.startsWith("@") || key.equals(PhaseSweep.SWEPT_NODE)
                    || key.equals(PhaseSweep.SWEPT_SOURCE)) {
                continue; // subcircuit internals, device internals, the phase sweep's dummy source
            }
            Pointer info = lib.ngGet_Vec_Info(plot + "." + raw);
            Pointer data = info == null ? null : info.getPointer(VEC_REALDATA);
            int n = info == null ? 0 : info.getInt(VEC_LENGTH);
            if (data == null || n < 1) {
                continue;
            }
            double[] values = data.getDoubleArray(0, n);
            if (key.equals("time")) {
                time = values;
            } else if (current) {
                currents.put(key, values);
            } else {
                voltages.put(key, values);
            }
        }
        if (time == null) {
            throw new ConvergenceException("the transient plot " + plot + " has no time vector", callbacks.log().lines());
        }
        return new Trajectory(time, voltages, currents);
    }
}
