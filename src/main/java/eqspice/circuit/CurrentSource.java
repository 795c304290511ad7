package eqspice.circuit;

import java.util.List;

/**
 * An independent DC current source. SPICE convention: {@code amps} flow from {@code from}
 * through the source to {@code to}, i.e. the source pulls current out of node {@code from}
 * and injects it into node {@code to}.
 *
 * <p>An {@code external} source is written as plain {@code external}, its value supplied by the
 * driving program (see {@link VoltageSource}); {@code amps} is the value it starts with.
 */
public record CurrentSource(String name, String from, String to, double amps, boolean external) implements Element {
    public CurrentSource {
        SpiceNames.element(name, 'i');
        SpiceNames.node(from);
        SpiceNames.node(to);
        SpiceNumber.finite("current of " + name, amps);
    }

    /** A source with a fixed DC value. */
    public CurrentSource(String name, String from, String to, double amps) {
        this(name, from, to, amps, false);
    }

    /** A copy whose value is supplied by the driving program ({@code external}), starting at {@link #amps}. */
    public CurrentSource asExternal() {
        return new CurrentSource(name, from, to, amps, true);
    }

    @Override
    public List<String> nodes() {
        return List.of(from, to);
    }

    @Override
    public String spiceLine() {
        return name + " " + from + " " + to + (external ? " external" : " dc " + SpiceNumber.format("current", amps));
    }
}
