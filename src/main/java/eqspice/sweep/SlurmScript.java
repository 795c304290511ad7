package eqspice.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An sbatch job-array script in which task {@code $SLURM_ARRAY_TASK_ID} runs one shard of a
 * sweep, and the optional merge job that combines the shards once every task succeeded.
 * Everything eqspice pastes into a script is an absolute path or a value checked against a strict
 * pattern, since a shell executes it; the {@code setup} lines are the user's own shell commands
 * (for example {@code module load java/17}) and are only checked to be single printable lines.
 *
 * <p>Build one with {@link #builder()}.
 *
 * @param jobName    job name (letters, digits, '-', '_', '.')
 * @param shards     number of array tasks (shards)
 * @param resources  what each task asks Slurm for
 * @param setup      shell lines run first in every task (module loads, environment), in order
 * @param workDir    folder the tasks run in
 * @param launch     the eqspice command after {@code java}: JVM options and {@code -jar file} or
 *                   {@code -cp path main-class}, each word checked
 * @param experiment the experiment file (absolute)
 * @param results    the results folder (absolute); task logs go to its {@code slurm/}
 */
public record SlurmScript(String jobName, int shards, Resources resources, List<String> setup, Path workDir,
                          List<String> launch, Path experiment, Path results) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern TIME = Pattern.compile("[0-9]{1,4}(-[0-9]{1,2})?(:[0-9]{1,2}){0,2}");
    private static final Pattern MEM = Pattern.compile("[0-9]{1,7}[KMGT]?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_./:+=,@-]+");

    /**
     * Per-task requests; null fields are left to the cluster's defaults.
     *
     * @param cpus      CPUs per task (= worker processes per shard)
     * @param partition Slurm partition
     * @param time      time limit ([days-]hours:minutes:seconds style)
     * @param mem       memory per task (e.g. 4G)
     * @param account   account to charge
     * @param qos       quality of service
     */
    public record Resources(int cpus, String partition, String time, String mem, String account, String qos) {
        public Resources {
            if (cpus < 1 || cpus > 1024) {
                throw new IllegalArgumentException("--cpus-per-task must be 1..1024, got " + cpus);
            }
            checked("--partition", partition, NAME, "letters, digits, '-', '_', '.'");
            checked("--time", time, TIME, "a time such as 90, 2:00:00 or 1-12:00:00");
            checked("--mem", mem, MEM, "a size such as 4000, 4G or 512M");
            checked("--account", account, NAME, "letters, digits, '-', '_', '.'");
            checked("--qos", qos, NAME, "letters, digits, '-', '_', '.'");
        }

        private static void checked(String option, String value, Pattern p, String what) {
            if (value != null && !p.matcher(value).matches()) {
                throw new IllegalArgumentException(option + " '" + value + "' must be " + what);
            }
        }

        private void directives(StringBuilder sb) {
            sb.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
            directive(sb, "partition", partition);
            directive(sb, "time", time);
            directive(sb, "mem", mem);
            directive(sb, "account", account);
            directive(sb, "qos", qos);
        }
    }

    public SlurmScript {
        if (!NAME.matcher(jobName).matches()) {
            throw new IllegalArgumentException("job name '" + jobName + "' may use letters, digits, '-', '_', '.'");
        }
        if (shards < 1 || shards > 100_000) {
            throw new IllegalArgumentException("--shards must be 1..100000, got " + shards);
        }
        setup = List.copyOf(setup);
        for (String line : setup) {
            if (line.isBlank() || line.codePoints().anyMatch(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
                throw new IllegalArgumentException("--setup '" + line.replaceAll("\\p{Cntrl}|\\p{Zl}|\\p{Zp}", "?")
                        + "' must be one printable line (give --setup once per line)");
            }
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

    public static Builder builder() {
        return new Builder();
    }

    private static void word(String w) {
        if (!WORD.matcher(w).matches()) {
            throw new IllegalArgumentException("'" + w + "' cannot go into a shell script (use paths of letters, digits "
                    + "and _ . / : + = , @ -)");
        }
    }

    private static void directive(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append("#SBATCH --").append(name).append('=').append(value).append('\n');
        }
    }

    /** The array script's text: setup, java found, a preflight on the node, then the shard. */
    public String text() {
        StringBuilder sb = header("eqspice sweep as a Slurm job array: task i runs shard i/" + shards + ".\n"
                + "# Resubmitting resumes: finished points are skipped; eqspice merge " + results + "\n"
                + "# names the shards to resubmit (sbatch --array=i,j " + results.resolve("sweep.sbatch") + ").");
        sb.append("#SBATCH --array=0-").append(shards - 1).append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        resources.directives(sb);
        sb.append("#SBATCH --output=").append(results.resolve("slurm")).append("/%A_%a.out\n");
        body(sb);
        sb.append("# preflight: ngspice and Java on this node, before any point is claimed\n");
        sb.append("\"$java\" ").append(String.join(" ", launch)).append(" doctor >&2 || { echo \"eqspice: preflight failed on "
                + "$(hostname): see the doctor's lines above\" >&2; exit 2; }\n");
        sb.append("exec \"$java\" ").append(String.join(" ", launch)).append(" sweep ").append(experiment)
                .append(String.format(Locale.ROOT, " --shard \"$SLURM_ARRAY_TASK_ID/%d\"", shards))
                .append(" --workers \"${SLURM_CPUS_PER_TASK:-1}\" --out ").append(results).append('\n');
        return sb.toString();
    }

    /** The merge job's text: one small task that runs after every array task succeeded. */
    public String mergeText() {
        StringBuilder sb = header("Combines the shards of " + jobName + " into points.csv; submitted with "
                + "--dependency=afterok on the array job.");
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=1\n");
        directive(sb, "partition", resources.partition());
        directive(sb, "account", resources.account());
        directive(sb, "qos", resources.qos());
        sb.append("#SBATCH --time=0:30:00\n");
        sb.append("#SBATCH --output=").append(results.resolve("slurm")).append("/merge_%j.out\n");
        body(sb);
        sb.append("exec \"$java\" ").append(String.join(" ", launch)).append(" merge ").append(results).append('\n');
        return sb.toString();
    }

    private StringBuilder header(String comment) {
        StringBuilder sb = new StringBuilder("#!/bin/sh\n# ").append(comment).append('\n');
        sb.append("#SBATCH --job-name=").append(jobName).append('\n');
        return sb;
    }

    /** After the directives: fail on errors, the user's setup lines, java from JAVA_HOME or PATH, the work folder. */
    private void body(StringBuilder sb) {
        sb.append("set -eu\n");
        for (String line : setup) {
            sb.append(line).append('\n');
        }
        sb.append("if [ -n \"${JAVA_HOME:-}\" ] && [ -x \"$JAVA_HOME/bin/java\" ]; then java=\"$JAVA_HOME/bin/java\"; "
                + "else java=java; fi\n");
        sb.append("command -v \"$java\" >/dev/null 2>&1 || { echo \"eqspice: no java on $(hostname): set JAVA_HOME or "
                + "load it with --setup 'module load java/17'\" >&2; exit 2; }\n");
        sb.append("cd ").append(workDir).append('\n');
    }

    /** Collects a script's fields; {@link #build()} validates them. */
    public static final class Builder {
        private String jobName;
        private int shards;
        private int cpus = 1;
        private String partition;
        private String time;
        private String mem;
        private String account;
        private String qos;
        private final List<String> setup = new ArrayList<>();
        private Path workDir;
        private List<String> launch = List.of();
        private Path experiment;
        private Path results;

        private Builder() {
        }

        public Builder jobName(String v) {
            jobName = v;
            return this;
        }

        public Builder shards(int v) {
            shards = v;
            return this;
        }

        public Builder cpus(int v) {
            cpus = v;
            return this;
        }

        public Builder partition(String v) {
            partition = v;
            return this;
        }

        public Builder time(String v) {
            time = v;
            return this;
        }

        public Builder mem(String v) {
            mem = v;
            return this;
        }

        public Builder account(String v) {
            account = v;
            return this;
        }

        public Builder qos(String v) {
            qos = v;
            return this;
        }

        public Builder setup(List<String> lines) {
            setup.addAll(lines);
            return this;
        }

        public Builder workDir(Path v) {
            workDir = v;
            return this;
        }

        public Builder launch(List<String> v) {
            launch = v;
            return this;
        }

        public Builder experiment(Path v) {
            experiment = v;
            return this;
        }

        public Builder results(Path v) {
            results = v;
            return this;
        }

        public SlurmScript build() {
            return new SlurmScript(jobName, shards, new Resources(cpus, partition, time, mem, account, qos), setup,
                    workDir, launch, experiment, results);
        }
    }
}
