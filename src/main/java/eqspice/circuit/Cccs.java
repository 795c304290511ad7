package eqspice.circuit;

import java.util.List;

/**
 * A current-controlled current source (SPICE {@code F}). It drives the current
 * gain * I(senseSource) from {@code from} through itself to {@code to} (the same direction
 * convention as {@link CurrentSource}), where I(senseSource) is the branch current of a
 * voltage source with the {@link VoltageSource} sign convention.
 */
public record Cccs(String name, String from, String to, String senseSource, double gain) implements Element {
    public Cccs {
        SpiceNames.element(name, 'f');
        SpiceNames.node(from);
        SpiceNames.node(to);
        SpiceNames.element(senseSource, 'v');
        SpiceNumber.finite("gain of " + name, gain);
    }

    @Override
    public List<String> nodes() {
        return List.of(from, to);
    }

    @Override
    public String spiceLine() {
        return name + " " + from + " " + to + " " + senseSource + " " + SpiceNumber.format("gain", gain);
    }
}
