package eqspice.circuit;

import java.util.List;

/**
 * An independent DC voltage source: V(plus) - V(minus) = volts.
 *
 * <p>Sign convention of its branch current (ngspice's): positive when current flows into
 * {@code plus}, through the source, and out of {@code minus}. A source that delivers power
 * to the circuit therefore reports a negative current. A 0 V source is an ammeter.
 *
 * <p>An {@code external} source is written as plain {@code external} (no DC value: ngspice 39.3
 * crashes on an external source that also carries one); ngspice asks the program that drives it
 * for its value at every load. {@code volts} is then the value it starts with.
 */
public record VoltageSource(String name, String plus, String minus, double volts, boolean external)
        implements Element {
    public VoltageSource {
        SpiceNames.element(name, 'v');
        SpiceNames.node(plus);
        SpiceNames.node(minus);
        SpiceNumber.finite("voltage of " + name, volts);
    }

    /** A source with a fixed DC value. */
    public VoltageSource(String name, String plus, String minus, double volts) {
        this(name, plus, minus, volts, false);
    }

    /** A copy whose value is supplied by the driving program ({@code external}), starting at {@link #volts}. */
    public VoltageSource asExternal() {
        return new VoltageSource(name, plus, minus, volts, true);
    }

    @Override
    public List<String> nodes() {
        return List.of(plus, minus);
    }

    @Override
    public String spiceLine() {
        return name + " " + plus + " " + minus + (external ? " external" : " dc " + SpiceNumber.format("voltage", volts));
    }
}
