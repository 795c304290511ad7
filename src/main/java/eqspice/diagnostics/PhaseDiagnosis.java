package eqspice.diagnostics;

import eqspice.circuit.SpiceNumber;
import eqspice.eqprop.Phase;

/**
 * Every diagnostic of one solved EqProp phase of a crossbar.
 *
 * @param phase       free, +beta or -beta
 * @param beta        the phase's signed nudging strength (S): 0, +beta or -beta
 * @param outputs     predictions V+ - V- at this phase's solution (V)
 * @param cost        C = 1/2 sum (y_k - o_k)^2 at this solution (V^2)
 * @param power       element and class powers, Tellegen and KCL residuals
 * @param pseudo      the co-content terms
 * @param variational PCM vs VDM over every conductance
 */
public record PhaseDiagnosis(Phase phase, double beta, double[] outputs, double cost, PowerBreakdown power,
                             PseudoPower pseudo, VariationalReport variational) {
    public PhaseDiagnosis {
        if (phase == null || power == null || pseudo == null || variational == null || outputs == null) {
            throw new IllegalArgumentException("a phase diagnosis needs its phase, outputs, power, pseudo-power"
                    + " and variational report");
        }
        SpiceNumber.finite("beta", beta);
        SpiceNumber.nonNegative("cost", cost);
        outputs = outputs.clone();
    }

    @Override
    public double[] outputs() {
        return outputs.clone();
    }

    /** P + beta C for this phase (P alone in the free phase). */
    public double nudgedTotal() {
        return pseudo.nudged(beta, cost);
    }
}
