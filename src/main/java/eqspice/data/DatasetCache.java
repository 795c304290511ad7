package eqspice.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where provisioned data files live: {@code $EQSPICE_DATA} if set, else
 * {@code ~/.cache/eqspice/datasets}; one folder per data set. Outside the git checkout, so no
 * data file is ever committed.
 */
public record DatasetCache(Path root) {
    /** Environment variable that overrides the cache folder. */
    public static final String ENV = "EQSPICE_DATA";

    public DatasetCache {
        if (root == null) {
            throw new IllegalArgumentException("dataset cache needs a folder");
        }
        root = root.toAbsolutePath().normalize();
    }

    /** The cache named by the environment, or the default under the user's home. */
    public static DatasetCache fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static DatasetCache fromEnvironment(Map<String, String> env) {
        String dir = env.get(ENV);
        if (dir != null && !dir.isBlank()) {
            return new DatasetCache(Path.of(dir));
        }
        return new DatasetCache(Path.of(System.getProperty("user.home"), ".cache", "eqspice", "datasets"));
    }

    /** The folder of one data set. */
    public Path dir(Dataset d) {
        return root.resolve(d.id());
    }

    /** One provisioned file of a data set. */
    public Path file(Dataset d, String name) {
        if (!d.files().contains(name)) {
            throw new IllegalArgumentException(d.id() + " has no file " + name + "; it has " + d.files());
        }
        return dir(d).resolve(name);
    }

    /** Whether every file of the data set is present (not whether it is valid: the loaders check that). */
    public boolean present(Dataset d) {
        return d.files().stream().allMatch(f -> Files.isRegularFile(file(d, f)));
    }
}
