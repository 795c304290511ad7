package eqspice.circuit;

import java.util.List;

/**
 * An independent DC voltage source: V(plus) - V(minus) = volts.
 *
 * <p>Sign convention of its branch current (ngspice's): positive when current flows into
 * {@code plus}, through the source, and out of {@code minus}. A source that delivers power
 * to the circuit therefore reports a negative current. A 0 V source is an ammeter.
 */
public record VoltageSource(String name, String plus, String minus, double volts) implements Element {
    public VoltageSource {
        SpiceNames.element(name, 'v');
        SpiceNames.node(plus);
        SpiceNames.node(minus);
        SpiceNumber.finite("voltage of " + name, volts);
    }

    @Override
    public List<String> nodes() {
        return List.of(plus, minus);
    }

    @Override
    public String spiceLine() {
        return name + " " + plus + " " + minus + " dc " + SpiceNumber.format("voltage", volts);
    }
}
