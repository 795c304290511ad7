package eqspice.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An sbatch job-array script in which task {@code $SLURM_ARRAY_TASK_ID} runs one shard of a
 * sweep. Everything pasted into the script is an absolute path or a value checked against a
 * strict pattern, since the script is executed by a shell.
 *
 * @param jobName    job name (letters, digits, '-', '_', '.')
 * @param shards     number of array tasks (shards)
 * @param cpus       CPUs per task (= worker processes per shard)
 * @param partition  Slurm partition, or null for the cluster's default
 * @param time       time limit ([days-]hours:minutes:seconds style), or null
 * @param workDir    folder the tasks run in
 * @param launch     the eqspice command (java, class path, main class), each word checked
 * @param experiment the experiment file (absolute)
 * @param results    the results folder (absolute); task logs go to its {@code slurm/}
 */
public record SlurmScript(String jobName, int shards, int cpus, String partition, String time, Path workDir,
                          List<String> launch, Path experiment, Path results) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern TIME = Pattern.compile("[0-9]{1,4}(-[0-9]{1,2})?(:[0-9]{1,2}){0,2}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_./:+=,@-]+");

    public SlurmScript {
        if (!NAME.matcher(jobName).matches()) {
            throw new IllegalArgumentException("job name '" + jobName + "' may use letters, digits, '-', '_', '.'");
        }
        if (shards < 1 || shards > 100_000 || cpus < 1 || cpus > 1024) {
            throw new IllegalArgumentException("--shards must be 1..100000 and --cpus-per-task 1..1024");
        }
        if (partition != null && !NAME.matcher(partition).matches()) {
            throw new IllegalArgumentException("--partition '" + partition + "' may use letters, digits, '-', '_', '.'");
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("--time '" + time + "' must look like 90, 2:00:00 or 1-12:00:00");
        }
        launch = List.copyOf(launch);
        for (String w : launch) {
            word(w);
        }
        word(workDir.toString());
        word(experiment.toString());
        word(results.toString());
        if (!workDir.isAbsolute() || !experiment.isAbsolute() || !results.isAbsolute()) {
            throw new IllegalArgumentException("the Slurm script needs absolute paths");
        }
    }

    private static void word(String w) {
        if (!WORD.matcher(w).matches()) {
            throw new IllegalArgumentException("'" + w + "' cannot go into a shell script (use paths of letters, digits "
                    + "and _ . / : + = , @ -)");
        }
    }

    /** The script's text. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/sh\n");
        sb.append("# eqspice sweep as a Slurm job array: task i runs shard i/").append(shards).append(".\n");
        sb.append("# Resubmitting resumes: finished points are skipped. Combine with: eqspice merge ")
                .append(results).append('\n');
        sb.append("#SBATCH --job-name=").append(jobName).append('\n');
        sb.append("#SBATCH --array=0-").append(shards - 1).append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        sb.append("#SBATCH --output=").append(results.resolve("slurm")).append("/%A_%a.out\n");
        if (partition != null) {
            sb.append("#SBATCH --partition=").append(partition).append('\n');
        }
        if (time != null) {
            sb.append("#SBATCH --time=").append(time).append('\n');
        }
        sb.append("set -eu\n");
        sb.append("cd ").append(workDir).append('\n');
        sb.append("exec ").append(String.join(" ", launch)).append(" sweep ").append(experiment)
                .append(String.format(Locale.ROOT, " --shard \"$SLURM_ARRAY_TASK_ID/%d\"", shards))
                .append(" --workers \"${SLURM_CPUS_PER_TASK:-1}\" --out ").append(results).append('\n');
        return sb.toString();
    }
}
