package eqspice.circuit;

import java.util.List;

/**
 * One circuit element. Each kind writes its own SPICE line; names and nodes are
 * validated when the element is built, so a line can never carry anything but the
 * element it describes.
 */
public sealed interface Element permits Resistor, VoltageSource, CurrentSource, Diode, Vcvs, Cccs,
        SubcircuitCall, SinhConductor, Capacitor {

    /** The element's name; its first letter is the SPICE device letter. */
    String name();

    /** The nodes the element connects, in SPICE order. */
    List<String> nodes();

    /** The element's line in the ngspice dialect. */
    String spiceLine();
}
