package eqspice.ngspice;

import eqspice.circuit.Circuit;
import eqspice.circuit.SpiceNames;
import eqspice.circuit.SpiceNumber;

/**
 * Changes the values of the loaded circuit's sources and resistors between solves, the EqProp
 * phases and updates: an EXTERNAL source by a store into its table (ngspice reads it at the
 * next load of the matrix), anything else by an {@code alter} command. Names and numbers are
 * validated before they reach a command: ngspice would run whatever text it is given.
 */
final class ElementValues {
    private final CircuitLoader loader;
    private final ExternalSources externals;
    private final NgspiceCommands commands;

    ElementValues(CircuitLoader loader, ExternalSources externals, NgspiceCommands commands) {
        this.loader = loader;
        this.externals = externals;
        this.commands = commands;
    }

    /** Sets the DC value of an independent source (V or A). */
    void setSource(String name, double value) {
        if (!SpiceNames.isValidNode(name) || "0".equals(name)) {
            throw new IllegalArgumentException("invalid source name '" + name + "'");
        }
        checkElement(name);
        if (externals.has(name)) {
            externals.set(name, SpiceNumber.finite("value of " + name, value)); // read by ngspice at the next load
            return;
        }
        commands.run("alter " + name + " dc = " + SpiceNumber.format("value of " + name, value));
    }

    /** Sets the resistance (ohms) of a resistor. */
    void setResistance(String name, double ohms) {
        SpiceNames.element(name, 'r');
        checkElement(name);
        commands.run("alter " + name + " = " + SpiceNumber.format("resistance of " + name,
                SpiceNumber.positive(name, ohms)));
    }

    /** Refuses a name the loaded circuit does not have (raw netlists: ngspice itself reports it). */
    private void checkElement(String name) {
        Circuit loaded = loader.loaded();
        if (loaded != null) {
            loaded.element(name);
        }
    }
}
