package eqspice.dynamics;

import eqspice.circuit.Capacitor;
import eqspice.circuit.Cccs;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Element;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.Trajectory;
import eqspice.simulate.TransientRun;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The energy every source delivers to a circuit during one phase of a {@link TransientRun}: the
 * integral over the phase of the power it delivers (trapezoid rule over the accepted points).
 * A voltage source or VCVS delivers -V I (ngspice's branch current flows into its plus node); a
 * current source or CCCS pushing I from node {@code from} to node {@code to} delivers
 * I (V(to) - V(from)). A current source's value is the one the plan applied in the phase (or
 * before it, or its element value). Also the change of the energy stored in the circuit's own
 * linear capacitors over the phase (not in the part models' internal capacitances).
 */
public final class PhaseEnergy {
    private PhaseEnergy() {
    }

    /** Energy (J) delivered by each source during phase {@code phase}, by element name, in circuit order. */
    public static Map<String, Double> bySource(Circuit circuit, TransientRun run, int phase) {
        int from = run.startOf(phase);
        int to = run.endOf(phase);
        Map<String, Double> out = new LinkedHashMap<>();
        powers(circuit, run, phase, from, to).forEach((name, p) -> out.put(name, integrate(run.trajectory().time(), p,
                from, to)));
        return out;
    }

    /**
     * Power (W) all sources together deliver at the end of phase {@code phase}: once a phase has
     * settled, what holding it longer costs per second (the quiescent draw of the rails, the
     * currents the inputs and biases drive through the network).
     */
    public static double powerAtEnd(Circuit circuit, TransientRun run, int phase) {
        int end = run.endOf(phase);
        return powers(circuit, run, phase, end, end).values().stream().mapToDouble(p -> p[0]).sum();
    }

    /** Power each source delivers at points from..to of the run, with phase {@code phase}'s values. */
    private static Map<String, double[]> powers(Circuit circuit, TransientRun run, int phase, int from, int to) {
        Trajectory t = run.trajectory();
        Map<String, Double> values = new HashMap<>();
        for (int k = 0; k <= phase; k++) {
            values.putAll(run.applied().get(k));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Element e : circuit.elements()) {
            double[] p = null;
            if (e instanceof VoltageSource v) {
                p = product(-1, t.voltage(v.plus()), t.voltage(v.minus()), t.current(v.name()), 1, from, to);
            } else if (e instanceof Vcvs v) {
                p = product(-1, t.voltage(v.plus()), t.voltage(v.minus()), t.current(v.name()), 1, from, to);
            } else if (e instanceof CurrentSource i) {
                double amps = values.getOrDefault(i.name(), i.amps());
                p = product(1, t.voltage(i.to()), t.voltage(i.from()), null, amps, from, to);
            } else if (e instanceof Cccs f) {
                p = product(1, t.voltage(f.to()), t.voltage(f.from()), t.current(f.senseSource()), f.gain(), from, to);
            }
            if (p != null) {
                out.put(e.name(), p);
            }
        }
        return out;
    }

    /** Change over phase {@code phase} of the energy stored in the circuit's {@link Capacitor}s (J). */
    public static double storedChange(Circuit circuit, TransientRun run, int phase) {
        Trajectory t = run.trajectory();
        int from = run.startOf(phase);
        int to = run.endOf(phase);
        double change = 0;
        for (Element e : circuit.elements()) {
            if (e instanceof Capacitor c) {
                double[] a = t.voltage(c.a());
                double[] b = t.voltage(c.b());
                change += c.energy(a[to] - b[to]) - c.energy(a[from] - b[from]);
            }
        }
        return change;
    }

    /** sign (V(a) - V(b)) times current (or times {@code scale} when there is no current vector), points from..to. */
    private static double[] product(double sign, double[] a, double[] b, double[] current, double scale, int from,
                                    int to) {
        double[] p = new double[to - from + 1];
        for (int k = from; k <= to; k++) {
            p[k - from] = sign * (a[k] - b[k]) * (current == null ? 1 : current[k]) * scale;
        }
        return p;
    }

    /**
     * Trapezoid rule, except on the phase's first interval: its first point (the boundary) was
     * solved with the phase before's values, so the interval takes the power at its end, the
     * first point solved with this phase's values (ngspice starts a phase with a tiny step).
     */
    private static double integrate(double[] time, double[] p, int from, int to) {
        double e = 0;
        for (int k = from + 1; k <= to; k++) {
            double before = k == from + 1 ? p[k - from] : p[k - 1 - from];
            e += 0.5 * (p[k - from] + before) * (time[k] - time[k - 1]);
        }
        return e;
    }
}
