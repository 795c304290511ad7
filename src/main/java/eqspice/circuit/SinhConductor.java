package eqspice.circuit;

import java.util.List;

/**
 * A nonlinear two-terminal conductance written as a behavioural current source (SPICE {@code B}):
 * I(a -&gt; b) = g V0 sinh((V(a) - V(b)) / V0), the read characteristic of a memristive device of
 * small-signal conductance {@code g} (S) and nonlinearity voltage {@code v0} (V). As V0 grows the
 * current tends to g (V(a) - V(b)), the linear resistor.
 *
 * <p>Beyond |V| = {@value #LINEAR_BEYOND} V0 the characteristic continues along its tangent
 * (same value and slope there): no operating point comes near it (30 V at V0 = 1 V), but
 * Newton's trial points did, and ngspice stops with "out of range for sinh" instead of
 * stepping back.
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

    /** |V| / V0 beyond which the characteristic is linear. */
    public static final double LINEAR_BEYOND = 30;

    /** The name of the netlist function the devices' lines call. */
    public static final String FUNCTION_NAME = "eqs_sinh";

    /** Current from a through the device to b at voltage {@code v} = V(a) - V(b). */
    public double current(double v) {
        double x = v / v0;
        double inside = Math.max(-LINEAR_BEYOND, Math.min(LINEAR_BEYOND, x));
        return g * v0 * (Math.sinh(inside) + Math.cosh(LINEAR_BEYOND) * (x - inside));
    }

    /**
     * The co-content per siemens, the integral of I / g from 0 to {@code v}: V0^2 (cosh(v / V0) - 1)
     * (1/2 v^2 for a linear conductance), continued with the characteristic's tangent beyond
     * {@link #LINEAR_BEYOND} V0. EqProp's learning rule for these devices differentiates the
     * co-content with respect to g: it is this function, not 1/2 dV^2.
     */
    public static double coContentPerSiemens(double v, double v0) {
        double x = Math.abs(v / v0);
        if (x <= LINEAR_BEYOND) {
            double h = Math.sinh(x / 2); // cosh(x) - 1 = 2 sinh(x/2)^2, without the cancellation at small x
            return 2 * v0 * v0 * h * h;
        }
        double beyond = x - LINEAR_BEYOND;
        return v0 * v0 * (Math.cosh(LINEAR_BEYOND) - 1 + Math.sinh(LINEAR_BEYOND) * beyond
                + Math.cosh(LINEAR_BEYOND) * beyond * beyond / 2);
    }

    /** This device's co-content at voltage {@code v} (W): g times {@link #coContentPerSiemens}. */
    public double coContent(double v) {
        return g * coContentPerSiemens(v, v0);
    }

    @Override
    public List<String> nodes() {
        return List.of(a, b);
    }

    @Override
    public String spiceLine() {
        return name + " " + a + " " + b + " i = " + SpiceNumber.format("g*v0", g * v0) + " * " + FUNCTION_NAME + "((v(" + a
                + ") - v(" + b + ")) / " + SpiceNumber.format("v0", v0) + ")";
    }

    /**
     * The line with the conductance written as the expression {@code {conductance}} (a
     * {@link Subcircuit} parameter times a factor): the braces are evaluated when ngspice reads
     * the netlist, multiplying by V0 after the conductance, as {@link #spiceLine()} does in Java.
     */
    String spiceLine(String conductance) {
        return name + " " + a + " " + b + " i = {" + conductance + "*" + SpiceNumber.format("v0", v0) + "} * "
                + FUNCTION_NAME + "((v(" + a + ") - v(" + b + ")) / " + SpiceNumber.format("v0", v0) + ")";
    }

    /**
     * The lines that define {@link #FUNCTION_NAME}: sinh(x), continued along its tangent beyond
     * |x| = {@link #LINEAR_BEYOND}. A netlist with sinh devices carries them once
     * ({@link NgspiceWriter}), so that each device's line stays short enough to read.
     */
    public static List<String> functionLines() {
        String lim = "min(max(x, -" + (int) LINEAR_BEYOND + "), " + (int) LINEAR_BEYOND + ")";
        return List.of("* " + FUNCTION_NAME + "(x): sinh(x), continued along its tangent beyond |x| = " + (int) LINEAR_BEYOND
                        + "; a device reads I = g V0 " + FUNCTION_NAME + "(V / V0)",
                ".func " + FUNCTION_NAME + "(x) {sinh(" + lim + ") + " + SpiceNumber.format("cosh(30)", Math.cosh(LINEAR_BEYOND))
                        + " * (x - " + lim + ")}");
    }
}
