package eqspice.network;

import java.util.Locale;

/**
 * How realistic the parts of a crossbar circuit are. The {@link Level} names the amplifier
 * model; at the behavioural and transistor levels the diodes and memristors are those chosen
 * in the {@link FidelityParameters} (by default the 1N4148 and nonlinear memristors with
 * device-to-device variation), at the ideal level they are the ideal diode model and linear
 * conductances, as the theory assumes.
 *
 * <ul>
 * <li>ideal: forward VCVS, backward CCCS (the circuit of every earlier issue);</li>
 * <li>behavioural: forward op-amp macro model ({@code netlists/lib/eqs_amp_behavioural.lib})
 *     as a non-inverting amplifier: finite open-loop gain, output resistance, rails, offset;</li>
 * <li>transistor: forward CMOS two-stage op-amp of level-1 MOSFETs
 *     ({@code netlists/lib/eqs_amp_cmos.lib}) as a non-inverting amplifier.</li>
 * </ul>
 * At every level the backward path is the ideal CCCS (a transistor-level current conveyor is
 * not built yet).
 */
public record Fidelity(Level level, FidelityParameters parameters) {
    /** The circuit the theory assumes. */
    public static final Fidelity IDEAL = new Fidelity(Level.IDEAL, FidelityParameters.DEFAULT);

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

    /** Whether hidden-node diodes are the 1N4148 part model. */
    public boolean realDiodes() {
        return level != Level.IDEAL && parameters.realDiodes();
    }

    /** Whether crossbar devices are nonlinear (sinh) conductors. */
    public boolean nonlinearMemristors() {
        return level != Level.IDEAL && parameters.nonlinearMemristors();
    }

    /** Whether device-to-device variation applies. */
    public boolean varied() {
        return level != Level.IDEAL && parameters.variation() > 0;
    }

    /**
     * Whether a change of conductances can be applied to a loaded circuit with {@code alter}
     * (linear resistors); nonlinear devices need the circuit loaded again.
     */
    public boolean alterable() {
        return !nonlinearMemristors() && !varied();
    }

    /** A one-line description for tables and netlist headers. */
    public String label() {
        if (level == Level.IDEAL) {
            return "ideal: VCVS/CCCS amplifiers, ideal diodes, linear conductances";
        }
        FidelityParameters p = parameters;
        String amp = level == Level.BEHAVIOURAL
                ? String.format(Locale.ROOT, "behavioural op-amp amplifiers (A0 %s, rout %s ohm, offset %s V)",
                p.openLoopGain(), p.outputResistance(), p.offset())
                : "CMOS two-stage op-amp amplifiers (level-1 MOSFETs)";
        return String.format(Locale.ROOT, "%s: %s on +-%s V rails, backward CCCS ideal, %s diodes, %s conductances%s",
                level.id(), amp, p.supply(), p.realDiodes() ? "1N4148" : "ideal",
                p.nonlinearMemristors() ? "sinh (V0 " + p.v0() + " V)" : "linear",
                p.variation() > 0 ? ", device variation " + p.variation() + " (seed " + p.variationSeed() + ")" : "");
    }
}
