package eqspice.cosim;

import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Co-simulation: a fast primary simulator (the embedded solver) answers every operating point,
 * and every {@code checkEvery}-th one, and on request ({@link #checkNow}), a reference
 * simulator (ngspice) solves the same circuit with the same values. The largest node-voltage
 * difference is recorded; one above the tolerance is a mismatch, counted and reported, and
 * with {@code stopOnMismatch} thrown as {@link CoSimulationMismatchException}, which no phase
 * handler swallows, so the run stops.
 *
 * <p>The reference is brought up to date only when it is used: changed values are replayed
 * (many changed resistances by reloading the circuit with them, cheaper than one command
 * each in ngspice).
 */
public final class CoSimulator implements Simulator {
    /** Above this many pending changes the reference reloads the whole circuit instead. */
    private static final int RELOAD_ABOVE = 200;

    private final Simulator primary;
    private final Simulator reference;
    private final BackendChoice choice;
    private final Map<String, Double> pendingSources = new LinkedHashMap<>();
    private final Map<String, Double> pendingResistances = new LinkedHashMap<>();
    private final Map<String, Double> sources = new LinkedHashMap<>();
    private final Map<String, Double> resistances = new LinkedHashMap<>();
    private Circuit circuit;
    private boolean referenceLoaded;
    private long solves;
    private final CoSimStats total = new CoSimStats();
    private CoSimStats sinceLast = new CoSimStats();

    /** Neither simulator is owned: whoever opened them closes them ({@link #close} does nothing). */
    public CoSimulator(Simulator primary, Simulator reference, BackendChoice choice) {
        this.primary = primary;
        this.reference = reference;
        this.choice = choice;
    }

    @Override
    public void load(Circuit c) {
        primary.load(c);
        circuit = c;
        referenceLoaded = false;
        pendingSources.clear();
        pendingResistances.clear();
        sources.clear();
        resistances.clear();
    }

    @Override
    public void setSource(String name, double value) {
        primary.setSource(name, value);
        pendingSources.put(name, value);
        sources.put(name, value);
    }

    @Override
    public void setResistance(String name, double ohms) {
        primary.setResistance(name, ohms);
        pendingResistances.put(name, ohms);
        resistances.put(name, ohms);
    }

    @Override
    public Solution operatingPoint() {
        Solution s = primary.operatingPoint();
        if (++solves % choice.checkEvery() == 0) {
            compare(s);
        }
        return s;
    }

    /**
     * Solves the current circuit on both simulators and compares (the final network of a run).
     *
     * @return the largest node-voltage difference (V), NaN when a simulator failed
     */
    public double checkNow() {
        Solution s;
        try {
            s = primary.operatingPoint();
        } catch (SimulationException e) {
            return Double.NaN;
        }
        return compare(s);
    }

    private double compare(Solution mine) {
        Solution ref;
        try {
            syncReference();
            ref = reference.operatingPoint();
        } catch (SimulationException e) {
            String why = "at operating point " + solves + " the reference " + reference.info().label()
                    + " failed where " + primary.info().label() + " solved: " + e.getMessage().lines().findFirst()
                    .orElse("");
            record(Double.NaN, why);
            return Double.NaN;
        }
        double worst = 0;
        String where = "";
        // Every node of the checked solution must be in the reference's and agree; the reference may
        // have more (ngspice's phase sweep adds a dummy swept node of its own).
        for (Map.Entry<String, Double> e : mine.voltages().entrySet()) {
            Double v = ref.voltages().get(e.getKey());
            double d = v == null ? Double.POSITIVE_INFINITY : Math.abs(v - e.getValue());
            if (d > worst) {
                worst = d;
                where = e.getKey();
            }
        }
        String why = worst > choice.tolerance() ? String.format(Locale.ROOT,
                "at operating point %d V(%s) differs by %.3e V (tolerance %.3g V): %s %s, %s %s", solves, where, worst,
                choice.tolerance(), primary.info().backend(), mine.voltages().get(where), reference.info().backend(),
                ref.voltages().get(where)) : "";
        record(worst, why);
        return worst;
    }

    private void record(double difference, String mismatch) {
        total.add(difference, mismatch);
        sinceLast.add(difference, mismatch);
        if (!mismatch.isEmpty() && choice.stopOnMismatch()) {
            throw new CoSimulationMismatchException("co-simulation mismatch " + mismatch);
        }
    }

    private void syncReference() {
        if (!referenceLoaded || pendingSources.size() + pendingResistances.size() > RELOAD_ABOVE) {
            reference.load(withValues(circuit, sources, resistances));
            referenceLoaded = true;
        } else {
            pendingSources.forEach(reference::setSource);
            pendingResistances.forEach(reference::setResistance);
        }
        pendingSources.clear();
        pendingResistances.clear();
    }

    /** The circuit with the values set since it was loaded. */
    static Circuit withValues(Circuit c, Map<String, Double> sources, Map<String, Double> resistances) {
        if (sources.isEmpty() && resistances.isEmpty()) {
            return c;
        }
        List<Element> out = new ArrayList<>(c.elements().size());
        for (Element e : c.elements()) {
            Double v = sources.get(e.name());
            Double r = resistances.get(e.name());
            if (e instanceof VoltageSource s && v != null) {
                out.add(new VoltageSource(s.name(), s.plus(), s.minus(), v));
            } else if (e instanceof CurrentSource s && v != null) {
                out.add(new CurrentSource(s.name(), s.from(), s.to(), v));
            } else if (e instanceof Resistor s && r != null) {
                out.add(new Resistor(s.name(), s.a(), s.b(), r));
            } else {
                out.add(e);
            }
        }
        return new Circuit(c.title(), out, c.models(), c.options(), c.comments());
    }

    /** Checks over the whole run so far. */
    public CoSimStats total() {
        return total;
    }

    /** Checks since the last call (per epoch), then starts counting again. */
    public CoSimStats takeSinceLast() {
        CoSimStats s = sinceLast;
        sinceLast = new CoSimStats();
        return s;
    }

    public BackendChoice choice() {
        return choice;
    }

    @Override
    public eqspice.simulate.Recovery lastRecovery() {
        return primary.lastRecovery();
    }

    @Override
    public SimulatorInfo info() {
        SimulatorInfo p = primary.info();
        SimulatorInfo r = reference.info();
        return new SimulatorInfo("cosim", p.backend() + " " + p.version(), p.solver() + ", checked by " + r.label()
                + " every " + choice.checkEvery() + " operating points", r.location());
    }

    @Override
    public void close() {
        // the simulators belong to whoever opened them
    }
}
