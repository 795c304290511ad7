package eqspice.run;

import eqspice.baseline.BaselineTrainer;
import eqspice.simulate.SimulatorInfo;
import eqspice.train.EpochMetrics;

/** What a run tells its caller while it goes (progress lines, a table row per epoch); every method may be ignored. */
public interface RunListener {
    /** Nothing to tell: a library call that only wants the outcome. */
    RunListener NONE = new RunListener() {
    };

    /**
     * Something about the simulator the user should hear once, before the run starts: e.g.
     * {@code klu: not available in ngspice 39 (sparse used)} when the experiment asks for KLU.
     */
    default void note(String line) {
    }

    /** The simulator is open; nothing has been written yet. */
    default void started(SimulatorInfo simulator) {
    }

    /** The backprop baseline has been trained (only when the experiment asks for one). */
    default void baseline(BaselineTrainer.Result result) {
    }

    /** An epoch has finished; its row is in metrics.csv. */
    default void epoch(EpochMetrics metrics) {
    }
}
