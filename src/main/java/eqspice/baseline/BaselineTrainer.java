package eqspice.baseline;

import eqspice.task.Sample;
import eqspice.task.Task;
import eqspice.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains the backprop baseline of a run: the {@link TrainingConfig}'s task, layer sizes, epochs,
 * batch size and seed (the sample order is drawn the same way as the circuit trainer's), so the
 * two columns of a results table differ only in the learning machine.
 */
public final class BaselineTrainer {
    /** Mixed into the seed for the sample order, as in {@link eqspice.train.Trainer}. */
    private static final long ORDER_STREAM = 0x9E3779B97F4A7C15L;

    private BaselineTrainer() {
    }

    /** What one baseline epoch did. */
    public record Epoch(int epoch, double loss, double trainAccuracy, double testAccuracy, double testLoss,
                        double seconds) {
    }

    /** The baseline's run: its epochs, and the network's size. */
    public record Result(List<Epoch> epochs, int parameters, double seconds) {
        public Result {
            epochs = List.copyOf(epochs);
        }

        public Epoch last() {
            return epochs.get(epochs.size() - 1);
        }
    }

    public static Result train(TrainingConfig cfg, BaselineConfig b, Consumer<Epoch> onEpoch) {
        long start = System.nanoTime();
        Task task = cfg.task();
        Mlp net = new Mlp(task.inputs(), cfg.spec().hidden(), task.outputs(), b.activation(), cfg.seed());
        SplittableRandom order = new SplittableRandom(cfg.seed() ^ ORDER_STREAM);
        List<Sample> samples = task.samples();
        List<Epoch> epochs = new ArrayList<>();
        for (int e = 1; e <= cfg.epochs(); e++) {
            long t0 = System.nanoTime();
            int[] idx = eqspice.train.Trainer.sampleOrder(samples.size(), order); // the circuit's order
            double[][][] grad = net.zeroGradient();
            int inBatch = 0;
            double lossSum = 0;
            int right = 0;
            for (int pos = 0; pos < idx.length; pos++) {
                Sample s = samples.get(idx[pos]);
                double[] y = s.y();
                double[] o = net.accumulate(s.x(), y, grad);
                lossSum += eqspice.eqprop.EqPropStep.loss(y, o);
                right += Task.argmax(o) == Task.argmax(y) ? 1 : 0;
                inBatch++;
                if (inBatch == cfg.batchSize() || pos == idx.length - 1) {
                    net.step(grad, b.learningRate(), inBatch);
                    grad = net.zeroGradient();
                    inBatch = 0;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double testAcc = Double.NaN;
            double testLoss = Double.NaN;
            if (!task.test().isEmpty()) {
                int ok = 0;
                double l = 0;
                for (Sample s : task.test()) {
                    double[] o = net.predict(s.x());
                    ok += Task.argmax(o) == Task.argmax(s.y()) ? 1 : 0;
                    l += eqspice.eqprop.EqPropStep.loss(s.y(), o);
                }
                testAcc = (double) ok / task.test().size();
                testLoss = l / task.test().size();
            }
            Epoch ep = new Epoch(e, lossSum / samples.size(), (double) right / samples.size(), testAcc, testLoss,
                    seconds);
            epochs.add(ep);
            onEpoch.accept(ep);
        }
        return new Result(epochs, net.parameters(), (System.nanoTime() - start) / 1e9);
    }
}
