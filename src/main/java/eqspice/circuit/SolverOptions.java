package eqspice.circuit;

import java.util.ArrayList;
import java.util.List;

/**
 * ngspice's DC solver settings. All values are written explicitly, so a netlist states
 * the tolerances its results were computed with (defaults are ngspice's own).
 *
 * @param klu    use the KLU sparse solver ({@code .options klu}); ngspice 46 has it, 39.3 ignores it
 * @param reltol relative convergence tolerance
 * @param abstol absolute current tolerance (A)
 * @param vntol  absolute voltage tolerance (V)
 * @param gmin   minimum conductance added across every junction (S)
 * @param itl1   DC iteration limit
 */
public record SolverOptions(boolean klu, double reltol, double abstol, double vntol, double gmin, int itl1) {
    /** ngspice's defaults, with KLU. */
    public static final SolverOptions DEFAULT = new SolverOptions(true, 1e-3, 1e-12, 1e-6, 1e-12, 100);

    public SolverOptions {
        SpiceNumber.positive("reltol", reltol);
        SpiceNumber.positive("abstol", abstol);
        SpiceNumber.positive("vntol", vntol);
        SpiceNumber.nonNegative("gmin", gmin);
        if (itl1 < 1) {
            throw new IllegalArgumentException("itl1 must be >= 1, got " + itl1);
        }
    }

    /** Returns a copy with tighter or looser tolerances. */
    public SolverOptions withTolerances(double reltol, double abstol, double vntol) {
        return new SolverOptions(klu, reltol, abstol, vntol, gmin, itl1);
    }

    /** Returns a copy with KLU switched on or off. */
    public SolverOptions withKlu(boolean on) {
        return new SolverOptions(on, reltol, abstol, vntol, gmin, itl1);
    }

    /** Short label for results, e.g. {@code klu reltol=0.001 abstol=1.0e-12 ...}. */
    public String label() {
        return String.join(" ", spiceLines()).replace(".options ", "");
    }

    /** The {@code .options} lines. */
    public List<String> spiceLines() {
        List<String> lines = new ArrayList<>();
        if (klu) {
            lines.add(".options klu");
        }
        lines.add(".options reltol=" + SpiceNumber.format("reltol", reltol)
                + " abstol=" + SpiceNumber.format("abstol", abstol)
                + " vntol=" + SpiceNumber.format("vntol", vntol)
                + " gmin=" + SpiceNumber.format("gmin", gmin)
                + " itl1=" + itl1);
        return lines;
    }
}
