package eqspice.diagnostics;

import eqspice.circuit.SpiceNumber;
import java.util.Map;

/**
 * The variational check of one conductance g: dF/dg by the power-change method (PCM: perturb
 * g, re-solve, central difference of the circuit's total co-content F) against the
 * voltage-difference method (VDM: 1/2 dV^2 across g at the unperturbed solution). At a
 * stationary point of F the two agree (the envelope theorem); where they do not, the circuit is
 * not at a stationary point of F.
 *
 * <p>{@code terms} explains the difference. For every class c, T_c = sum over its elements of
 * i_e dv_e/dg (i_e at the solution, dv_e/dg by the same central difference). By Tellegen's
 * theorem applied to the solution's currents and the perturbation's voltage changes, the T_c
 * of all classes sum to zero ({@link #closure()}), and PCM - VDM equals the sum of T_c over the
 * classes with co-content (for conductances T_c is the implicit part of their change). Hence
 * PCM - VDM = - sum of T_c over the classes without co-content: a non-zero T for the amplifier
 * VCVS and CCCS together names the amplifier as what breaks the identity.
 *
 * @param element the resistor's name
 * @param siemens its conductance (S)
 * @param pcm     dF/dg by the power-change method (V^2)
 * @param vdm     1/2 dV^2 (V^2)
 * @param terms   T_c per class (V^2)
 */
public record ConductanceCheck(String element, double siemens, double pcm, double vdm, Map<PowerClass, Double> terms) {
    public ConductanceCheck {
        SpiceNumber.positive("conductance of " + element, siemens);
        SpiceNumber.finite("PCM of " + element, pcm);
        SpiceNumber.finite("VDM of " + element, vdm);
        terms = Map.copyOf(terms);
    }

    /** PCM - VDM (V^2). */
    public double difference() {
        return pcm - vdm;
    }

    /** |PCM - VDM| / |VDM| (0 when both are 0, infinite when only VDM is). */
    public double relativeError() {
        double d = Math.abs(pcm - vdm);
        return d == 0 ? 0 : d / Math.abs(vdm);
    }

    /** T_c of one class (V^2), 0 when absent. */
    public double term(PowerClass c) {
        return terms.getOrDefault(c, 0.0);
    }

    /** Sum of T_c over all classes: 0 by Tellegen's theorem up to the solver's tolerance. */
    public double closure() {
        return terms.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Sum of T_c over the classes without co-content: -(PCM - VDM) up to the difference step's error. */
    public double outsideCoContent() {
        return terms.entrySet().stream().filter(e -> !e.getKey().hasCoContent())
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
