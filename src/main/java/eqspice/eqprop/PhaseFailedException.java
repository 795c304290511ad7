package eqspice.eqprop;

import eqspice.simulate.SimulationException;

/** A phase of an EqProp step could not be solved; carries which phase and the simulator's reason. */
public class PhaseFailedException extends RuntimeException {
    private final Phase phase;

    public PhaseFailedException(Phase phase, SimulationException cause) {
        super(phase.label() + " phase failed: " + cause.getMessage(), cause);
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }
}
