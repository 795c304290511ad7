package eqspice.circuit;

import java.util.List;

/**
 * A voltage-controlled voltage source (SPICE {@code E}):
 * V(plus) - V(minus) = gain * (V(controlPlus) - V(controlMinus)).
 * Its branch current follows the same convention as {@link VoltageSource}.
 */
public record Vcvs(String name, String plus, String minus, String controlPlus, String controlMinus, double gain)
        implements Element {
    public Vcvs {
        SpiceNames.element(name, 'e');
        SpiceNames.node(plus);
        SpiceNames.node(minus);
        SpiceNames.node(controlPlus);
        SpiceNames.node(controlMinus);
        SpiceNumber.finite("gain of " + name, gain);
    }

    @Override
    public List<String> nodes() {
        return List.of(plus, minus, controlPlus, controlMinus);
    }

    @Override
    public String spiceLine() {
        return name + " " + plus + " " + minus + " " + controlPlus + " " + controlMinus + " "
                + SpiceNumber.format("gain", gain);
    }
}
