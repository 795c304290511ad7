package eqspice.network;

import java.util.Locale;

/**
 * How realistic each class of parts of a crossbar circuit is: the amplifier model
 * ({@link Level}), the diodes (ideal model or the 1N4148 part), the crossbar devices (linear or
 * sinh read characteristic) and whether device-to-device variation applies. The three named
 * levels ({@link #of}) are the ideal circuit and the behavioural and transistor amplifiers with
 * the diodes and memristors the {@link FidelityParameters} choose (by default the 1N4148 and
 * nonlinear memristors with variation); any other mix can be built to isolate one class.
 *
 * <ul>
 * <li>ideal: forward VCVS, backward CCCS (the circuit of every earlier issue);</li>
 * <li>behavioural: bidirectional amplifier of three op-amp macro models
 *     ({@code netlists/lib/eqs_amp_behavioural.lib}: finite open-loop gain, output resistance,
 *     rails, offset, rail currents): forward a non-inverting amplifier that senses its output
 *     current, backward a Howland current pump that draws the backward gain times that current
 *     out of the hidden node;</li>
 * <li>transistor: the same bidirectional amplifier built from CMOS two-stage op-amps of
 *     level-1 MOSFETs ({@code netlists/lib/eqs_amp_cmos.lib}).</li>
 * </ul>
 */
public record Fidelity(Level level, boolean realDiodes, boolean nonlinearMemristors, boolean varied,
                       FidelityParameters parameters) {
    /** The circuit the theory assumes. */
    public static final Fidelity IDEAL = of(Level.IDEAL, FidelityParameters.DEFAULT);

    /** A named level: ideal parts throughout, or the given amplifier with the parameters' diodes and memristors. */
    public static Fidelity of(Level level, FidelityParameters p) {
        return level == Level.IDEAL ? new Fidelity(level, false, false, false, p)
                : new Fidelity(level, p.realDiodes(), p.nonlinearMemristors(), p.variation() > 0, p);
    }

    /** Amplifier model, and whether the other parts are realistic. */
    public enum Level {
        IDEAL, BEHAVIOURAL, TRANSISTOR;

        /** Lower-case name, as on the command line and in YAML. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses ideal | behavioural | transistor; names the allowed values otherwise. */
        public static Level parse(String s) {
            for (Level l : values()) {
                if (l.id().equals(s)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("'" + s + "' is not a fidelity level; allowed: ideal, behavioural, transistor");
        }
    }

    public Fidelity {
        if (level == null || parameters == null) {
            throw new IllegalArgumentException("fidelity needs a level and parameters");
        }
    }

    /** The name of this mix: the level's name for a named level, else the amplifier level plus the non-ideal parts. */
    public String id() {
        if (equals(of(level, parameters))) {
            return level.id();
        }
        StringBuilder sb = new StringBuilder(level.id() + "-amp");
        if (realDiodes) {
            sb.append("+1n4148");
        }
        if (nonlinearMemristors) {
            sb.append("+sinh");
        }
        if (varied) {
            sb.append("+variation");
        }
        return sb.toString();
    }

    /**
     * The factor by which each of {@code count} devices' conductance differs from its programmed
     * value: exp(variation * z), z standard normal drawn from the variation seed in device order
     * ({@link CrossbarLayout#conductors()}), or 1 everywhere without variation.
     */
    public double[] deviceFactors(int count) {
        double[] v = new double[count];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(parameters.variationSeed());
        for (int k = 0; k < count; k++) {
            v[k] = varied ? Math.exp(parameters.variation() * rng.nextGaussian()) : 1.0;
        }
        return v;
    }

    /** A one-line description for tables and netlist headers. */
    public String label() {
        FidelityParameters p = parameters;
        String amp = switch (level) {
            case IDEAL -> "VCVS/CCCS amplifiers";
            case BEHAVIOURAL -> String.format(Locale.ROOT, "behavioural op-amp amplifiers (A0 %s, rout %s ohm, offset %s V) "
                    + "on +-%s V rails, forward and backward", p.openLoopGain(), p.outputResistance(), p.offset(), p.supply());
            case TRANSISTOR -> String.format(Locale.ROOT, "CMOS two-stage op-amp amplifiers (level-1 MOSFETs) on +-%s V "
                    + "rails, forward and backward", p.supply());
        };
        return String.format(Locale.ROOT, "%s: %s, %s diodes, %s conductances%s", id(), amp,
                realDiodes ? "1N4148" : "ideal", nonlinearMemristors ? "sinh (V0 " + p.v0() + " V)" : "linear",
                varied ? ", device variation " + p.variation() + " (seed " + p.variationSeed() + ")" : "");
    }
}
