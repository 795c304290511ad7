package eqspice.circuit;

import java.util.List;

/**
 * An independent DC current source. SPICE convention: {@code amps} flow from {@code from}
 * through the source to {@code to}, i.e. the source pulls current out of node {@code from}
 * and injects it into node {@code to}.
 */
public record CurrentSource(String name, String from, String to, double amps) implements Element {
    public CurrentSource {
        SpiceNames.element(name, 'i');
        SpiceNames.node(from);
        SpiceNames.node(to);
        SpiceNumber.finite("current of " + name, amps);
    }

    @Override
    public List<String> nodes() {
        return List.of(from, to);
    }

    @Override
    public String spiceLine() {
        return name + " " + from + " " + to + " dc " + SpiceNumber.format("current", amps);
    }
}
