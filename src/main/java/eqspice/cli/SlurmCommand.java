package eqspice.cli;

import eqspice.sweep.SlurmJob;
import eqspice.sweep.SlurmScript;
import eqspice.sweep.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice slurm experiment.yaml --shards n}: the sweep as an sbatch job array. */
@Command(name = "slurm", description = {"Write an sbatch job-array script whose task i runs shard i/n of the sweep, "
        + "with the eqspice jar copied beside it (and submit it with --submit). Each task finds java through "
        + "JAVA_HOME or PATH (after your --setup lines) and runs eqspice doctor before its shard. Combine the shards "
        + "afterwards with eqspice merge, or let --merge-job do it when every task succeeded."})
final class SlurmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "the sweep's experiment file (YAML with a sweep: section)")
    Path file;

    @Option(names = "--shards", required = true, description = "array tasks, one shard each")
    int shards;

    @Option(names = "--cpus-per-task", defaultValue = "1", description = "workers per shard (default ${DEFAULT-VALUE})")
    int cpus;

    @Option(names = "--partition", description = "Slurm partition (default: the cluster's)")
    String partition;

    @Option(names = "--time", description = "time limit per task, e.g. 2:00:00 (default: the partition's)")
    String time;

    @Option(names = "--mem", description = "memory per task, e.g. 4G (default: the cluster's; eqspice's JVM takes 1 GiB "
            + "plus ngspice's share per worker)")
    String mem;

    @Option(names = "--account", description = "account to charge")
    String account;

    @Option(names = "--qos", description = "quality of service")
    String qos;

    @Option(names = "--setup", paramLabel = "LINE", description = "a shell line each task runs first, e.g. "
            + "'module load java/17'; give it once per line")
    List<String> setup = new ArrayList<>();

    @Option(names = "--merge-job", description = "also write merge.sbatch, a job that runs eqspice merge once every "
            + "array task succeeded (with --submit: chained with --dependency=afterok)")
    boolean mergeJob;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder, on a file system every node sees "
            + "(default: results/<experiment name>)")
    Path out;

    @Option(names = "--submit", description = "submit the script with sbatch")
    boolean submit;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Sweep sweep = Sweep.load(file); // validates every point before anything is written or submitted
        Path dir = (out != null ? out : Path.of("results", sweep.name())).toAbsolutePath().normalize();
        SlurmScript.Builder script = SlurmScript.builder().jobName("eqspice-" + sweep.name()).shards(shards)
                .cpus(cpus).partition(partition).time(time).mem(mem).account(account).qos(qos).setup(setup)
                .workDir(Path.of("").toAbsolutePath()).experiment(file.toAbsolutePath().normalize());
        script.results(dir).build(); // every option checked before a file is written
        eqspice.results.ResultsFolderGuard.forSweep(dir); // a new, empty or sweep's folder, before anything is written
        PrintWriter stdout = spec.commandLine().getOut();
        SlurmJob.nodeLocalWarning(dir).ifPresent(w -> spec.commandLine().getErr().println(w));
        SlurmJob.Written written = SlurmJob.write(script, dir, mergeJob);
        stdout.println("wrote " + written.script() + " (" + sweep.points().size() + " points in " + shards + " shards)"
                + (written.merge() != null ? " and " + written.merge() : ""));
        if (!written.launchNote().isEmpty()) {
            stdout.println(written.launchNote());
        }
        if (!submit) {
            stdout.println("submit it with: sbatch " + written.script() + (written.merge() == null ? ""
                    : "; then: sbatch --dependency=afterok:<array job id> " + written.merge()));
            return 0;
        }
        List<String> ids = SlurmJob.submit(written.script(), written.merge());
        stdout.println("submitted job " + ids.get(0));
        if (ids.size() > 1) {
            stdout.println("submitted merge job " + ids.get(1) + " (runs after every task of " + ids.get(0)
                    + " succeeded)");
        }
        return 0;
    }
}
