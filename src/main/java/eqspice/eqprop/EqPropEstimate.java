package eqspice.eqprop;

import eqspice.circuit.SinhConductor;
import eqspice.network.CrossbarCircuit;
import eqspice.simulate.Solution;
import java.util.function.DoubleUnaryOperator;

/**
 * The EqProp estimate of dL/dg from the states of a sample's phases, however they were obtained
 * (DC operating points, or the ends of transient phases): the same rule as training's, by the
 * devices' law (the co-content of sinh devices, 1/2 dV^2 of linear ones; see CrossbarSession).
 */
public final class EqPropEstimate {
    private final VoltagesAcross across;
    private final DoubleUnaryOperator coContent;

    public EqPropEstimate(CrossbarCircuit builder) {
        this.across = new VoltagesAcross(builder.layout().conductors());
        double v0 = builder.fidelity().parameters().v0();
        this.coContent = builder.fidelity().nonlinearMemristors() ? v -> SinhConductor.coContentPerSiemens(v, v0) : null;
    }

    /** dL/dg per conductance ({@code null} for a phase the estimator does not need), in the layout's conductor order. */
    public double[] gradient(Solution free, Solution positive, Solution negative, Estimator estimator, double beta) {
        return across.gradient(free, positive, negative, estimator, beta, coContent);
    }
}
