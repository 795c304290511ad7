package eqspice.network;

import eqspice.circuit.Cccs;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SinhConductor;
import eqspice.circuit.SubcircuitCall;
import eqspice.circuit.Vcvs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ElementRole} of each element of a crossbar circuit, from its kind and, for the
 * voltage sources, the names {@link CrossbarLayout} and {@link CrossbarCircuit} give them.
 */
final class CrossbarRoles {
    private CrossbarRoles() {
    }

    /** The role of every element, by element name. */
    static Map<String, ElementRole> of(List<Element> elements) {
        Map<String, ElementRole> roles = new HashMap<>();
        for (Element e : elements) {
            roles.put(e.name(), roleOf(e));
        }
        return roles;
    }

    private static ElementRole roleOf(Element e) {
        String n = e.name();
        if (e instanceof Resistor || e instanceof SinhConductor) {
            return ElementRole.CONDUCTANCE;
        } else if (e instanceof SubcircuitCall) {
            return ElementRole.AMPLIFIER_VCVS;
        } else if (n.equals(CrossbarCircuit.SUPPLY_PLUS) || n.equals(CrossbarCircuit.SUPPLY_MINUS)) {
            return ElementRole.SUPPLY_SOURCE;
        } else if (e instanceof Diode) {
            return ElementRole.DIODE;
        } else if (e instanceof Vcvs) {
            return ElementRole.AMPLIFIER_VCVS;
        } else if (e instanceof Cccs) {
            return ElementRole.AMPLIFIER_CCCS;
        } else if (e instanceof CurrentSource) {
            return ElementRole.NUDGE_SOURCE;
        } else if (n.startsWith("vin")) {
            return ElementRole.INPUT_SOURCE;
        } else if (n.startsWith("vbias")) {
            return ElementRole.BIAS_SOURCE;
        } else if (n.startsWith("va")) {
            return ElementRole.AMPLIFIER_SENSE;
        }
        return ElementRole.DIODE_BIAS_SOURCE;
    }
}
