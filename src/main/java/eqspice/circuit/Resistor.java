package eqspice.circuit;

import java.util.List;

/**
 * A linear resistor between nodes {@code a} and {@code b}, given by its resistance in ohms.
 * The crossbar weights are conductances: use {@link #ofConductance}.
 */
public record Resistor(String name, String a, String b, double ohms) implements Element {
    public Resistor {
        SpiceNames.element(name, 'r');
        SpiceNames.node(a);
        SpiceNames.node(b);
        SpiceNumber.positive("resistance of " + name, ohms);
    }

    /** A resistor of conductance {@code siemens} (resistance 1/siemens). */
    public static Resistor ofConductance(String name, String a, String b, double siemens) {
        SpiceNumber.positive("conductance of " + name, siemens);
        return new Resistor(name, a, b, 1.0 / siemens);
    }

    /** Conductance in siemens. */
    public double conductance() {
        return 1.0 / ohms;
    }

    @Override
    public List<String> nodes() {
        return List.of(a, b);
    }

    @Override
    public String spiceLine() {
        return name + " " + a + " " + b + " " + SpiceNumber.format("resistance", ohms);
    }
}
