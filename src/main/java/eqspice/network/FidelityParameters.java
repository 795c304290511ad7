package eqspice.network;

import eqspice.circuit.SpiceNumber;

/**
 * The numbers of the non-ideal parts, used at the behavioural and transistor
 * {@link Fidelity.Level}s (the ideal level ignores them). Set in an experiment's
 * {@code fidelity:} section; experiments/README.md documents each with its default.
 *
 * @param supply           rail magnitude (V): amplifiers are powered from +supply and -supply
 * @param openLoopGain     behavioural op-amp's open-loop gain A0 (V/V), &gt; 1
 * @param outputResistance behavioural op-amp's output resistance (ohm), &gt; 0
 * @param offset           behavioural op-amp's input offset voltage (V)
 * @param realDiodes       hidden-node diodes are the 1N4148 part model (else the ideal model)
 * @param nonlinearMemristors crossbar devices read as I = g V0 sinh(V / V0) (else linear)
 * @param v0               nonlinearity voltage V0 of the memristor read characteristic (V), &gt; 0
 * @param variation        device-to-device variation: each conductance is multiplied by
 *                         exp(variation * z), z standard normal per device, &gt;= 0
 * @param variationSeed    seed of the per-device draws (the same seed, the same chip)
 */
public record FidelityParameters(double supply, double openLoopGain, double outputResistance, double offset,
                                 boolean realDiodes, boolean nonlinearMemristors, double v0, double variation,
                                 long variationSeed) {
    /**
     * Defaults: +-5 V rails (the level-1 cards know no breakdown; a real 0.5 um part would need
     * lower rails, then the Kiraz outputs of up to 4 V saturate), an op-amp with A0 = 1e4,
     * 100 ohm and 1 mV offset, the 1N4148, memristors with V0 = 1 V and 5 % variation.
     */
    public static final FidelityParameters DEFAULT = new FidelityParameters(5.0, 1e4, 100.0, 1e-3, true, true,
            1.0, 0.05, 1L);

    public FidelityParameters {
        SpiceNumber.positive("fidelity.supply", supply);
        SpiceNumber.finite("fidelity.open_loop_gain", openLoopGain);
        if (!(openLoopGain > 1)) {
            throw new IllegalArgumentException("fidelity.open_loop_gain must be > 1, got " + openLoopGain);
        }
        SpiceNumber.positive("fidelity.output_resistance", outputResistance);
        SpiceNumber.finite("fidelity.offset", offset);
        SpiceNumber.positive("fidelity.v0", v0);
        SpiceNumber.nonNegative("fidelity.variation", variation);
    }
}
