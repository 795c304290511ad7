package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.results.SmallDisk;
import eqspice.results.SweepTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on a real file system: a small tmpfs is filled up while a sweep (and a run)
 * writes into it. The sweep must stop with a message that says the disk is full and names the
 * folder; every row it wrote must be a point that really finished (the same values as an
 * uninterrupted sweep, its folder complete); no row may be torn and no .tmp file left. After
 * the space is freed, running the same command again must run exactly the unfinished points,
 * ending with one row per point, equal to the uninterrupted sweep.
 */
class FullDiskTest {
    // alpha so small that no point converges early: each point takes its full 200 epochs
    private static final String SWEEP = "name: full\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-15\n  beta: 1.0e-6\n  epochs: 200\n"
            + "sweep:\n  training.seed: {count: 10}\n  training.estimator: [positive, centered]\n";
    private static final String RUN = "name: fullrun\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-15\n  beta: 1.0e-6\n  epochs: 4000\n";

    @Test
    void aSweepOnAFullDiskStopsCleanlyAndResumesExactlyTheUnfinishedPoints(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("full.yaml");
        Files.writeString(file, SWEEP);
        assertEquals(0, SweepTables.sweep(dir, file, "reference", dir.resolve("log-reference.txt"), Map.of())
                .waitFor());
        Map<String, List<String>> reference = SweepTables.table(dir.resolve("reference/points.csv"));
        assertEquals(20, reference.size());

        StringBuilder why = new StringBuilder();
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 16, why)) {
            Assumptions.assumeTrue(disk != null, why::toString);
            Path out = disk.dir().resolve("out");
            Path log = dir.resolve("log-full.txt");
            Process p = SweepTables.sweep(dir, file, out.toString(), log, Map.of());
            waitForRows(p, out.resolve("points.csv"), 3);
            assertTrue(p.isAlive(), "the sweep finished before the disk could be filled; make it longer");
            disk.fill();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the sweep did not stop on the full disk");
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), text);
            assertTrue(text.contains("the sweep stopped") && text.contains("the disk is full (No space left on device)")
                    && text.contains("Results folder " + out), text);
            assertFalse(text.contains("Exception") || text.contains("\tat "), text);

            Map<String, List<String>> stopped = checkTable(out);
            assertTrue(stopped.size() >= 3 && stopped.size() < 20, "rows when the disk filled: " + stopped.size());
            stopped.forEach((id, row) -> assertEquals(reference.get(id), row,
                    "a row of the stopped sweep is the point's real result, not its I/O failure: " + id));
            assertNoTmpFiles(out);

            disk.free();
            Process again = SweepTables.sweep(dir, file, out.toString(), log, Map.of());
            assertTrue(again.waitFor(300, TimeUnit.SECONDS));
            String resumed = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, again.exitValue(), resumed);
            assertTrue(resumed.contains("20 points: " + stopped.size() + " already done, " + (20 - stopped.size())
                    + " run now (0 failed)"), resumed);
            assertEquals(reference, checkTable(out), "one row per point, the same as the uninterrupted sweep");
            assertFalse(Files.exists(out.resolve("points.rejected.csv")), "no row needed rejecting");
            assertNoTmpFiles(out);
        }
    }

    @Test
    void aRunOnAFullDiskSaysTheDiskIsFullAndLeavesOnlyWholeRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fullrun.yaml");
        Files.writeString(file, RUN);
        StringBuilder why = new StringBuilder();
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 4, why)) {
            Assumptions.assumeTrue(disk != null, why::toString);
            Path out = disk.dir().resolve("run");
            Path log = dir.resolve("log-run.txt");
            Process p = new ProcessBuilder(SweepTables.command("run", file.toString(), "--out", out.toString(),
                    "--quiet")).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            waitForRows(p, out.resolve("metrics.csv"), 5);
            assertTrue(p.isAlive(), "the run finished before the disk could be filled; make it longer");
            disk.fill();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not stop on the full disk");
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), text);
            assertTrue(text.contains("cannot write " + out.resolve("metrics.csv")
                    + ": the disk is full (No space left on device)"), text);
            List<Integer> epochs = epochs(out.resolve("metrics.csv"));
            assertTrue(epochs.size() >= 5 && epochs.size() < 4000, "rows when the disk filled: " + epochs.size());
            assertFalse(Files.exists(out.resolve("summary.json")) || Files.exists(out.resolve("conductances.csv")),
                    "a run that did not finish must not look finished");
            assertNoTmpFiles(out);

            disk.free();
            Process again = new ProcessBuilder(SweepTables.command("run", file.toString(), "--out", out.toString(),
                    "--quiet")).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(again.waitFor(300, TimeUnit.SECONDS));
            assertEquals(0, again.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            assertEquals(java.util.stream.IntStream.rangeClosed(1, 4000).boxed().toList(),
                    epochs(out.resolve("metrics.csv")), "every epoch exactly once");
            assertTrue(Files.exists(out.resolve("summary.json")) && Files.exists(out.resolve("conductances.csv")));
            assertNoTmpFiles(out);
        }
    }

    @Test
    void aReadOnlyFileSystemIsNamedAndTheSweepResumesWhenItIsWritableAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("full.yaml");
        Files.writeString(file, SWEEP.replace("count: 10", "count: 2"));
        StringBuilder why = new StringBuilder();
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 4, why)) {
            Assumptions.assumeTrue(disk != null, why::toString);
            Path out = disk.dir().resolve("out");
            Path log = dir.resolve("log.txt");
            assertEquals(0, SweepTables.sweep(dir, file, out.toString(), log, Map.of()).waitFor());
            Files.writeString(out.resolve("points.csv"), Files.readAllLines(out.resolve("points.csv")).get(0) + "\n");
            disk.remount(true); // the table lost its rows (all four points must run again) and cannot be written
            Process p = SweepTables.sweep(dir, file, out.toString(), log, Map.of());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), text);
            assertTrue(text.contains("the file system is read-only (Read-only file system)"), text);
            assertFalse(text.contains("Exception") || text.contains("\tat "), text);
            disk.remount(false);
            assertEquals(0, SweepTables.sweep(dir, file, out.toString(), log, Map.of()).waitFor(),
                    Files.readString(log, StandardCharsets.UTF_8));
            assertEquals(4, checkTable(out).size());
        }
    }

    /** The table, checked row by row as plot checks it (whole rows, no duplicate); every row's point folder complete. */
    private static Map<String, List<String>> checkTable(Path out) throws Exception {
        Path csv = out.resolve("points.csv");
        assertTrue(Files.readString(csv).endsWith("\n"), "a torn last row in " + csv);
        SweepTable.read(out); // throws, naming the line, for a torn, garbled or doubled row
        Map<String, List<String>> rows = SweepTables.table(csv);
        for (String id : rows.keySet()) {
            Path point = PointTrainer.pointDir(out, id);
            assertTrue(Files.exists(point.resolve("summary.json")) && Files.exists(point.resolve("conductances.csv")),
                    "point " + id + " has a row but did not finish");
        }
        return rows;
    }

    /** The epoch column of a metrics.csv whose every line is whole and as wide as its header. */
    private static List<Integer> epochs(Path metrics) throws Exception {
        String text = Files.readString(metrics, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), "a torn last row in " + metrics);
        List<String> rows = text.lines().filter(l -> !l.startsWith("#")).toList();
        int width = rows.get(0).split(",", -1).length;
        for (String r : rows) {
            assertEquals(width, r.split(",", -1).length, "a ragged row in " + metrics + ": " + r);
        }
        return rows.subList(1, rows.size()).stream().map(r -> Integer.parseInt(r.split(",")[0])).toList();
    }

    private static void waitForRows(Process p, Path csv, int rows) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline && dataRows(csv) < rows) {
            Thread.sleep(20);
        }
    }

    private static long dataRows(Path csv) throws Exception {
        if (!Files.exists(csv)) {
            return 0;
        }
        return Files.readAllLines(csv).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1;
    }

    private static void assertNoTmpFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> tmp = files.filter(f -> f.getFileName().toString().contains(".tmp")).toList();
            assertEquals(List.of(), tmp, "temporary files left behind");
        }
    }
}
