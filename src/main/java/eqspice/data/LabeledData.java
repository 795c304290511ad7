package eqspice.data;

/**
 * Raw samples of a classification data set: one feature vector per sample (in the data set's
 * own units: cm, grey levels) and its class 0..classes-1. The arrays are shared, not copied
 * (a Fashion-MNIST training set is tens of megabytes): treat them as read-only.
 *
 * @param name     data set and part, e.g. {@code digits} or {@code fashion-mnist train}
 * @param features samples x features
 * @param labels   class of each sample
 * @param classes  number of classes
 */
public record LabeledData(String name, double[][] features, int[] labels, int classes) {
    public LabeledData {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + features.length + " feature rows but " + labels.length
                    + " labels");
        }
        if (classes < 2) {
            throw new IllegalArgumentException(name + ": a classification needs at least 2 classes, got " + classes);
        }
        int width = features.length == 0 ? 0 : features[0].length;
        for (int k = 0; k < features.length; k++) {
            if (features[k].length != width) {
                throw new IllegalArgumentException(name + ": sample " + k + " has " + features[k].length
                        + " features, sample 0 has " + width);
            }
            if (labels[k] < 0 || labels[k] >= classes) {
                throw new IllegalArgumentException(name + ": sample " + k + " has class " + labels[k] + ", allowed 0.."
                        + (classes - 1));
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** Features per sample. */
    public int width() {
        return features.length == 0 ? 0 : features[0].length;
    }

    /** The samples at {@code indices}, in that order. */
    public LabeledData select(String part, int[] indices) {
        double[][] x = new double[indices.length][];
        int[] y = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            x[k] = features[indices[k]];
            y[k] = labels[indices[k]];
        }
        return new LabeledData(part, x, y, classes);
    }

    /** Samples per class. */
    public int[] classCounts() {
        int[] n = new int[classes];
        for (int label : labels) {
            n[label]++;
        }
        return n;
    }
}
