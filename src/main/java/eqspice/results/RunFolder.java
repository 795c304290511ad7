package eqspice.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of a finished training run, as {@code eqspice validate} reads it: the folder of an
 * {@code eqspice run} ({@code results/<name>}) or of one sweep point
 * ({@code results/<sweep>/points/<id>}). Both hold the experiment they were made from,
 * {@code experiment.yaml}, and the trained network, {@code conductances.csv}, written when
 * training ends. A folder that lacks either is refused with what is missing and why.
 *
 * @param dir          the folder
 * @param experiment   its experiment.yaml
 * @param conductances its conductances.csv
 */
public record RunFolder(Path dir, Path experiment, Path conductances) {
    private static final String WHAT = "the folder of a finished 'eqspice run' (results/<name>) or of a finished sweep "
            + "point (results/<sweep>/points/<id>)";

    /**
     * Checks that {@code dir} holds a finished run.
     *
     * @throws IllegalArgumentException naming the folder and what it lacks
     */
    public static RunFolder of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such folder; validate takes " + WHAT);
        }
        Path yaml = dir.resolve(RunWriter.EXPERIMENT);
        Path csv = dir.resolve(RunWriter.CONDUCTANCES);
        boolean hasYaml = Files.isRegularFile(yaml);
        boolean hasCsv = Files.isRegularFile(csv);
        if (hasYaml && hasCsv) {
            return new RunFolder(dir, yaml, csv);
        }
        if (!hasYaml && isSweep(dir)) {
            throw new IllegalArgumentException(dir + " is a sweep's folder, not one run: validate one of its points, "
                    + dir.resolve("points") + "/<id> (the ids are the point_id column of points.csv)");
        }
        List<String> missing = new ArrayList<>();
        if (!hasYaml) {
            missing.add(RunWriter.EXPERIMENT + " (the experiment, written when the run or point starts)");
        }
        if (!hasCsv) {
            missing.add(RunWriter.CONDUCTANCES + " (the trained network, written when training ends)");
        }
        StringBuilder sb = new StringBuilder().append(dir).append(": no ").append(String.join(" and no ", missing))
                .append("; validate needs ").append(WHAT);
        if (!hasCsv && hasYaml && Files.exists(dir.resolve("metrics.csv"))) {
            sb.append(". This one has not finished: it is still training, was stopped, or failed (see its metrics.csv"
                    + " and, for a sweep point, the reason column of points.csv)");
        } else if (!hasYaml && Files.exists(dir.resolve("metrics.csv")) && isSweep(parentOf(parentOf(dir)))) {
            sb.append(". This sweep point was written by an eqspice that did not keep each point's experiment; run the "
                    + "sweep again with a new --out folder to validate its points");
        }
        throw new IllegalArgumentException(sb.toString());
    }

    private static Path parentOf(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? p.toAbsolutePath() : parent;
    }

    /** A sweep's folder holds its table (points.csv, or a shard's) and a points/ folder. */
    private static boolean isSweep(Path dir) {
        if (Files.isRegularFile(dir.resolve("points.csv"))) {
            return true;
        }
        if (!Files.isDirectory(dir.resolve("points"))) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("points-shard-\\d+-of-\\d+\\.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
