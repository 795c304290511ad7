package eqspice.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads the provisioned files of each {@link Dataset} from a {@link DatasetCache}, checking
 * sample counts, widths and classes against what the data set is known to hold. A missing or
 * broken file is a {@link DataException} that says how to provision it.
 */
public final class DatasetFiles {
    /** Fashion-MNIST's files hold this many training and test images. */
    public static final int FASHION_TRAIN = 60000;
    public static final int FASHION_TEST = 10000;

    private DatasetFiles() {
    }

    /** Iris: 150 samples of 4 features (sepal and petal length and width, cm), classes setosa, versicolor, virginica. */
    public static LabeledData iris(DatasetCache cache) {
        Dataset d = Dataset.IRIS;
        return SklearnCsv.read(cache.file(d, "iris.csv"), d.id(), true, d.samples(), d.features(), d.classes(),
                d.fetchHint());
    }

    /** The 8x8 digits: 1,797 samples of 64 grey levels 0..16 (row-major), classes 0..9. */
    public static LabeledData digits(DatasetCache cache) {
        Dataset d = Dataset.DIGITS;
        LabeledData data = SklearnCsv.read(cache.file(d, "digits.csv.gz"), d.id(), false, d.samples(), d.features(),
                d.classes(), d.fetchHint());
        for (double[] row : data.features()) {
            for (double v : row) {
                if (v < 0 || v > 16) {
                    throw new DataException(cache.file(d, "digits.csv.gz") + ": a pixel value " + v
                            + " is outside 0..16; " + d.fetchHint());
                }
            }
        }
        return data;
    }

    /**
     * Fashion-MNIST's training ({@code train}) or test file pair: the first {@code limit} images
     * (all when limit &lt;= 0) as 784 grey levels 0..255, row-major, and their classes 0..9.
     */
    public static LabeledData fashion(DatasetCache cache, boolean train, int limit) {
        Dataset d = Dataset.FASHION_MNIST;
        String prefix = train ? "train" : "t10k";
        Path images = cache.file(d, prefix + "-images-idx3-ubyte.gz");
        Path labels = cache.file(d, prefix + "-labels-idx1-ubyte.gz");
        int expected = train ? FASHION_TRAIN : FASHION_TEST;
        checkFashionHeaders(images, labels, expected, d.fetchHint());
        int[] y = IdxFile.labels(labels, limit, d.fetchHint());
        for (int k = 0; k < y.length; k++) {
            if (y[k] >= d.classes()) {
                throw new DataException(labels + ": label " + y[k] + " of sample " + k + " is not a class 0..9; "
                        + d.fetchHint());
            }
        }
        double[][] x = IdxFile.images(images, limit, d.fetchHint());
        return new LabeledData(d.id() + (train ? " train" : " test"), x, y, d.classes());
    }

    private static void checkFashionHeaders(Path images, Path labels, int expected, String hint) {
        int[] di = IdxFile.dimensions(images, hint);
        int[] dl = IdxFile.dimensions(labels, hint);
        if (di.length != 3 || di[0] != expected || di[1] != 28 || di[2] != 28) {
            throw new DataException(images + ": IDX dimensions " + Arrays.toString(di) + ", expected [" + expected
                    + ", 28, 28]; " + hint);
        }
        if (dl.length != 1 || dl[0] != expected) {
            throw new DataException(labels + ": IDX dimensions " + Arrays.toString(dl) + ", expected [" + expected
                    + "]; " + hint);
        }
    }

    /**
     * Checks that a data set's files are present and well formed: Iris and digits are loaded
     * whole; Fashion-MNIST's headers are checked (a truncated body is found when it is read).
     */
    public static void check(DatasetCache cache, Dataset d) {
        switch (d) {
            case IRIS -> iris(cache);
            case DIGITS -> digits(cache);
            case FASHION_MNIST -> {
                String h = d.fetchHint();
                checkFashionHeaders(cache.file(d, "train-images-idx3-ubyte.gz"),
                        cache.file(d, "train-labels-idx1-ubyte.gz"), FASHION_TRAIN, h);
                checkFashionHeaders(cache.file(d, "t10k-images-idx3-ubyte.gz"),
                        cache.file(d, "t10k-labels-idx1-ubyte.gz"), FASHION_TEST, h);
            }
        }
    }
}
