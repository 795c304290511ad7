package eqspice.embedded;

import eqspice.circuit.DiodeModel;

/**
 * The DC junction of ngspice's diode model (level 1, no breakdown, no knee currents, no
 * sidewall: the parameters eqspice's {@link DiodeModel} leaves at their defaults), at
 * ngspice's default temperature of 27 C with ngspice's physical constants.
 *
 * <p>ngspice uses two branches: Shockley {@code IS (exp(vd / (N Vt)) - 1)} from
 * {@code -3 N Vt} upwards, and below that {@code -IS (1 + (3 N Vt / (e vd))^3)}, which meets
 * the exponential smoothly and tends to {@code -IS}. The solver's gmin is a conductance in
 * parallel with the junction. Matching these exactly matters: with IS = 1e-12 A and
 * microsiemens conductances a different reverse branch moves node voltages by 1e-7 V.
 */
final class Junction {
    /** Boltzmann's constant (J/K) as ngspice 46 defines it (CONSTboltz). */
    static final double BOLTZMANN = 1.38064852e-23;
    /** Elementary charge (C) as ngspice 46 defines it (CHARGE). */
    static final double CHARGE = 1.6021766208e-19;
    /** ngspice's default circuit temperature, 27 C (REFTEMP). */
    static final double TEMPERATURE = 27.0 + 273.15;
    /** Thermal voltage kT/q at {@link #TEMPERATURE} (V). */
    static final double THERMAL_VOLTAGE = BOLTZMANN / CHARGE * TEMPERATURE;

    private final double is;
    private final double vte;
    private final double vcrit;
    private final double gmin;

    Junction(DiodeModel model, double gmin) {
        this.is = model.is();
        this.vte = model.n() * THERMAL_VOLTAGE;
        // The voltage above which the exponential's curvature makes undamped Newton steps overshoot.
        this.vcrit = vte * Math.log(vte / (Math.sqrt(2.0) * is));
        this.gmin = gmin;
    }

    /** Junction current (A) at {@code vd}, gmin included. */
    double current(double vd) {
        if (vd >= -3 * vte) {
            return is * Math.expm1(vd / vte) + gmin * vd;
        }
        double arg = 3 * vte / (vd * Math.E);
        return -is * (1 + arg * arg * arg) + gmin * vd;
    }

    /** Small-signal conductance dI/dV (S) at {@code vd}, gmin included. */
    double conductance(double vd) {
        if (vd >= -3 * vte) {
            return is * Math.exp(vd / vte) / vte + gmin;
        }
        double arg = 3 * vte / (vd * Math.E);
        return is * 3 * arg * arg * arg / vd + gmin;
    }

    /**
     * Damps a Newton update of the junction voltage from {@code previous} to {@code proposed}.
     * Above the critical voltage a step is taken on the current, not the voltage: the new
     * voltage is where the exponential grows by as much as the proposed step would have
     * grown its tangent (a logarithmic step), so one iteration never jumps the current by
     * e^40. Far reverse steps are bounded so that a junction swinging from forward to
     * reverse does not overshoot without bound. Returns {@code proposed} when no damping
     * is needed.
     */
    double limit(double proposed, double previous) {
        if (proposed > vcrit && Math.abs(proposed - previous) > 2 * vte) {
            if (previous > 0) {
                double growth = 1 + (proposed - previous) / vte;
                return growth > 0 ? previous + vte * Math.log(growth) : vcrit;
            }
            return vte * Math.log(proposed / vte);
        }
        if (proposed < 0) {
            double floor = previous > 0 ? -previous - 1 : 2 * previous - 1;
            return Math.max(proposed, floor);
        }
        return proposed;
    }
}
