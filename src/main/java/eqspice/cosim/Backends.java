package eqspice.cosim;

import eqspice.embedded.EmbeddedSimulator;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.Simulator;
import java.util.function.Supplier;

/**
 * Opens the simulator an experiment asks for. ngspice comes from the caller (a run opens a
 * restarting session, a sweep worker has its own), so ngspice is only loaded when the choice
 * uses it; the embedded solver is created here.
 */
public final class Backends {
    private Backends() {
    }

    /**
     * The simulator for {@code choice}. The caller closes {@code ngspice} when it opened it;
     * the embedded solver holds no resources.
     *
     * @param ngspice the ngspice simulator, asked for only when the choice uses it
     */
    public static Simulator open(BackendChoice choice, Supplier<? extends Simulator> ngspice) {
        return switch (choice.backend()) {
            case NGSPICE -> ngspice.get();
            case EMBEDDED -> new EmbeddedSimulator();
            case COSIM -> new CoSimulator(new EmbeddedSimulator(), ngspice.get(), choice);
        };
    }
}
