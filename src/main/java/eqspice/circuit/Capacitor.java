package eqspice.circuit;

import java.util.List;

/**
 * A linear capacitor between nodes {@code a} and {@code b} (F). Open at DC: it changes no
 * operating point, only how a transient analysis gets there (wire and device capacitance of a
 * crossbar, see {@code eqspice.transient}).
 */
public record Capacitor(String name, String a, String b, double farads) implements Element {
    public Capacitor {
        SpiceNames.element(name, 'c');
        SpiceNames.node(a);
        SpiceNames.node(b);
        SpiceNumber.positive("capacitance of " + name, farads);
    }

    @Override
    public List<String> nodes() {
        return List.of(a, b);
    }

    @Override
    public String spiceLine() {
        return name + " " + a + " " + b + " " + SpiceNumber.format("capacitance", farads);
    }

    /** Energy stored at voltage {@code v} = V(a) - V(b) (J). */
    public double energy(double v) {
        return 0.5 * farads * v * v;
    }
}
