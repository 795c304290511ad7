package eqspice.train;

import eqspice.task.Task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.data.Dataset;
import eqspice.data.DatasetTask;
import eqspice.data.Encoding;
import eqspice.data.RealData;
import eqspice.eqprop.Estimator;
import eqspice.network.Amplifier;
import eqspice.network.ConductanceBounds;
import eqspice.network.DiodePair;
import eqspice.network.NetworkSpec;
import eqspice.ngspice.SharedSession;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A short EqProp run on the real digits through ngspice: 200 training samples, one epoch,
 * scored on 100 held-out samples, lifts the accuracy far above chance (10 %).
 */
class DigitsTrainingTest {
    @Test
    void oneShortEpochOnDigitsBeatsChanceByFar() {
        Task task = new DatasetTask(Dataset.DIGITS, new Encoding(-3, 3, 1, 0), 200, 100, 1, 0.5)
                .build(RealData.ensure(Dataset.DIGITS));
        NetworkSpec spec = new NetworkSpec(64, true, List.of(1.0), List.of(16), 10,
                Optional.of(new DiodePair(DiodePair.DEFAULT_MODEL, 0.05, -0.05, DiodePair.Orientation.CLIPPING)),
                Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
        TrainingConfig cfg = TrainingConfig.builder(spec, task).alpha(3e-7).beta(1e-6).epochs(1).batchSize(10)
                .init(1e-5, 1e-4).build();
        TrainingResult r = Trainer.train(SharedSession.get(), cfg,
                Trainer.Options.defaults().withComments(List.of("digits test")));
        EpochMetrics m = r.epochs().get(0);
        System.out.println("digits, 200 samples, 1 epoch: " + m.diagnostics());
        assertEquals(Accuracy.COLUMNS, List.copyOf(m.diagnostics().keySet()));
        assertEquals(0, r.failedPhases(), r.firstFailure());
        assertTrue(m.diagnostics().get("test_accuracy") >= 0.4, "test accuracy " + m.diagnostics());
        assertTrue(m.diagnostics().get("test_loss_v2") < r.initialLoss(), "held-out loss below the first epoch's");
    }
}
