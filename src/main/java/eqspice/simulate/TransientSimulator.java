package eqspice.simulate;

import eqspice.circuit.Circuit;

/** A simulator that also runs phases in time (see {@link TransientPlan}). */
public interface TransientSimulator extends Simulator {
    /**
     * Loads {@code circuit} (replacing the loaded one) and runs the plan as one transient
     * analysis. Every source the plan sets must be an EXTERNAL source of the circuit.
     *
     * @throws SimulationException when the analysis fails (e.g. the time step becomes too small)
     */
    TransientRun transientRun(Circuit circuit, TransientPlan plan);
}
