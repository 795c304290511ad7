package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small Kiraz sweep submitted to a real single-node Slurm as a 4-task job array, merged, and
 * compared with a single-machine run. Starts Slurm with src/test/slurm/local-slurm.sh (which
 * installs slurm-wlm and munge when missing); skipped, saying why, when Slurm cannot start.
 */
class SlurmArrayTest {
    private static final String YAML = "name: slurm-kiraz\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-7\n  beta: 1.0e-3\n  epochs: 20\n"
            + "sweep:\n  training.seed: {count: 4}\n  training.estimator: [positive, centered]\n";
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir"), "src/test/slurm/local-slurm.sh");

    @Test
    void jobArrayShardsMergeToTheSingleMachineTable(@TempDir Path dir) throws Exception {
        boolean wasUp = run(dir, 30, "sinfo", "-h").exit() == 0;
        Out started = run(dir, 300, "sh", SCRIPT.toString(), "start");
        Assumptions.assumeTrue(started.exit() == 0, "Slurm cannot be started here (" + started.text().strip()
                + "); run src/test/slurm/local-slurm.sh start as root to enable this test");
        try {
            Path file = dir.resolve("slurm-kiraz.yaml");
            Files.writeString(file, YAML);
            Out submitted = eqspice(dir, 120, "slurm", file.toString(), "--shards", "4", "--out", "sharded", "--submit",
                    "--merge-job", "--mem", "1500M", "--setup", "echo setup-ran-on-$(hostname)");
            assertEquals(0, submitted.exit(), submitted.text());
            assertTrue(submitted.text().contains("looks node-local (under /tmp"), "a @TempDir is under /tmp: "
                    + submitted.text());
            String job = jobId(submitted.text(), "submitted job ");
            String mergeJob = jobId(submitted.text(), "submitted merge job ");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            for (String j : List.of(job, mergeJob)) {
                while (!run(dir, 30, "squeue", "-h", "-j", j).text().isBlank()) {
                    assertTrue(System.nanoTime() < deadline, "job " + j + " did not finish in 10 minutes");
                    Thread.sleep(500);
                }
            }
            String taskLogs = logs(dir.resolve("sharded/slurm"));
            assertTrue(taskLogs.contains("setup-ran-on-"), "every task runs the --setup lines first:\n" + taskLogs);
            assertTrue(taskLogs.contains("8 of 8 points merged"), "the chained merge job merged:\n" + taskLogs);
            Out merged = eqspice(dir, 120, "merge", dir.resolve("sharded").toString());
            assertEquals(0, merged.exit(), merged.text() + "\ntask logs:\n" + logs(dir.resolve("sharded/slurm")));
            assertTrue(merged.text().contains("8 of 8 points merged"), merged.text());
            Out single = eqspice(dir, 300, "sweep", file.toString(), "--workers", "2", "--out", "single");
            assertEquals(0, single.exit(), single.text());
            assertEquals(SweepTables.table(dir.resolve("single/points.csv")), SweepTables.table(dir.resolve("sharded/points.csv")));
        } finally {
            if (!wasUp) {
                run(dir, 60, "sh", SCRIPT.toString(), "stop");
            }
        }
    }

    private record Out(int exit, String text) {
    }

    private static String jobId(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' line in:\n" + output))
                .substring(prefix.length()).strip().split(" ")[0];
    }

    private static Out eqspice(Path dir, long seconds, String... args) throws Exception {
        return run(dir, seconds, SweepTables.command(args).toArray(String[]::new));
    }

    private static Out run(Path dir, long seconds, String... cmd) throws Exception {
        Path log = Files.createTempFile(dir, "out", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Out(-1, String.join(" ", cmd) + " timed out");
            }
            return new Out(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return new Out(-1, e.getMessage());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String logs(Path d) throws Exception {
        StringBuilder sb = new StringBuilder();
        if (Files.isDirectory(d)) {
            try (var s = Files.list(d)) {
                for (Path p : s.toList()) {
                    sb.append(p.getFileName()).append(":\n").append(Files.readString(p)).append('\n');
                }
            }
        }
        return sb.toString();
    }

}
