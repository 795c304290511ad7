package eqspice.data;

import eqspice.task.Sample;
import eqspice.task.Task;
import java.util.List;

/**
 * A classification task made from a real data set: which data set, its encoding into voltages,
 * how many training and test samples, and (Fashion-MNIST) the pooling.
 *
 * <p>Splits: Iris and digits are split once by {@link StratifiedSplit} (20 % of every class to
 * the test part, fixed seed); Fashion-MNIST uses its own training and test files. A size limit
 * takes the first n samples of a part. Raw ranges: Iris, each feature's min and max over the
 * training part; digits 0..16; Fashion-MNIST 0..255 (after pooling too).
 *
 * @param dataset   the data set
 * @param encoding  inputs and targets as voltages
 * @param trainSize training samples used (0: the whole training part)
 * @param testSize  test samples used (0: the whole test part)
 * @param pool      average-pooling factor for Fashion-MNIST (1: 28x28, 2: 14x14, 4: 7x7); 1 for the others
 * @param tolerance |y - o| within which an output counts as correct (V), for the correct_fraction column
 */
public record DatasetTask(Dataset dataset, Encoding encoding, int trainSize, int testSize, int pool,
                          double tolerance) {
    /** Fraction of Iris and digits held out for testing. */
    public static final double TEST_FRACTION = 0.2;

    public DatasetTask {
        if (dataset == null || encoding == null) {
            throw new IllegalArgumentException("a dataset task needs a data set and an encoding");
        }
        if (trainSize < 0 || testSize < 0) {
            throw new IllegalArgumentException("train and test sizes must be >= 0 (0 = all), got " + trainSize + ", "
                    + testSize);
        }
        if (dataset == Dataset.FASHION_MNIST ? !(pool == 1 || pool == 2 || pool == 4) : pool != 1) {
            throw new IllegalArgumentException(dataset == Dataset.FASHION_MNIST
                    ? "pool must be 1, 2 or 4 (28x28, 14x14, 7x7), got " + pool
                    : "pool applies to fashion-mnist only; " + dataset.id() + " takes pool 1, got " + pool);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number > 0, got " + tolerance);
        }
    }

    /** Inputs per sample after pooling. */
    public int inputs() {
        return dataset == Dataset.FASHION_MNIST ? (28 / pool) * (28 / pool) : dataset.features();
    }

    /** Loads the data from the cache, splits, limits and encodes it. */
    public Task build(DatasetCache cache) {
        StratifiedSplit.Parts parts;
        Encoding.Ranges ranges;
        switch (dataset) {
            case IRIS -> {
                parts = StratifiedSplit.split(DatasetFiles.iris(cache), TEST_FRACTION);
                parts = new StratifiedSplit.Parts(limit(parts.train(), trainSize), limit(parts.test(), testSize));
                ranges = Encoding.Ranges.of(parts.train());
            }
            case DIGITS -> {
                parts = StratifiedSplit.split(DatasetFiles.digits(cache), TEST_FRACTION);
                parts = new StratifiedSplit.Parts(limit(parts.train(), trainSize), limit(parts.test(), testSize));
                ranges = Encoding.Ranges.uniform(64, 0, 16);
            }
            case FASHION_MNIST -> {
                parts = new StratifiedSplit.Parts(
                        Pooling.average(DatasetFiles.fashion(cache, true, trainSize), 28, pool),
                        Pooling.average(DatasetFiles.fashion(cache, false, testSize), 28, pool));
                ranges = Encoding.Ranges.uniform(inputs(), 0, 255);
            }
            default -> throw new IllegalStateException("no loader for " + dataset);
        }
        List<Sample> train = encoding.samples(parts.train(), ranges);
        List<Sample> test = encoding.samples(parts.test(), ranges);
        return new Task(dataset.id(), train, tolerance, test, dataset.classes());
    }

    private static LabeledData limit(LabeledData d, int n) {
        if (n == 0 || n >= d.size()) {
            return d;
        }
        return d.select(d.name(), java.util.stream.IntStream.range(0, n).toArray());
    }
}
