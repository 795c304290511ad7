package eqspice.diagnostics;

import eqspice.circuit.Element;
import eqspice.circuit.SpiceNames;
import eqspice.circuit.SubcircuitCall;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The power of subcircuit instances (the op-amp amplifiers {@code xa...} of the behavioural and
 * transistor levels), which ngspice cannot report: their inner elements are not branches of
 * the circuit, and the solution holds no current for an instance's terminals.
 *
 * <p>Each terminal's current is recovered by Kirchhoff's current law at its node: what the
 * circuit's own elements leave into that node must go into the subcircuit terminals there. A
 * node shared by several instances (the rails {@code vdd}, {@code vss}) gives their sum, which
 * is all the power needs. Each such node becomes one branch from the node to ground carrying
 * the terminals' current, so that the instances' absorbed power is the sum over their
 * terminals of V(node) times the current into them (ground, V = 0, adds nothing, which also
 * covers a model whose sources return current to ground inside the subcircuit). KCL at these
 * nodes then holds by construction, and Tellegen's sum checks the other nodes only.
 */
final class SubcircuitTerminals {
    private SubcircuitTerminals() {
    }

    /**
     * The terminal branches of the subcircuit instances of a circuit, given the branches of all
     * its other elements.
     */
    static List<ElementPower> of(List<Element> elements, List<ElementPower> others, Solution s,
                                 Function<Element, PowerClass> classify) {
        Map<String, List<SubcircuitCall>> at = new LinkedHashMap<>();
        for (Element e : elements) {
            if (e instanceof SubcircuitCall x) {
                for (String n : x.nodes()) {
                    if (!SpiceNames.GROUND.equals(n) && !at.computeIfAbsent(n, k -> new ArrayList<>()).contains(x)) {
                        at.get(n).add(x);
                    }
                }
            }
        }
        if (at.isEmpty()) {
            return List.of();
        }
        Map<String, Double> leaving = new LinkedHashMap<>();
        for (ElementPower b : others) {
            leaving.merge(b.from(), b.amps(), Double::sum);
            leaving.merge(b.to(), -b.amps(), Double::sum);
        }
        List<ElementPower> out = new ArrayList<>(at.size());
        at.forEach((node, instances) -> {
            String name = (instances.size() == 1 ? instances.get(0).name() : instances.size() + " instances") + " at "
                    + node;
            double into = -leaving.getOrDefault(node, 0.0);
            out.add(new ElementPower(name, classify.apply(instances.get(0)), node, SpiceNames.GROUND,
                    s.voltage(node), into));
        });
        return out;
    }
}
