package eqspice.diagnostics;

import eqspice.circuit.DiodeModel;
import eqspice.circuit.SpiceNumber;

/**
 * The DC current and co-content of a junction diode as ngspice solves it at 27 °C:
 * I(v) = IS (exp(v / (N Vt)) - 1) + gmin v, where gmin is the conductance ngspice puts in
 * parallel with every junction ({@code .options gmin}, 1e-12 S by default).
 *
 * <p>Why the ngspice constants: ngspice computes Vt = k T / q with its own k and q (CODATA 2014)
 * at T = 300.15 K; using CODATA 2018 instead shifts Vt by 3.5e-7 relative, which shows as a
 * KCL residual of a few ppm of a forward diode's current.
 *
 * <p>For v &lt; -3 N Vt ngspice replaces the exponential by a cubic (reverse-region) formula; the
 * two differ there by at most 5 % of IS (5e-14 A for IS = 1e-12 A), far below any power term
 * this class is used for, so the Shockley law is kept everywhere.
 *
 * @param is   saturation current IS (A)
 * @param n    emission coefficient N
 * @param gmin parallel conductance (S), &gt;= 0
 */
public record ShockleyDiode(double is, double n, double gmin) {
    /** Boltzmann constant as ngspice 46 defines it (J/K). */
    public static final double BOLTZMANN = 1.38064852e-23;
    /** Elementary charge as ngspice 46 defines it (C). */
    public static final double CHARGE = 1.6021766208e-19;
    /** ngspice's default circuit temperature, 27 °C, in kelvin. */
    public static final double T27 = 300.15;
    /** Thermal voltage at 27 °C (V). */
    public static final double VT = BOLTZMANN * T27 / CHARGE;

    public ShockleyDiode {
        SpiceNumber.positive("diode IS", is);
        SpiceNumber.positive("diode N", n);
        SpiceNumber.nonNegative("gmin", gmin);
    }

    /**
     * The diode of a model card with the circuit's gmin.
     *
     * @throws IllegalArgumentException when the model has a series resistance: the junction voltage
     *         then sits on an internal node that ngspice does not hand back, so neither the current
     *         nor the co-content can be computed from the solution
     */
    public static ShockleyDiode of(DiodeModel model, double gmin) {
        if (model.rs() != 0) {
            throw new IllegalArgumentException("diode model " + model.name() + " has RS = " + model.rs()
                    + " ohm: the pseudo-power diagnostics need the junction voltage, which sits on an internal node"
                    + " ngspice does not report; model the series resistance as a separate resistor (RS = 0)");
        }
        return new ShockleyDiode(model.is(), model.n(), gmin);
    }

    /** N Vt (V). */
    public double nvt() {
        return n * VT;
    }

    /** Current from anode to cathode (A) at junction voltage {@code v} (V), gmin included. */
    public double current(double v) {
        return is * Math.expm1(v / nvt()) + gmin * v;
    }

    /**
     * The co-content: the integral of {@link #current} from 0 to {@code v}, i.e.
     * IS N Vt (exp(v / N Vt) - 1) - IS v + gmin v^2 / 2 (J/s, i.e. W).
     */
    public double coContent(double v) {
        double nvt = nvt();
        double x = v / nvt;
        double junction;
        if (Math.abs(x) < 1e-3) {
            // expm1(x) - x loses every digit for tiny x: the series keeps full precision there.
            junction = is * nvt * x * x * (0.5 + x * (1.0 / 6 + x * (1.0 / 24 + x / 120)));
        } else {
            junction = is * (nvt * Math.expm1(x) - v);
        }
        return junction + 0.5 * gmin * v * v;
    }
}
