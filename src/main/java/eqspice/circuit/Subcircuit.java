package eqspice.circuit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subcircuit definition ({@code .subckt NAME port... params: p=default ... .ends}) whose
 * conductance devices take their conductance from parameters, so that a designer can instantiate
 * it, step or sweep a conductance, or give it a Monte Carlo spread with {@code .param} and
 * {@code alterparam}, without editing the body.
 *
 * <p>Each parameterised device reads {@code {p*factor}} siemens: the parameter holds the
 * programmed conductance and the factor (1, or a device's variation) is written as a literal.
 * The constructor checks that the defaults give the devices exactly the conductances they hold,
 * so that the written subcircuit solves like the flat circuit it was cut from.
 *
 * @param name          subcircuit name
 * @param ports         the nodes the instance line connects, in order (ground is global, never a port)
 * @param parameters    parameter name -&gt; default value, in the order written
 * @param elements      the body, in order
 * @param models        diode models the body uses (written inside the subcircuit, local to it)
 * @param conductances  element name -&gt; the parameter and factor its conductance is written with
 *                      (only {@link Resistor} and {@link SinhConductor} elements)
 */
public record Subcircuit(String name, List<String> ports, Map<String, Double> parameters, List<Element> elements,
                         List<DiodeModel> models, Map<String, ConductanceParameter> conductances) {

    /** A device's conductance as written: {@code {parameter*factor}} siemens (just the parameter for factor 1). */
    public record ConductanceParameter(String parameter, double factor) {
        public ConductanceParameter {
            SpiceNames.model(parameter);
            SpiceNumber.positive("factor of " + parameter, factor);
        }

        /** The expression inside braces, evaluated by ngspice in the same order as Java's {@code value * factor}. */
        String expression() {
            return factor == 1.0 ? parameter : parameter + "*" + SpiceNumber.format("factor", factor);
        }
    }

    public Subcircuit {
        SpiceNames.model(name);
        ports = List.copyOf(ports);
        elements = List.copyOf(elements);
        models = List.copyOf(models);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        conductances = Map.copyOf(conductances);
        Set<String> used = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Element e : elements) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("subcircuit " + name + ": element name '" + e.name() + "' is used twice");
            }
            used.addAll(e.nodes());
        }
        Set<String> seen = new HashSet<>();
        for (String p : ports) {
            SpiceNames.node(p);
            if (SpiceNames.GROUND.equals(p) || !seen.add(p)) {
                throw new IllegalArgumentException("subcircuit " + name + ": port '" + p
                        + "' is ground or listed twice (ground is global in a subcircuit)");
            }
            if (!used.contains(p)) {
                throw new IllegalArgumentException("subcircuit " + name + ": port '" + p + "' is connected to nothing inside");
            }
        }
        parameters.forEach((p, v) -> {
            SpiceNames.model(p);
            SpiceNumber.finite("parameter " + p + " of " + name, v);
        });
        for (Element e : elements) {
            ConductanceParameter c = conductances.get(e.name());
            if (c != null) {
                checkConductance(e, c, parameters);
            }
        }
        for (String element : conductances.keySet()) {
            if (!names.contains(element)) {
                throw new IllegalArgumentException("subcircuit " + name + ": parameterised element '" + element
                        + "' is not in its body");
            }
        }
    }

    private static void checkConductance(Element e, ConductanceParameter c, Map<String, Double> parameters) {
        Double value = parameters.get(c.parameter());
        if (value == null) {
            throw new IllegalArgumentException(e.name() + " reads parameter '" + c.parameter() + "', which is not declared");
        }
        double g = value * c.factor();
        boolean same;
        if (e instanceof Resistor r) {
            same = r.ohms() == 1.0 / g;
        } else if (e instanceof SinhConductor b) {
            same = b.g() == g;
        } else {
            throw new IllegalArgumentException(e.name() + " has no conductance to parameterise");
        }
        if (!same) {
            throw new IllegalArgumentException(e.name() + ": parameter " + c.parameter() + " = " + value + " times "
                    + c.factor() + " is not the conductance the element holds");
        }
    }

    /** The definition's lines, from {@code .subckt} to {@code .ends}: one parameter per continuation line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(elements.size() + parameters.size() + 8);
        out.add(".subckt " + name + " " + String.join(" ", ports));
        if (!parameters.isEmpty()) {
            out.add("+ params:");
            parameters.forEach((p, v) -> out.add("+ " + p + "=" + SpiceNumber.format(p, v)));
        }
        for (DiodeModel m : models) {
            out.add(m.spiceLine());
        }
        for (Element e : elements) {
            ConductanceParameter c = conductances.get(e.name());
            if (c == null) {
                out.add(e.spiceLine());
            } else if (e instanceof Resistor r) {
                out.add(r.name() + " " + r.a() + " " + r.b() + " {1/(" + c.expression() + ")}");
            } else {
                out.add(((SinhConductor) e).spiceLine(c.expression()));
            }
        }
        out.add(".ends " + name);
        return out;
    }

    /** An instance line {@code xname node... NAME} connecting the ports to {@code nodes} in order, defaults kept. */
    public String instanceLine(String instance, List<String> nodes) {
        SpiceNames.element(instance, 'x');
        if (nodes.size() != ports.size()) {
            throw new IllegalArgumentException("subcircuit " + name + " has " + ports.size() + " ports, got " + nodes.size()
                    + " nodes");
        }
        nodes.forEach(SpiceNames::node);
        return instance + " " + String.join(" ", nodes) + " " + name;
    }
}
