package eqspice.diagnostics;

import eqspice.circuit.Circuit;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SinhConductor;
import eqspice.circuit.SpiceNumber;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pseudo-power (co-content) of a solved circuit, term by term.
 *
 * <p>Terms: a resistor contributes 1/2 g (V_a - V_b)^2; a diode the integral of its current
 * from 0 to its voltage ({@link ShockleyDiode#coContent}); a current source of I amps from node
 * {@code from} to node {@code to} contributes -I (V(to) - V(from)), so that dP/dV_k is the
 * current leaving node k minus the current injected there (KCL). Voltage sources hold their
 * nodes: those voltages are not variables of P, so sources add no term (DESIGN.md writes
 * "+ source terms" without defining them; this is the definition used here). The amplifier's
 * VCVS/CCCS pair has no co-content: a power-conserving pair acts as an ideal transformer, which
 * only couples the variables, and Kendall's 1/A pair has no potential at all.
 *
 * <p>{@link #pseudoPower()} is P, without the nudging sources; {@link #circuitTotal()} adds the
 * nudging sources' terms, i.e. the function the nudged circuit is stationary for (nudging
 * currents are fixed during a phase); {@link #nudged} is P + beta C with the quadratic cost.
 *
 * <p>A sinh conductor I = g V0 sinh(v / V0) has the co-content g V0^2 (cosh(v / V0) - 1). A
 * diode whose model is in a library file (the 1N4148, with series resistance) is read from its
 * card ({@link LibraryDiode}); one whose card cannot be read exactly is listed in
 * {@code unknown}, and then P is not known ({@link #known()}).
 *
 * @param terms   co-content per class (W), only the classes that have a term
 * @param unknown elements that should have a term but whose co-content cannot be computed
 */
public record PseudoPower(Map<PowerClass, Double> terms, List<String> unknown) {
    public PseudoPower {
        terms = Map.copyOf(terms);
        terms.forEach((c, v) -> SpiceNumber.finite("co-content of " + c.label(), v));
        unknown = List.copyOf(unknown);
    }

    /** Terms of a circuit whose every co-content is known. */
    public PseudoPower(Map<PowerClass, Double> terms) {
        this(terms, List.of());
    }

    /** Whether every term is known, so that P means something. */
    public boolean known() {
        return unknown.isEmpty();
    }

    /** The terms of a solved circuit whose branches are known. */
    public static PseudoPower of(Circuit circuit, List<ElementPower> branches) {
        Map<String, Element> byName = new HashMap<>();
        circuit.elements().forEach(e -> byName.put(e.name(), e));
        Map<String, DiodeModel> models = new HashMap<>();
        circuit.models().forEach(m -> models.put(m.name(), m));
        Map<PowerClass, Double> terms = new EnumMap<>(PowerClass.class);
        List<String> unknown = new java.util.ArrayList<>();
        for (ElementPower b : branches) {
            Element e = byName.get(b.name());
            double term;
            if (e instanceof Resistor) {
                term = 0.5 * b.volts() * b.amps();
            } else if (e instanceof SinhConductor x) {
                term = x.coContent(b.volts());
            } else if (e instanceof Diode d && !models.containsKey(d.model())) {
                Optional<Double> t = LibraryDiode.find(circuit, d.model())
                        .flatMap(m -> m.coContent(b.volts(), b.amps(), circuit.options().gmin()));
                if (t.isEmpty()) {
                    unknown.add(d.name());
                    continue;
                }
                term = t.get();
            } else if (e instanceof Diode d) {
                term = ShockleyDiode.of(models.get(d.model()), circuit.options().gmin()).coContent(b.volts());
            } else if (e instanceof eqspice.circuit.CurrentSource) {
                term = b.watts(); // I (V(from) - V(to)) = -I (V(to) - V(from))
            } else {
                continue;
            }
            terms.merge(b.powerClass(), term, Double::sum);
        }
        return new PseudoPower(terms, unknown);
    }

    /** The term of one class (W), 0 when absent. */
    public double term(PowerClass c) {
        return terms.getOrDefault(c, 0.0);
    }

    /** P: every term except the nudging sources'. */
    public double pseudoPower() {
        return circuitTotal() - term(PowerClass.NUDGE_SOURCES);
    }

    /** P plus the nudging sources' terms: what the (nudged) circuit's equilibrium is stationary for. */
    public double circuitTotal() {
        double sum = 0;
        for (double v : terms.values()) {
            sum += v;
        }
        return sum;
    }

    /**
     * The nudged total P + beta C.
     *
     * @param beta signed nudging strength of the phase (S; 0 for the free phase)
     * @param cost C = 1/2 sum (y_k - o_k)^2 at this solution (V^2)
     */
    public double nudged(double beta, double cost) {
        return pseudoPower() + beta * cost;
    }
}
