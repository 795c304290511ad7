package eqspice.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.experiment.ExperimentLoader;
import eqspice.ngspice.SharedSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped experiment files train, on the real ngspice, with their calibrated alpha, beta
 * and initial conductances (see the comments in experiments/*.yaml for the reasoning).
 */
class TrainerTest {
    private static TrainingResult run(String file) {
        TrainingConfig cfg = ExperimentLoader.load(Path.of("experiments", file)).config();
        TrainingResult r = Trainer.train(SharedSession.get(), cfg,
                Trainer.Options.defaults().withComments(List.of("test " + file)));
        System.out.printf("%s: loss %.4g -> %.4g (x%.3g) in %d epochs, %.1f s, correct %.2f, failed phases %d%n",
                file, r.initialLoss(), r.finalLoss(), r.initialLoss() / r.finalLoss(), r.epochs().size(), r.seconds(),
                r.epochs().get(r.epochs().size() - 1).correctFraction(), r.failedPhases());
        for (EpochMetrics m : r.epochs()) {
            assertTrue(cfg.spec().bounds().contains(m.gMin()) && cfg.spec().bounds().contains(m.gMax()), m.toString());
        }
        return r;
    }

    private static int firstEpochAtOrBelow(TrainingResult r, double loss) {
        return r.epochs().stream().filter(m -> m.loss() <= loss).mapToInt(EpochMetrics::epoch).findFirst().orElse(-1);
    }

    @Test
    void kirazCase1LosesAtLeastTenfold() {
        TrainingResult r = run("kiraz-case1.yaml");
        assertEquals(0, r.failedPhases(), r.firstFailure());
        int tenfold = firstEpochAtOrBelow(r, r.initialLoss() / 10);
        assertTrue(tenfold > 0 && tenfold <= 50, "10x loss reduction by epoch 50, got epoch " + tenfold);
        // The config's converged_loss (1e-3 V^2, i.e. |y - o| < 45 mV) is met and held.
        assertTrue(r.converged(), "final loss " + r.finalLoss());
        assertTrue(r.finalLoss() <= r.initialLoss() / 10);
    }

    @Test
    void xorGetsAllFourRight() {
        TrainingResult r = run("xor.yaml");
        assertEquals(0, r.failedPhases(), r.firstFailure());
        EpochMetrics last = r.epochs().get(r.epochs().size() - 1);
        assertEquals(1.0, last.correctFraction(), "all four samples on the right side of 0.5 V");
        // The best affine fit to XOR predicts 0.5 V everywhere: loss 1/2 * 0.5^2 = 0.125 per sample.
        // Well below it, the circuit uses its diodes.
        assertTrue(last.loss() < 0.05, "loss " + last.loss() + " must be well below the linear limit 0.125");
    }
}
