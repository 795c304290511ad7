package eqspice.diagnostics;

import eqspice.circuit.Cccs;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SinhConductor;
import eqspice.circuit.SpiceNames;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The branch voltage and current of every element of a solved circuit ({@link ElementPower}).
 *
 * <p>Where each current comes from: resistors from their node voltages; diodes from the
 * Shockley law at the solved voltage, with the circuit's gmin ({@link ShockleyDiode});
 * independent voltage sources from the solution's branch currents; current sources from their
 * value; a CCCS is its gain times its sense source's current. A VCVS's output current is taken
 * from the 0 V sense source in series with it (the crossbar always puts one after each VCVS):
 * the solution's own VCVS branch current is used only when there is no such source, and a VCVS
 * with neither is refused, since its current cannot be recovered from node voltages alone.
 *
 * <p>Parts of the realistic levels: a sinh conductor's current is its law at the solved voltage;
 * a diode whose model is in a library file (the 1N4148, with series resistance) takes the
 * current of the voltage source in series with it (the crossbar's diode bias source); subcircuit
 * instances get one branch per terminal node, from KCL ({@link SubcircuitTerminals}).
 */
public final class Branches {
    private Branches() {
    }

    /**
     * Every element's branch, in the circuit's element order, then the terminal branches of its
     * subcircuit instances (one per terminal node, see {@link SubcircuitTerminals}).
     *
     * @param classify the power class of each element (e.g. {@link PowerClass#byRole})
     * @throws IllegalArgumentException for a diode with series resistance or an unmeasurable VCVS
     */
    public static List<ElementPower> of(Circuit circuit, Solution s, Function<Element, PowerClass> classify) {
        Map<String, DiodeModel> models = new HashMap<>();
        circuit.models().forEach(m -> models.put(m.name(), m));
        Map<String, List<Element>> terminals = currentTerminals(circuit);
        List<ElementPower> out = new ArrayList<>(circuit.elements().size());
        for (Element e : circuit.elements()) {
            PowerClass c = classify.apply(e);
            if (e instanceof Resistor r) {
                double v = s.voltage(r.a()) - s.voltage(r.b());
                out.add(new ElementPower(r.name(), c, r.a(), r.b(), v, v / r.ohms()));
            } else if (e instanceof SinhConductor b) {
                double v = s.voltage(b.a()) - s.voltage(b.b());
                out.add(new ElementPower(b.name(), c, b.a(), b.b(), v, b.current(v)));
            } else if (e instanceof Diode d) {
                double v = s.voltage(d.anode()) - s.voltage(d.cathode());
                double i = models.containsKey(d.model())
                        ? ShockleyDiode.of(models.get(d.model()), circuit.options().gmin()).current(v)
                        : seriesCurrent(d, d.anode(), d.cathode(), s, terminals);
                out.add(new ElementPower(d.name(), c, d.anode(), d.cathode(), v, i));
            } else if (e instanceof VoltageSource vs) {
                out.add(new ElementPower(vs.name(), c, vs.plus(), vs.minus(),
                        s.voltage(vs.plus()) - s.voltage(vs.minus()), s.current(vs.name())));
            } else if (e instanceof CurrentSource is) {
                out.add(new ElementPower(is.name(), c, is.from(), is.to(),
                        s.voltage(is.from()) - s.voltage(is.to()), is.amps()));
            } else if (e instanceof Vcvs ev) {
                out.add(new ElementPower(ev.name(), c, ev.plus(), ev.minus(),
                        s.voltage(ev.plus()) - s.voltage(ev.minus()), vcvsCurrent(ev, s, terminals)));
            } else if (e instanceof Cccs f) {
                out.add(new ElementPower(f.name(), c, f.from(), f.to(),
                        s.voltage(f.from()) - s.voltage(f.to()), f.gain() * s.current(f.senseSource())));
            }
        }
        out.addAll(SubcircuitTerminals.of(circuit.elements(), out, s, classify));
        return out;
    }

    /**
     * The current from {@code from} through a two-terminal element {@code e} to {@code to},
     * taken from a voltage source in series with it: at a node where only {@code e} and that
     * source meet, the source's current is e's.
     */
    static double seriesCurrent(Element e, String from, String to, Solution s, Map<String, List<Element>> terminals) {
        for (String node : List.of(to, from)) {
            List<Element> here = terminals.getOrDefault(node, List.of());
            if (here.size() == 2 && !SpiceNames.GROUND.equals(node)) {
                Element other = here.get(0) == e ? here.get(1) : here.get(0);
                if (other instanceof VoltageSource v) {
                    // ngspice's source current flows from plus through the source to minus.
                    double leavingThroughSource = v.plus().equals(node) ? s.current(v.name()) : -s.current(v.name());
                    return node.equals(to) ? leavingThroughSource : -leavingThroughSource;
                }
            }
        }
        throw new IllegalArgumentException(e.name() + " uses a model from a library file, so eqspice cannot compute its"
                + " current from its voltage, and no voltage source is in series with it to measure the current");
    }

    /**
     * The VCVS's current into its plus terminal. With a sense source s in series at the plus
     * node (nothing else draws current there), KCL at that node gives -I(s) when s starts at the
     * node and +I(s) when it ends there.
     */
    static double vcvsCurrent(Vcvs e, Solution s, Map<String, List<Element>> terminals) {
        List<Element> at = terminals.getOrDefault(e.plus(), List.of());
        if (at.size() == 2) {
            Element other = at.get(0) == e ? at.get(1) : at.get(0);
            if (other instanceof VoltageSource sense && sense.volts() == 0.0) {
                double i = s.current(sense.name());
                return sense.plus().equals(e.plus()) ? -i : i;
            }
        }
        if (s.currents().containsKey(e.name())) {
            return s.current(e.name());
        }
        throw new IllegalArgumentException("VCVS " + e.name() + " has no 0 V sense source in series at node "
                + e.plus() + " and the solution holds no branch current for it: its output current, and so its"
                + " power, cannot be recovered; add a 0 V voltage source in series with its output");
    }

    /**
     * For every node, the elements that carry current into or out of it (a VCVS's control nodes
     * carry none, so they are left out).
     */
    static Map<String, List<Element>> currentTerminals(Circuit circuit) {
        Map<String, List<Element>> at = new HashMap<>();
        for (Element e : circuit.elements()) {
            List<String> nodes = e instanceof Vcvs v ? List.of(v.plus(), v.minus()) : e.nodes();
            for (String n : nodes) {
                at.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
            }
        }
        return at;
    }
}
