package eqspice.cli;

import eqspice.sweep.SlurmScript;
import eqspice.sweep.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice slurm experiment.yaml --shards n}: the sweep as an sbatch job array. */
@Command(name = "slurm", description = {"Write an sbatch job-array script whose task i runs shard i/n of the sweep "
        + "(and submit it with --submit). Combine the shards afterwards with eqspice merge."})
final class SlurmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT")
    Path file;

    @Option(names = "--shards", required = true, description = "array tasks, one shard each")
    int shards;

    @Option(names = "--cpus-per-task", defaultValue = "1", description = "workers per shard (default ${DEFAULT-VALUE})")
    int cpus;

    @Option(names = "--partition", description = "Slurm partition (default: the cluster's)")
    String partition;

    @Option(names = "--time", description = "time limit per task, e.g. 2:00:00")
    String time;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/<experiment name>)")
    Path out;

    @Option(names = "--submit", description = "submit the script with sbatch")
    boolean submit;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Sweep sweep = Sweep.load(file); // validates every point before anything is written or submitted
        Path dir = (out != null ? out : Path.of("results", sweep.name())).toAbsolutePath().normalize();
        List<String> launch = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName());
        SlurmScript script = new SlurmScript("eqspice-" + sweep.name(), shards, cpus, partition, time,
                Path.of("").toAbsolutePath(), launch, file.toAbsolutePath().normalize(), dir);
        eqspice.results.ResultsFolderGuard.forSweep(dir); // a new, empty or sweep's folder, before anything is written
        Files.createDirectories(dir.resolve("slurm"));
        Path sh = dir.resolve("sweep.sbatch");
        Files.writeString(sh, script.text(), StandardCharsets.UTF_8);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + sh + " (" + sweep.points().size() + " points in " + shards + " shards)");
        if (!submit) {
            stdout.println("submit it with: sbatch " + sh);
            return 0;
        }
        Process p = new ProcessBuilder("sbatch", "--parsable", sh.toString()).redirectErrorStream(true).start();
        String reply = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sbatch failed: " + reply);
        }
        stdout.println("submitted job " + reply);
        return 0;
    }
}
