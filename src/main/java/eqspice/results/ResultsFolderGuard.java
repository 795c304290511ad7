package eqspice.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where results may go, checked before anything is created or written: never into an empty
 * path, the root folder or the user's home; {@code eqspice run} not into a folder that holds a
 * sweep, another experiment's results or files eqspice did not write (unless forced); a sweep
 * only into a new or empty folder or a sweep's own.
 */
public final class ResultsFolderGuard {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_LEDGER_BYTES = 16L << 20;
    private static final int LISTED = 5;

    private ResultsFolderGuard() {
    }

    /**
     * Refuses a folder that must never receive results: an empty path (picocli makes
     * {@code --out ""} the current folder), the root folder, the user's home, a file.
     */
    public static void checkPlace(Path dir) {
        if (dir.toString().isBlank()) {
            throw new IllegalArgumentException("the results folder is an empty path; give --out a folder name");
        }
        Path abs = dir.toAbsolutePath().normalize();
        Path real = real(abs);
        if (abs.getParent() == null || real.getParent() == null) {
            throw new IllegalArgumentException(dir + " is the root folder; results go into a folder of their own: give "
                    + "--out a folder such as results/<name>");
        }
        for (String home : homes()) {
            Path h = Path.of(home).toAbsolutePath().normalize();
            if (abs.equals(h) || real.equals(real(h))) {
                throw new IllegalArgumentException(dir + " is your home folder; results go into a folder of their "
                        + "own: give --out a folder such as results/<name>");
            }
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(dir + " is a file, not a folder; give --out a folder");
        }
    }

    /**
     * Checks a folder for {@code eqspice run}.
     *
     * @param sameExperiment whether an {@code experiment.yaml} found in the folder is the
     *                       experiment about to run (its results may be replaced)
     * @param force          write into a folder that holds other things all the same
     *                       ({@code --force}); the place checks still apply
     */
    public static void forRun(Path dir, Predicate<Path> sameExperiment, boolean force) {
        checkPlace(dir);
        List<String> names = contents(dir);
        if (names.isEmpty() || force) {
            return;
        }
        String advice = "; give --out another folder, or add --force to write there all the same";
        Optional<String> sweep = sweepMarker(dir, names);
        if (sweep.isPresent()) {
            throw new IllegalArgumentException(dir + " holds a sweep's results (" + sweep.get() + "): a run would "
                    + "replace its ledger and the sweep could not resume" + advice);
        }
        Path copy = dir.resolve(RunWriter.EXPERIMENT);
        if (Files.isRegularFile(copy)) {
            if (sameExperiment.test(copy)) {
                return;
            }
            throw new IllegalArgumentException(dir + " holds the results of another experiment (see its "
                    + RunWriter.EXPERIMENT + ")" + advice);
        }
        throw new IllegalArgumentException(dir + " holds files that are not this experiment's results ("
                + listed(names) + ")" + advice);
    }

    /** Checks a folder for {@code eqspice sweep}: new, empty, or a sweep's folder (its ledger is checked by the sweep). */
    public static void forSweep(Path dir) {
        checkPlace(dir);
        List<String> names = contents(dir);
        if (names.isEmpty() || sweepMarker(dir, names).isPresent()) {
            return;
        }
        if (names.contains(RunWriter.METRICS) || names.contains(RunWriter.EXPERIMENT)) {
            throw new IllegalArgumentException(dir + " holds the results of an eqspice run, not of a sweep; give --out "
                    + "another folder");
        }
        throw new IllegalArgumentException(dir + " holds files that are not a sweep's results (" + listed(names)
                + "); give --out a new or empty folder");
    }

    /** The names in a folder, without eqspice's lock files; empty for a folder that does not exist. */
    private static List<String> contents(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.matches("\\.eqspice(-[a-z0-9-]+)?\\.lock"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + IoFailures.describe(e), e);
        }
    }

    /** What marks the folder as a sweep's, or empty. */
    private static Optional<String> sweepMarker(Path dir, List<String> names) {
        for (String n : names) {
            // eqspice slurm writes its job scripts, a copy of the jar and slurm/ (task logs) before any shard runs
            if (n.equals("points.csv") || n.matches("points-shard-\\d+-of-\\d+\\.csv")
                    || n.matches("provenance-shard-\\d+-of-\\d+\\.json") || n.equals("sweep.sbatch")
                    || n.equals("merge.sbatch") || n.equals("eqspice.jar")) {
                return Optional.of(n);
            }
        }
        if (names.contains("provenance.json") && isLedger(dir.resolve("provenance.json"))) {
            return Optional.of("provenance.json, a sweep's ledger");
        }
        for (String folder : List.of("points", "slurm")) {
            if (names.contains(folder) && Files.isDirectory(dir.resolve(folder))) {
                return Optional.of(folder + "/");
            }
        }
        return Optional.empty();
    }

    /** A sweep's provenance.json lists sessions; a run's does not. */
    private static boolean isLedger(Path file) {
        try {
            if (Files.size(file) > MAX_LEDGER_BYTES) {
                return false;
            }
            JsonNode doc = JSON.readTree(file.toFile());
            return doc != null && doc.has("sessions") && doc.has("experiment_sha256");
        } catch (IOException e) {
            return false; // unreadable: not a ledger this check can vouch for
        }
    }

    private static String listed(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(LISTED, names.size())).stream().map(PointRows::shorten)
                .toList()) + (names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "");
    }

    private static List<String> homes() {
        String env = System.getenv("HOME");
        String prop = System.getProperty("user.home");
        return Stream.of(prop, env).filter(h -> h != null && !h.isBlank()).distinct().toList();
    }

    /** The real path of a folder that exists (symbolic links resolved), else the path itself. */
    private static Path real(Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }
}
