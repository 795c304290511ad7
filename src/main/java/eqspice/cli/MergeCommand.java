package eqspice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import eqspice.sweep.Sweep;
import eqspice.sweep.SweepMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice merge results/<experiment>}: the shards of a sweep combined into points.csv. */
@Command(name = "merge", description = {"Combine a sharded sweep's points-shard-*.csv into points.csv (plan order) "
        + "and list the points that are missing or duplicated."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS_DIR", description = "a sharded sweep's results folder (holding points-shard-i-of-n.csv)")
    Path dir;

    @Option(names = "--experiment", paramLabel = "FILE",
            description = "the sweep's experiment file (default: the one the shards' provenance names)")
    Path experiment;

    @Override
    public Integer call() throws IOException {
        Path file = experiment != null ? experiment : experimentOf(dir);
        SweepMerge.Report r = SweepMerge.merge(Sweep.load(file), dir);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d of %d points merged into %s%n", r.merged(), r.planned(), r.table());
        r.missing().forEach(m -> out.println("missing: " + m));
        r.duplicated().forEach(d -> out.println("duplicated: " + d));
        if (!r.shardsToResubmit().isEmpty()) {
            Path script = dir.resolve("sweep.sbatch");
            String shards = r.shardsToResubmit().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","));
            out.println("resubmit shards " + shards + ": sbatch --array=" + shards + " "
                    + (Files.exists(script) ? script : "<the sweep's sbatch script>")
                    + " (or eqspice sweep ... --shard i/n on any machine); finished points are skipped");
        }
        return r.complete() ? 0 : 1;
    }

    private static Path experimentOf(Path dir) throws IOException {
        try (DirectoryStream<Path> ledgers = Files.newDirectoryStream(dir, "provenance*.json")) {
            for (Path l : ledgers) {
                String f = new ObjectMapper().readTree(l.toFile()).path("experiment_file").asText("");
                if (!f.isEmpty()) {
                    return Path.of(f);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(dir + ": no such results folder");
        }
        throw new IllegalArgumentException(dir + " has no provenance*.json naming the experiment; give --experiment FILE");
    }
}
