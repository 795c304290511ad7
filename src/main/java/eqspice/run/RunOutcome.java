package eqspice.run;

import eqspice.cosim.CoSimStats;
import eqspice.simulate.SimulatorInfo;
import eqspice.train.TrainingResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A finished run: what training gave, what solved it and where its files are.
 *
 * @param result     the trained network, the epochs' metrics, convergence
 * @param simulator  the simulator that solved the phases
 * @param cosim      co-simulation totals (the last check on the final network), when the backend is cosim
 * @param finalScore the trained network scored on every training sample, when the request asked for it
 * @param dir        the results folder
 */
public record RunOutcome(TrainingResult result, SimulatorInfo simulator, Optional<CoSimStats> cosim,
                         Optional<FinalScore> finalScore, Path dir) {
}
