package eqspice.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.LayerScaling;
import eqspice.network.ConductanceBounds;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.task.Sample;
import eqspice.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every impossible training setting is refused with a message that names its field. */
class TrainingConfigTest {
    private static final NetworkSpec SPEC = Presets.kirazCase1();

    private static TrainingConfig config(Task task, double alpha, double beta, double initLow, double initHigh) {
        return TrainingConfig.builder(SPEC, task).alpha(alpha).beta(beta).epochs(10).init(initLow, initHigh).build();
    }

    private static String error(Task task, double alpha, double beta, double initLow, double initHigh) {
        return assertThrows(IllegalArgumentException.class, () -> config(task, alpha, beta, initLow, initHigh))
                .getMessage();
    }

    @Test
    void acceptsTheShippedCalibration() {
        TrainingConfig c = config(Task.kirazCase1(), 1e-9, 1e-6, 1e-5, 1e-4);
        assertEquals(1e-9, c.alpha());
        assertEquals(1e-6, c.beta());
    }

    @Test
    void theBuilderFillsTheExperimentFileDefaultsAndRefusesAMissingRate() {
        TrainingConfig c = TrainingConfig.builder(SPEC, Task.kirazCase1()).alpha(1e-9).beta(1e-6).build();
        assertEquals(new TrainingConfig(SPEC, Task.kirazCase1(), Estimator.CENTERED, 1e-9, 1e-6, 100, 1, 1,
                SPEC.bounds().gMin() * 10, SPEC.bounds().gMax() / 10, 1e-3, SolverOptions.DEFAULT, LayerScaling.NONE), c);
        assertEquals(c, c.toBuilder().build());
        TrainingConfig other = c.toBuilder().seed(7).epochs(3).build();
        assertEquals(7, other.seed());
        assertEquals(3, other.epochs());
        assertEquals(c.alpha(), other.alpha());
        String m = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder(SPEC, Task.kirazCase1()).beta(1e-6).build()).getMessage();
        assertTrue(m.startsWith("training.alpha must be a finite number >= 0, got NaN"), m);
    }

    @Test
    void betaMustBePositiveAndFinite() {
        for (double beta : new double[] {0.0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = error(Task.kirazCase1(), 1e-9, beta, 1e-5, 1e-4);
            assertTrue(m.startsWith("training.beta must be a finite number > 0, got "), m);
        }
    }

    @Test
    void alphaMustBeNonNegativeAndFinite() {
        for (double alpha : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = error(Task.kirazCase1(), alpha, 1e-6, 1e-5, 1e-4);
            assertTrue(m.startsWith("training.alpha must be a finite number >= 0, got "), m);
        }
        // alpha = 0 is a legal (frozen) run: it measures the loss without learning.
        assertEquals(0.0, config(Task.kirazCase1(), 0, 1e-6, 1e-5, 1e-4).alpha());
    }

    @Test
    void boundsMustBeOrdered() {
        String m = assertThrows(IllegalArgumentException.class, () -> new ConductanceBounds(1e-3, 1e-3)).getMessage();
        assertEquals("g_min (0.001 S) must be below g_max (0.001 S)", m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConductanceBounds(1e-3, 1e-6))
                .getMessage().contains("g_min"));
    }

    @Test
    void initialRangeMustLieInsideTheBounds() {
        String m = error(Task.kirazCase1(), 1e-9, 1e-6, 1e-7, 1e-4);
        assertTrue(m.startsWith("training.init [1.0E-7, 1.0E-4] S must be a non-empty range inside [g_min, g_max]"), m);
        assertTrue(error(Task.kirazCase1(), 1e-9, 1e-6, 1e-4, 1e-5).startsWith("training.init"));
    }

    @Test
    void targetAndInputWidthsMustMatchTheNetwork() {
        Task twoTargets = new Task("wide", List.of(new Sample(new double[] {-2, 2}, new double[] {1, 0})), 0.05);
        assertEquals("task 'wide' has 2 targets per sample but network.outputs is 1",
                error(twoTargets, 1e-9, 1e-6, 1e-5, 1e-4));
        Task threeInputs = new Task("tall", List.of(new Sample(new double[] {-2, 2, 0}, new double[] {1})), 0.05);
        assertEquals("task 'tall' has 3 inputs per sample but network.inputs is 2",
                error(threeInputs, 1e-9, 1e-6, 1e-5, 1e-4));
    }

    @Test
    void unknownEstimatorIsNamedWithTheAllowedOnes() {
        String m = assertThrows(IllegalArgumentException.class, () -> Estimator.parse("symmetric")).getMessage();
        assertEquals("unknown estimator 'symmetric': allowed are positive, negative, centered", m);
    }
}
