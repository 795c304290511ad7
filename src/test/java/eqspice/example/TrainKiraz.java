package eqspice.example;

import eqspice.network.NetlistExport;
import eqspice.network.Presets;
import eqspice.ngspice.NgspiceSession;
import eqspice.simulate.Simulator;
import eqspice.task.Task;
import eqspice.train.Trainer;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.io.IOException;

/**
 * The library example of docs/architecture.md, verbatim between the markers:
 * {@link LibraryExampleTest} checks that the page shows exactly this code and runs it.
 */
public final class TrainKiraz {
    private TrainKiraz() {
    }

    public static void main(String[] args) throws IOException {
        // example:start
        // Kiraz et al. case 1 (2-2-1 crossbar, diode pairs, Kendall's amplifiers), as experiments/kiraz-case1.yaml
        TrainingConfig config = TrainingConfig.builder(Presets.kirazCase1(), Task.kirazCase1())
                .alpha(1e-9).beta(1e-6).init(1e-5, 1e-4) // S^2/V^2, S, S; the rest are the defaults:
                .build();                                // centered estimator, 100 epochs, seed 1
        try (Simulator ngspice = new NgspiceSession()) {
            TrainingResult run = Trainer.train(ngspice, config, Trainer.Options.defaults()
                    .withOnEpoch(m -> System.err.printf("epoch %d: loss %.3g V^2%n", m.epoch(), m.loss())));
            System.err.printf("loss %.3g -> %.3g V^2, converged at epoch %d%n",
                    run.initialLoss(), run.finalLoss(), run.epochsToConverge());
            NetlistExport.writeConductances(System.out, run.finalNetwork()); // as conductances.csv
        }
        // example:end
    }
}
