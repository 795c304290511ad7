package eqspice.task;

import java.util.List;

/**
 * A fixed list of samples to learn, with the tolerance (V) within which an output counts as
 * correct. All samples share the same input and target widths.
 *
 * <p>A classification task ({@code classes > 0}) has one target per class (the right class
 * high, the others low) and may hold out {@code test} samples, which are never trained on: the
 * prediction is the class whose output V+ - V- is largest, and the trainer reports the accuracy
 * on the training and test samples.
 *
 * @param name      the task's name
 * @param samples   the training samples
 * @param tolerance |y - o| within which an output counts as correct (V)
 * @param test      held-out samples (empty for none)
 * @param classes   number of classes, or 0 when the task is not a classification
 */
public record Task(String name, List<Sample> samples, double tolerance, List<Sample> test, int classes) {
    /** A task without held-out samples that is not scored as a classification. */
    public Task(String name, List<Sample> samples, double tolerance) {
        this(name, samples, tolerance, List.of(), 0);
    }

    public Task {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("task needs a name");
        }
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("task '" + name + "' has no samples");
        }
        int in = samples.get(0).x().length;
        int out = samples.get(0).y().length;
        for (int k = 0; k < samples.size(); k++) {
            Sample s = samples.get(k);
            if (s.x().length != in || s.y().length != out) {
                throw new IllegalArgumentException("task '" + name + "' sample " + k + " has " + s.x().length
                        + " inputs and " + s.y().length + " targets; sample 0 has " + in + " and " + out);
            }
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("task tolerance must be a finite number > 0, got " + tolerance);
        }
        test = List.copyOf(test);
        for (int k = 0; k < test.size(); k++) {
            Sample s = test.get(k);
            if (s.x().length != in || s.y().length != out) {
                throw new IllegalArgumentException("task '" + name + "' test sample " + k + " has " + s.x().length
                        + " inputs and " + s.y().length + " targets; sample 0 has " + in + " and " + out);
            }
        }
        if (classes < 0 || (classes > 0 && classes != out) || classes == 1) {
            throw new IllegalArgumentException("task '" + name + "' has " + out + " targets per sample; a "
                    + "classification needs one per class (at least 2), got classes = " + classes);
        }
        if (classes == 0 && !test.isEmpty()) {
            throw new IllegalArgumentException("task '" + name + "' holds out test samples but is not a classification");
        }
    }

    /** Whether outputs are scored as a classification (argmax). */
    public boolean classification() {
        return classes > 0;
    }

    /** The class of a target or prediction vector: the index of its largest value (the first on ties). */
    public static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    public int inputs() {
        return samples.get(0).x().length;
    }

    public int outputs() {
        return samples.get(0).y().length;
    }

    /** Kiraz et al. case 1: inputs -2 V and +2 V, target 1 V; correct within 0.05 V. */
    public static Task kirazCase1() {
        return new Task("kiraz-case1", List.of(new Sample(new double[] {-2, 2}, new double[] {1})), 0.05);
    }

    /**
     * XOR with inputs 0/1 applied as -1 V / +1 V and targets 0 V / 1 V (as in Kiraz et al.'s
     * follow-up work); an output is correct when within 0.5 V of its target, i.e. on the right
     * side of the 0.5 V threshold.
     */
    public static Task xor() {
        return new Task("xor", List.of(
                new Sample(new double[] {-1, -1}, new double[] {0}),
                new Sample(new double[] {-1, 1}, new double[] {1}),
                new Sample(new double[] {1, -1}, new double[] {1}),
                new Sample(new double[] {1, 1}, new double[] {0})), 0.5);
    }
}
