package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per results folder, with real processes: a second sweep (or a run, or a second
 * copy of a shard) into a folder that a sweep is writing is refused with exit code 2 and a
 * message naming the holder's pid, and the first completes with one row per point; a holder
 * killed with SIGKILL leaves a lock that the next sweep takes over, saying so.
 */
class OneWriterTest {
    // no point converges early (tiny alpha), so the sweep runs long enough to be caught running
    private static final String YAML = "name: one\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-15\n  beta: 1.0e-6\n  epochs: 200\n"
            + "sweep:\n  training.seed: {count: 10}\n  training.estimator: [positive, centered]\n";

    @Test
    void aSecondSweepIntoTheSameFolderIsRefusedAndTheFirstCompletes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.yaml");
        Files.writeString(file, YAML);
        Path out = dir.resolve("out");
        Process first = SweepTables.sweep(dir, file, "out", dir.resolve("log-first.txt"), Map.of());
        waitForHolder(first, out.resolve(".eqspice.lock"));

        Run second = run(dir, "sweep", file.toString(), "--workers", "2", "--out", "out");
        assertEquals(2, second.exit(), second.text());
        assertTrue(second.text().contains("eqspice: out is in use by eqspice sweep " + file + " (pid " + first.pid()
                + " on host "), second.text());
        assertFalse(second.text().contains("Exception"), second.text());
        Run run = run(dir, "run", file.toString(), "--out", "out", "--force");
        assertTrue(run.exit() == 2 && run.text().contains("defines a sweep"), run.text()); // not even a run file
        Run point = run(dir, "sweep", file.toString(), "--workers", "1", "--out", "out", "--shard", "0/2");
        assertEquals(2, point.exit(), point.text());
        assertTrue(point.text().contains("(pid " + first.pid() + " on host "), point.text());
        assertTrue(first.isAlive(), "the refusals were checked while the first sweep ran");

        assertTrue(first.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("log-first.txt")));
        assertEquals(planIds(file), SweepTables.table(out.resolve("points.csv")).keySet(), "one row per point");
        assertEquals("", Files.readString(out.resolve(".eqspice.lock")), "released: the lock file names nobody");
    }

    @Test
    void aKilledHoldersLockIsTakenOverWithANote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.yaml");
        Files.writeString(file, YAML);
        Path out = dir.resolve("out");
        Process first = SweepTables.sweep(dir, file, "out", null, Map.of());
        waitForHolder(first, out.resolve(".eqspice.lock"));
        List<ProcessHandle> workers = first.toHandle().descendants().toList();
        new ProcessBuilder("kill", "-KILL", Long.toString(first.pid())).start().waitFor();
        first.waitFor();
        for (ProcessHandle w : workers) { // orphaned workers stop by themselves when their coordinator dies
            w.onExit().get(10, TimeUnit.SECONDS);
        }
        Run again = run(dir, "sweep", file.toString(), "--workers", "2", "--out", "out");
        assertEquals(0, again.exit(), again.text());
        assertTrue(again.text().contains("eqspice: taking over the lock of out: its holder, eqspice sweep " + file
                + " (pid " + first.pid() + " on host "), again.text());
        assertTrue(again.text().contains("is no longer running"), again.text());
        assertEquals(planIds(file), SweepTables.table(out.resolve("points.csv")).keySet(), "one row per point");
    }

    @Test
    void shardsRunSideBySideButEachOnlyOnceAndMergeWaitsForThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.yaml");
        Files.writeString(file, YAML);
        Path out = dir.resolve("out");
        Process zero = shard(dir, file, "0/2", dir.resolve("log-0.txt"));
        Process one = shard(dir, file, "1/2", dir.resolve("log-1.txt"));
        waitForHolder(zero, out.resolve(".eqspice-shard-0-of-2.lock"));
        waitForHolder(one, out.resolve(".eqspice-shard-1-of-2.lock"));

        Run twice = run(dir, "sweep", file.toString(), "--workers", "1", "--out", "out", "--shard", "0/2");
        assertEquals(2, twice.exit(), twice.text());
        assertTrue(twice.text().contains("is in use by eqspice sweep " + file + " --shard 0/2 (pid " + zero.pid()),
                twice.text());
        Run whole = run(dir, "sweep", file.toString(), "--workers", "1", "--out", "out");
        assertEquals(2, whole.exit(), whole.text());
        assertTrue(whole.text().contains("(pid " + zero.pid()) && whole.text().contains("(pid " + one.pid()),
                whole.text());
        assertTrue(zero.isAlive() && one.isAlive(), "the refusals were checked while both shards ran");

        assertTrue(zero.waitFor(300, TimeUnit.SECONDS) && one.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, zero.exitValue(), Files.readString(dir.resolve("log-0.txt")));
        assertEquals(0, one.exitValue(), Files.readString(dir.resolve("log-1.txt")));
        Run merge = run(dir, "merge", "out");
        assertEquals(0, merge.exit(), merge.text());
        assertEquals(planIds(file), SweepTables.table(out.resolve("points.csv")).keySet(), "one row per point");
    }

    private record Run(int exit, String text) {
    }

    private static Run run(Path dir, String... args) throws Exception {
        Path log = Files.createTempFile(dir, "log-", ".txt");
        Process p = new ProcessBuilder(SweepTables.command(args)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", args) + " did not finish");
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Process shard(Path dir, Path file, String shard, Path log) throws Exception {
        return new ProcessBuilder(SweepTables.command("sweep", file.toString(), "--workers", "1", "--out", "out",
                "--shard", shard)).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    /** Waits until the lock file names the process (it holds the folder) and a first point is recorded. */
    private static void waitForHolder(Process p, Path lock) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline
                && !(Files.exists(lock) && Files.readString(lock).contains("pid=" + p.pid() + "\n"))) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the process ended before it could be caught holding " + lock);
    }

    private static Set<String> planIds(Path file) {
        Set<String> ids = new TreeSet<>();
        Sweep.load(file).points().forEach(pt -> ids.add(pt.id()));
        return ids;
    }
}
