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
 * @param variational PCM vs VDM over every conductance; null when the check does not apply
 * @param notApplicable why the check does not apply (empty when it ran): the identity
 *                    dP/dg = 1/2 dV^2 is that of linear conductances in a circuit whose P is known
 */
public record PhaseDiagnosis(Phase phase, double beta, double[] outputs, double cost, PowerBreakdown power,
                             PseudoPower pseudo, VariationalReport variational, String notApplicable) {
    public PhaseDiagnosis {
        if (phase == null || power == null || pseudo == null || outputs == null || notApplicable == null
                || (variational == null) == notApplicable.isEmpty()) {
            throw new IllegalArgumentException("a phase diagnosis needs its phase, outputs, power, pseudo-power"
                    + " and either a variational report or the reason there is none");
        }
        SpiceNumber.finite("beta", beta);
        SpiceNumber.nonNegative("cost", cost);
        outputs = outputs.clone();
    }

    /** A diagnosis whose variational check ran. */
    public PhaseDiagnosis(Phase phase, double beta, double[] outputs, double cost, PowerBreakdown power,
                          PseudoPower pseudo, VariationalReport variational) {
        this(phase, beta, outputs, cost, power, pseudo, variational, "");
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
