package eqspice.cosim;

import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.NameLookup;
import eqspice.simulate.SimulationException;
import eqspice.simulate.Simulator;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
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
    private Circuit circuit;
    /**
     * Position in the circuit's element list of every independent source and resistor, built once
     * per load: an update sets ~10^5 values, and recording each in an array slot found by one
     * lookup costs a fraction of putting it into name-keyed maps (which took a third of a
     * 784x2-100-10 epoch; docs/tasks.md, "Fashion-MNIST 28x28 (issue 23.4)").
     */
    private Map<String, Integer> position = Map.of();
    /** The value set since the load, per element position; NaN: the circuit's own. */
    private double[] setValues = new double[0];
    /** Positions set since the reference was last brought up to date. */
    private final BitSet pending = new BitSet();
    private int pendingCount;
    /** {@link #setResistances}' and {@link #setSources}' last names lists and their element positions. */
    private final NameLookup resistorPositions = new NameLookup();
    private final NameLookup sourcePositions = new NameLookup();
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
        Map<String, Integer> at = new HashMap<>();
        List<Element> elements = c.elements();
        for (int k = 0; k < elements.size(); k++) {
            Element e = elements.get(k);
            if (e instanceof VoltageSource || e instanceof CurrentSource || e instanceof Resistor) {
                at.put(e.name(), k);
            }
        }
        position = at;
        setValues = new double[elements.size()];
        Arrays.fill(setValues, Double.NaN);
        pending.clear();
        pendingCount = 0;
        resistorPositions.forget();
        sourcePositions.forget();
    }

    @Override
    public void setSource(String name, double value) {
        primary.setSource(name, value);
        remember(name, value);
    }

    @Override
    public void setResistance(String name, double ohms) {
        primary.setResistance(name, ohms);
        remember(name, ohms);
    }

    @Override
    public void setResistances(List<String> names, int[] changed, int count, double[] ohms) {
        primary.setResistances(names, changed, count, ohms);
        int[] at = resistorPositions.positions(names, this::positionOf);
        for (int i = 0; i < count; i++) {
            int k = changed[i];
            rememberAt(at[k], ohms[k]);
        }
    }

    @Override
    public void setSources(List<String> names, int[] changed, int count, double[] values) {
        primary.setSources(names, changed, count, values);
        int[] at = sourcePositions.positions(names, this::positionOf);
        for (int i = 0; i < count; i++) {
            int k = changed[i];
            rememberAt(at[k], values[k]);
        }
    }

    /** Records a value the primary accepted, for the reference to follow when it is next used. */
    private void remember(String name, double value) {
        rememberAt(positionOf(name), value);
    }

    private int positionOf(String name) {
        Integer k = position.get(name);
        if (k == null) { // the primary knows an element this circuit lacks: a programming error
            throw new IllegalStateException("co-simulation: no source or resistor named '" + name + "' in circuit '"
                    + circuit.title() + "'");
        }
        return k;
    }

    private void rememberAt(int k, double value) {
        setValues[k] = value;
        if (pendingCount <= RELOAD_ABOVE && !pending.get(k)) {
            pending.set(k);
            pendingCount++;
        }
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
        if (!referenceLoaded || pendingCount > RELOAD_ABOVE) {
            reference.load(withValues(circuit, setValues));
            referenceLoaded = true;
        } else {
            List<Element> elements = circuit.elements();
            for (int k = pending.nextSetBit(0); k >= 0; k = pending.nextSetBit(k + 1)) {
                Element e = elements.get(k);
                if (e instanceof Resistor) {
                    reference.setResistance(e.name(), setValues[k]);
                } else {
                    reference.setSource(e.name(), setValues[k]);
                }
            }
        }
        pending.clear();
        pendingCount = 0;
    }

    /** The circuit with the values set since it was loaded ({@code values[k]}: element k's, NaN for its own). */
    static Circuit withValues(Circuit c, double[] values) {
        List<Element> out = new ArrayList<>(c.elements().size());
        boolean changed = false;
        for (int k = 0; k < c.elements().size(); k++) {
            Element e = c.elements().get(k);
            double v = values[k];
            if (Double.isNaN(v)) {
                out.add(e);
                continue;
            }
            changed = true;
            if (e instanceof VoltageSource s) {
                out.add(new VoltageSource(s.name(), s.plus(), s.minus(), v));
            } else if (e instanceof CurrentSource s) {
                out.add(new CurrentSource(s.name(), s.from(), s.to(), v));
            } else {
                Resistor r = (Resistor) e;
                out.add(new Resistor(r.name(), r.a(), r.b(), v));
            }
        }
        return changed ? new Circuit(c.title(), out, c.models(), c.options(), c.comments()) : c;
    }

    /**
     * The backend that solves, for measurements after training that should not count as checks
     * of the trained run (loading a circuit there leaves the reference behind until the next load).
     */
    public Simulator primary() {
        return primary;
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
