package eqspice.circuit;

/**
 * A diode model card with typed Shockley parameters: saturation current {@code is} (A),
 * emission coefficient {@code n}, series resistance {@code rs} (ohms, 0 for none).
 * Junction capacitances are irrelevant at DC and left at ngspice's defaults (zero).
 */
public record DiodeModel(String name, double is, double n, double rs) {
    public DiodeModel {
        SpiceNames.model(name);
        SpiceNumber.positive("IS of diode model " + name, is);
        SpiceNumber.positive("N of diode model " + name, n);
        SpiceNumber.nonNegative("RS of diode model " + name, rs);
    }

    /** The {@code .model} line. */
    public String spiceLine() {
        return ".model " + name + " d(is=" + SpiceNumber.format("is", is) + " n=" + SpiceNumber.format("n", n)
                + " rs=" + SpiceNumber.format("rs", rs) + ")";
    }
}
