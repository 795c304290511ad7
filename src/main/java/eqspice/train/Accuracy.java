package eqspice.train;

import eqspice.task.Sample;
import eqspice.task.Task;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.PhaseFailedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification scoring: a prediction is right when the class with the largest output
 * V+ - V- is the class with the largest target. For classification tasks the trainer adds the
 * {@link #COLUMNS} to every epoch's metrics.
 */
public final class Accuracy {
    /** Per-epoch values of a classification task, in column order (see results/README.md). */
    public static final List<String> COLUMNS = List.of("train_accuracy", "test_accuracy", "test_loss_v2");

    private int seen;
    private int right;
    private int failed;
    private double lossSum;

    /** Counts one prediction {@code o} for target {@code y} with its loss. */
    public void add(double[] y, double[] o, double loss) {
        seen++;
        lossSum += loss;
        if (Task.argmax(o) == Task.argmax(y)) {
            right++;
        }
    }

    /** Counts a sample that could not be solved: a wrong prediction. */
    public void addFailed() {
        seen++;
        failed++;
    }

    /** Right predictions over samples seen, NaN when none were. */
    public double fraction() {
        return seen == 0 ? Double.NaN : (double) right / seen;
    }

    /** Mean loss over the samples that solved, NaN when none did. */
    public double meanLoss() {
        int solved = seen - failed;
        return solved == 0 ? Double.NaN : lossSum / solved;
    }

    /**
     * Scores {@code samples} on the free phase of the session's current network (no update).
     * A sample whose free phase fails counts as wrong.
     */
    public static Accuracy of(CrossbarSession session, List<Sample> samples) {
        Accuracy a = new Accuracy();
        if (session.strategy() == eqspice.eqprop.PhaseStrategy.SWEEP) {
            for (int from = 0; from < samples.size(); from += SWEEP_CHUNK) {
                scoreInOneSweep(session, samples.subList(from, Math.min(samples.size(), from + SWEEP_CHUNK)), a);
            }
            return a;
        }
        for (Sample s : samples) {
            try {
                EqPropStep.Free f = EqPropStep.free(session, s.x(), s.y());
                a.add(s.y(), f.outputs(), f.loss());
            } catch (PhaseFailedException e) {
                a.addFailed();
            }
        }
        return a;
    }

    /** Free phases scored per dc sweep with the sweep strategy (as many as a training sweep of 50 samples holds). */
    private static final int SWEEP_CHUNK = 150;

    /** The free phases of {@code chunk} as one sequence; a sample whose step fails counts as wrong. */
    private static void scoreInOneSweep(CrossbarSession session, List<Sample> chunk, Accuracy a) {
        List<double[]> xs = chunk.stream().map(Sample::x).toList();
        List<double[]> outputs = EqPropStep.freeOutputs(session, xs, chunk.get(0).y().length);
        for (int k = 0; k < chunk.size(); k++) {
            double[] y = chunk.get(k).y();
            double[] o = outputs.get(k);
            if (o == null) {
                a.addFailed();
            } else {
                a.add(y, o, EqPropStep.loss(y, o));
            }
        }
    }

    /** The values of {@link #COLUMNS} for a training pass and a test pass (NaN when the task has no test samples). */
    public static Map<String, Double> columns(Accuracy train, Accuracy test) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(COLUMNS.get(0), train.fraction());
        m.put(COLUMNS.get(1), test == null ? Double.NaN : test.fraction());
        m.put(COLUMNS.get(2), test == null ? Double.NaN : test.meanLoss());
        return m;
    }
}
