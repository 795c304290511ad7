package eqspice.diagnostics;

import eqspice.circuit.SpiceNames;
import eqspice.circuit.SpiceNumber;

/**
 * One element's branch at a solved operating point, in the passive sign convention: the voltage
 * {@code volts} = V(from) - V(to) and the current {@code amps} flowing from {@code from} through
 * the element to {@code to}, so that {@link #watts()} = volts * amps is the power the element
 * <em>absorbs</em> (positive for a resistor or a forward diode, negative for a source delivering
 * power). For a VCVS the branch is its output port; its control nodes draw no current.
 *
 * @param name     element name
 * @param powerClass the class its power is summed into
 * @param from     first node of the branch
 * @param to       second node of the branch
 * @param volts    V(from) - V(to) (V)
 * @param amps     current from {@code from} through the element to {@code to} (A)
 */
public record ElementPower(String name, PowerClass powerClass, String from, String to, double volts, double amps) {
    public ElementPower {
        if (name == null || powerClass == null) {
            throw new IllegalArgumentException("element power needs a name and a class");
        }
        SpiceNames.node(from);
        SpiceNames.node(to);
        SpiceNumber.finite("voltage across " + name, volts);
        SpiceNumber.finite("current through " + name, amps);
    }

    /** Absorbed power (W): positive when the element takes power from the circuit. */
    public double watts() {
        return volts * amps;
    }
}
