package eqspice.circuit;

import java.util.List;

/** A junction diode from {@code anode} to {@code cathode}, using a model card by name. */
public record Diode(String name, String anode, String cathode, String model) implements Element {
    public Diode {
        SpiceNames.element(name, 'd');
        SpiceNames.node(anode);
        SpiceNames.node(cathode);
        SpiceNames.model(model);
    }

    @Override
    public List<String> nodes() {
        return List.of(anode, cathode);
    }

    @Override
    public String spiceLine() {
        return name + " " + anode + " " + cathode + " " + model;
    }
}
