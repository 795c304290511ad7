package eqspice.train;

import eqspice.eqprop.Readout;
import eqspice.task.Sample;
import eqspice.task.Task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.eqprop.PhaseStrategy;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Fidelity;
import eqspice.network.FidelityParameters;
import eqspice.network.LayeredNetwork;
import eqspice.ngspice.SharedSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training directly on the behavioural circuit (op-amp macro models, 1N4148, sinh devices with
 * variation): the session reloads the circuit after every update (a B source cannot be altered),
 * and what it solves is the circuit of the network it holds.
 */
class FidelityTrainingTest {
    private static TrainingConfig kiraz(int epochs) {
        TrainingConfig c = ExperimentLoader.load(Path.of("experiments", "kiraz-case1.yaml")).config();
        return c.toBuilder().epochs(epochs).build();
    }

    @Test
    void trainsOnTheBehaviouralCircuitAndEveryEpochSolvesTheNetworkItHolds() {
        Fidelity f = Fidelity.of(Fidelity.Level.BEHAVIOURAL, FidelityParameters.DEFAULT);
        // alter + op per phase: the fresh solve below is an op too, so the two agree to far better than reltol
        TrainingResult one = Trainer.train(SharedSession.get(), kiraz(1),
                Trainer.Options.defaults().withFidelity(f).withStrategy(PhaseStrategy.ALTER_OP));
        TrainingResult many = Trainer.train(SharedSession.get(), kiraz(30),
                Trainer.Options.defaults().withFidelity(f).withStrategy(PhaseStrategy.ALTER_OP));
        assertEquals(0, many.failedPhases(), many.firstFailure());
        // Epoch 2's loss is the free-phase loss of the network after epoch 1, solved here from scratch.
        LayeredNetwork afterOne = one.finalNetwork();
        CrossbarCircuit behavioural = new CrossbarCircuit(afterOne.spec(), f);
        Sample s = Task.kirazCase1().samples().get(0);
        double o = Readout.outputs(behavioural.layout(), SharedSession.get().solve(behavioural.build(afterOne, s.x(),
                kiraz(1).solver(), List.of())))[0];
        assertEquals(0.5 * Math.pow(s.y()[0] - o, 2), many.epochs().get(1).loss(), 1e-9);
        assertTrue(many.finalLoss() < many.initialLoss() / 10, many.initialLoss() + " -> " + many.finalLoss());
        // The sweep strategy (phases in one dc sweep, each starting from the previous one's solution) stops
        // Newton elsewhere within the tolerance: on the op-amp macro models a few 1e-6 of a voltage, which the
        // EqProp estimate (a difference of squares over beta) magnifies; the runs then drift apart slowly.
        TrainingResult swept = Trainer.train(SharedSession.get(), kiraz(30),
                Trainer.Options.defaults().withFidelity(f).withStrategy(PhaseStrategy.SWEEP));
        assertEquals(0, swept.failedPhases(), swept.firstFailure());
        assertEquals(many.epochs().get(0).loss(), swept.epochs().get(0).loss(), 1e-4 * many.epochs().get(0).loss());
        assertTrue(swept.finalLoss() < swept.initialLoss() / 10, swept.initialLoss() + " -> " + swept.finalLoss());
    }
}
