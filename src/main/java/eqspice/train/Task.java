package eqspice.train;

import java.util.List;

/**
 * A fixed list of samples to learn, with the tolerance (V) within which an output counts as
 * correct. All samples share the same input and target widths.
 */
public record Task(String name, List<Sample> samples, double tolerance) {
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
