package eqspice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import eqspice.results.ResultsFolderLock;
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
    private static final long MAX_LEDGER_BYTES = 16L << 20;

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
        SweepMerge.Report r = SweepMerge.read(Sweep.load(file), dir); // every row checked before anything is written
        try (ResultsFolderLock lock = ResultsFolderLock.whole(dir, "eqspice merge " + dir,
                note -> spec.commandLine().getErr().println("eqspice: " + note))) {
            SweepMerge.write(r);
        }
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
                String f = ledgerExperiment(l);
                if (!f.isEmpty()) {
                    return Path.of(f);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(dir + ": no such results folder");
        } catch (java.nio.file.NotDirectoryException e) {
            throw new IllegalArgumentException(dir + " is a file, not a sweep's results folder");
        }
        throw new IllegalArgumentException(dir + " has no provenance*.json naming the experiment; give --experiment FILE");
    }

    /** The experiment file a ledger names; a ledger that is not JSON is named with its line. */
    private static String ledgerExperiment(Path ledger) throws IOException {
        if (Files.size(ledger) > MAX_LEDGER_BYTES) {
            throw new IllegalArgumentException(ledger + ": " + Files.size(ledger) + " bytes, more than a sweep ledger "
                    + "has; give --experiment FILE");
        }
        try {
            return new ObjectMapper().readTree(ledger.toFile()).path("experiment_file").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(ledger + " line " + e.getLocation().getLineNr() + ": not a readable "
                    + "ledger (" + e.getOriginalMessage().lines().findFirst().orElse("") + "); give --experiment FILE");
        }
    }
}
