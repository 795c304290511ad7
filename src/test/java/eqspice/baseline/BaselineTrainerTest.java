package eqspice.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.data.Dataset;
import eqspice.data.DatasetCache;
import eqspice.data.DatasetTask;
import eqspice.data.Encoding;
import eqspice.data.RealData;
import eqspice.eqprop.Estimator;
import eqspice.network.Presets;
import eqspice.task.Sample;
import eqspice.task.Task;
import eqspice.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backprop baseline: its activation, its gradient, and that it learns XOR and Iris. */
class BaselineTrainerTest {
    private static TrainingConfig config(Task task, int hidden, int epochs, int batch) {
        return TrainingConfig.builder(Presets.kendall(task.inputs(), hidden, task.outputs()), task).alpha(1e-9)
                .beta(1e-6).epochs(epochs).batchSize(batch).init(1e-5, 1e-4).build();
    }

    @Test
    void softClipIsLinearNearZeroAndSaturatesAtTheLimit() {
        SoftClip f = SoftClip.DEFAULT;
        assertEquals(0, f.value(0), 1e-12);
        assertEquals(0.3, f.value(0.3), 1e-3); // s e^(-(L - z)/s) = 9e-5 below the line at 0.3
        assertEquals(1.0, f.value(5), 1e-9);
        assertEquals(-1.0, f.value(-5), 1e-9);
        for (double z = -2; z <= 2; z += 0.13) {
            double numeric = (f.value(z + 1e-6) - f.value(z - 1e-6)) / 2e-6;
            assertEquals(numeric, f.derivative(z), 1e-6, "derivative at " + z);
        }
    }

    @Test
    void backpropGradientMatchesFiniteDifferences() {
        Mlp net = new Mlp(3, List.of(4), 2, SoftClip.DEFAULT, 7);
        double[] x = {0.3, -0.8, 0.5};
        double[] y = {1, 0};
        double[][][] g = net.zeroGradient();
        net.accumulate(x, y, g);
        // Move along the gradient by a small step: the cost must fall by |g|^2 * step to first order.
        double norm2 = 0;
        for (double[][] l : g) {
            for (double[] r : l) {
                for (double v : r) {
                    norm2 += v * v;
                }
            }
        }
        double before = cost(net.predict(x), y);
        double step = 1e-6;
        net.step(g, step, 1);
        double after = cost(net.predict(x), y);
        assertEquals(norm2 * step, before - after, 1e-3 * norm2 * step);
    }

    private static double cost(double[] o, double[] y) {
        double c = 0;
        for (int k = 0; k < y.length; k++) {
            c += 0.5 * (o[k] - y[k]) * (o[k] - y[k]);
        }
        return c;
    }

    @Test
    void learnsXor() {
        List<Sample> xor = Task.xor().samples();
        List<Sample> twoClass = xor.stream().map(s -> new Sample(s.x(),
                s.y()[0] > 0.5 ? new double[] {0, 1} : new double[] {1, 0})).toList();
        Task task = new Task("xor2", twoClass, 0.5, twoClass, 2);
        BaselineTrainer.Result r = BaselineTrainer.train(config(task, 8, 500, 1),
                new BaselineConfig(0.1, SoftClip.DEFAULT), e -> { });
        assertEquals(1.0, r.last().testAccuracy(), "4/4 XOR samples");
        assertTrue(r.last().loss() < 0.05, "loss " + r.last().loss());
    }

    @Test
    void learnsIris() {
        DatasetCache cache = RealData.ensure(Dataset.IRIS);
        Task iris = new DatasetTask(Dataset.IRIS, new Encoding(-3, 3, 1, 0), 0, 0, 1, 0.5).build(cache);
        BaselineTrainer.Result r = BaselineTrainer.train(config(iris, 10, 60, 1),
                new BaselineConfig(0.03, SoftClip.DEFAULT), e -> { });
        assertTrue(r.last().trainAccuracy() >= 0.95, "train accuracy " + r.last().trainAccuracy());
        assertTrue(r.last().testAccuracy() >= 0.9, "test accuracy " + r.last().testAccuracy());
        assertEquals(10 * 5 + 3 * 11, r.parameters());
    }
}
