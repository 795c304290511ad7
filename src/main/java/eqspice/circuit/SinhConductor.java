package eqspice.circuit;

import java.util.List;

/**
 * A nonlinear two-terminal conductance written as a behavioural current source (SPICE {@code B}):
 * I(a -&gt; b) = g V0 sinh((V(a) - V(b)) / V0), the read characteristic of a memristive device of
 * small-signal conductance {@code g} (S) and nonlinearity voltage {@code v0} (V). As V0 grows the
 * current tends to g (V(a) - V(b)), the linear resistor.
 *
 * <p>The expression is generated from the two numbers and the two validated node names; no
 * text from outside reaches it.
 */
public record SinhConductor(String name, String a, String b, double g, double v0) implements Element {
    public SinhConductor {
        SpiceNames.element(name, 'b');
        SpiceNames.node(a);
        SpiceNames.node(b);
        SpiceNumber.positive("conductance of " + name, g);
        SpiceNumber.positive("V0 of " + name, v0);
    }

    /** Current from a through the device to b at voltage {@code v} = V(a) - V(b). */
    public double current(double v) {
        return g * v0 * Math.sinh(v / v0);
    }

    @Override
    public List<String> nodes() {
        return List.of(a, b);
    }

    @Override
    public String spiceLine() {
        return name + " " + a + " " + b + " i = " + SpiceNumber.format("g*v0", g * v0) + " * sinh((v(" + a + ") - v("
                + b + ")) / " + SpiceNumber.format("v0", v0) + ")";
    }
}
