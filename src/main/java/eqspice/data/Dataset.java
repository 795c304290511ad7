package eqspice.data;

import java.util.List;
import java.util.Locale;

/**
 * The real data sets eqspice trains on, where their files come from (a Debian package and the
 * paths inside it) and what they look like once provisioned.
 */
public enum Dataset {
    /** Fisher's Iris: 150 samples, 4 features (cm), 3 classes; {@code iris.csv} from Debian's python3-sklearn. */
    IRIS("iris", "python3-sklearn", "usr/lib/python3/dist-packages/sklearn/datasets/data/", List.of("iris.csv"),
            150, 4, 3),
    /** The 8x8 handwritten digits (UCI): 1,797 samples, 64 pixels 0..16, 10 classes; {@code digits.csv.gz}. */
    DIGITS("digits", "python3-sklearn", "usr/lib/python3/dist-packages/sklearn/datasets/data/",
            List.of("digits.csv.gz"), 1797, 64, 10),
    /** Fashion-MNIST: 60,000 + 10,000 images 28x28, pixels 0..255, 10 classes; gzipped IDX files. */
    FASHION_MNIST("fashion-mnist", "dataset-fashion-mnist", "usr/share/datasets/fashion-mnist/",
            List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                    "t10k-labels-idx1-ubyte.gz"), 70000, 784, 10);

    private final String id;
    private final String debianPackage;
    private final String packageDir;
    private final List<String> files;
    private final int samples;
    private final int features;
    private final int classes;

    Dataset(String id, String debianPackage, String packageDir, List<String> files, int samples, int features,
            int classes) {
        this.id = id;
        this.debianPackage = debianPackage;
        this.packageDir = packageDir;
        this.files = files;
        this.samples = samples;
        this.features = features;
        this.classes = classes;
    }

    /** The name used on the command line, in experiment files and as the cache folder. */
    public String id() {
        return id;
    }

    /** The Debian package whose files hold the data. */
    public String debianPackage() {
        return debianPackage;
    }

    /** Folder of the files inside the package's file system tree. */
    public String packageDir() {
        return packageDir;
    }

    /** The file names provisioned into the cache folder. */
    public List<String> files() {
        return files;
    }

    /** Total number of samples (Fashion-MNIST: train + test files). */
    public int samples() {
        return samples;
    }

    /** Features per sample before any pooling. */
    public int features() {
        return features;
    }

    public int classes() {
        return classes;
    }

    /** The data set named {@code id}; the message lists the allowed names. */
    public static Dataset of(String id) {
        for (Dataset d : values()) {
            if (d.id.equals(id.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + id + "'; allowed: " + names());
    }

    /** The allowed names, comma separated. */
    public static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Dataset::id).toList());
    }

    /** What to run to provision this data set. */
    public String fetchHint() {
        return "run 'eqspice datasets fetch " + id + "' (it unpacks Debian's " + debianPackage
                + " package into the cache; see docs/tasks.md)";
    }
}
