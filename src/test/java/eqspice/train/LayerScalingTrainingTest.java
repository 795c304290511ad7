package eqspice.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eqspice.eqprop.Estimator;
import eqspice.eqprop.LayerScaling;
import eqspice.network.LayeredNetwork;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import eqspice.task.Task;
import org.junit.jupiter.api.Test;

/**
 * {@code training.layer_scaling: compensate} in the training loop: after one update of Kiraz case 1
 * (one sample, small alpha, nothing clipped) every input-crossbar step is (A/b) = 16 times the
 * uncompensated one and every output-crossbar step is the same, conductance by conductance.
 */
class LayerScalingTrainingTest {
    @Test
    void oneUpdateScalesTheInputCrossbarsStepsBySixteen() {
        TrainingConfig none = TrainingConfig.builder(Presets.kirazCase1(), Task.kirazCase1()).alpha(1e-12).beta(1e-6)
                .estimator(Estimator.CENTERED).epochs(1).init(1e-5, 1e-4).build();
        TrainingConfig comp = none.toBuilder().layerScaling(LayerScaling.COMPENSATE).build();
        LayeredNetwork start = LayeredNetwork.random(none.spec(), none.initLow(), none.initHigh(), none.seed());
        LayeredNetwork a = Trainer.train(SharedSession.get(), none, Trainer.Options.defaults()).finalNetwork();
        LayeredNetwork b = Trainer.train(SharedSession.get(), comp, Trainer.Options.defaults()).finalNetwork();
        for (int l = 0; l < 2; l++) {
            double[] g0 = start.weights().get(l).toArray();
            double[] ga = a.weights().get(l).toArray();
            double[] gb = b.weights().get(l).toArray();
            double factor = l == 0 ? 16 : 1;
            for (int k = 0; k < g0.length; k++) {
                double stepA = ga[k] - g0[k];
                double stepB = gb[k] - g0[k];
                assertEquals(factor * stepA, stepB, 1e-9 * Math.abs(factor * stepA) + 1e-22,
                        "layer " + l + " conductance " + k);
            }
        }
    }
}
