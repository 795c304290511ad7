package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.experiment.Experiment;
import eqspice.experiment.ExperimentLoader;
import eqspice.network.ConductanceTable;
import eqspice.network.LayeredNetwork;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL at random moments, again and again: after every kill each CSV
 * and JSON file parses, every point's experiment.yaml loads and a point's conductances.csv is
 * there only whole (what validate reads), and resuming completes the sweep with the same table
 * as a run that was never interrupted.
 *
 * <p>A kill at a random time after the start landed, on a busy machine, while the JVMs were still
 * starting or after the sweep had finished (measured: 0 of 24 kills mid-point, with delays of
 * 0.3 to 1.8 s, twice). So each kill waits until a point of this run is training, then a random 0 to 300
 * ms (a point takes about 0.4 s), and the test counts the kills that left a point cut off.
 */
class DurabilityTest {
    private static final String YAML = "name: dur\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-9\n  beta: 1.0e-6\n  epochs: 200\n"
            + "sweep:\n  training.seed: {count: 10}\n  training.estimator: [positive, centered]\n";
    // Each kill now lands mid-point, so 12 test more than the 24 timed ones did (and each costs a JVM start).
    private static final int KILLS = 12;
    private static final int POINTS = 20;

    @Test
    void randomKillsNeverLeaveAnUnreadableFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dur.yaml");
        Files.writeString(file, YAML);
        assertEquals(0, SweepTables.sweep(dir, file, "reference", null, Map.of()).waitFor());
        SplittableRandom rnd = new SplittableRandom(42);
        Path out = dir.resolve("killed");
        int midPoint = 0; // kills that left the sweep unfinished and a started point without its results
        for (int k = 0; k < KILLS; k++) {
            long started = System.currentTimeMillis();
            Process p = SweepTables.sweep(dir, file, "killed", null, Map.of());
            if (!awaitTraining(out, started, p)) {
                assertEquals(0, p.waitFor(), "a sweep that ran to its end");
                continue;
            }
            Thread.sleep(rnd.nextInt(300));
            List<ProcessHandle> workers = p.toHandle().descendants().toList();
            new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor();
            p.waitFor();
            for (ProcessHandle w : workers) { // orphaned workers stop by themselves when their coordinator dies
                w.onExit().get(10, TimeUnit.SECONDS);
            }
            assertEverythingParses(out);
            if (finishedRows(out) < POINTS && startedButUnfinished(out) > 0) {
                midPoint++;
            }
        }
        System.out.printf("%d of %d kills cut a point off mid-training%n", midPoint, KILLS);
        assertTrue(midPoint >= 4, "only " + midPoint + " of " + KILLS + " kills landed while a point was training");
        assertEquals(0, SweepTables.sweep(dir, file, "killed", null, Map.of()).waitFor());
        assertEquals(SweepTables.table(dir.resolve("reference/points.csv")), SweepTables.table(out.resolve("points.csv")));
    }

    /**
     * Waits until a point of the sweep started at {@code started} is training (its experiment.yaml
     * written since); false when the sweep ended first (nothing was left to run).
     */
    private static boolean awaitTraining(Path out, long started, Process sweep) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Path points = out.resolve("points");
            if (Files.isDirectory(points)) {
                try (Stream<Path> dirs = Files.list(points)) {
                    boolean training = dirs.map(d -> d.resolve("experiment.yaml")).anyMatch(y -> {
                        try {
                            return Files.getLastModifiedTime(y).toMillis() >= started
                                    && !Files.exists(y.resolveSibling("conductances.csv"));
                        } catch (java.io.IOException e) {
                            return false; // not written yet, or replaced while we looked
                        }
                    });
                    if (training) {
                        return true;
                    }
                }
            }
            if (!sweep.isAlive()) {
                return false;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no point started within 120 s");
    }

    /** Data rows of points.csv (0 when the sweep has not written it yet). */
    private static int finishedRows(Path out) throws Exception {
        Path table = out.resolve("points.csv");
        return Files.exists(table) ? SweepTables.table(table).size() : 0;
    }

    /** Point folders with an experiment.yaml (the point started) but no conductances.csv (it did not finish). */
    private static long startedButUnfinished(Path out) throws Exception {
        Path points = out.resolve("points");
        if (!Files.isDirectory(points)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(points)) {
            return dirs.filter(d -> Files.exists(d.resolve("experiment.yaml"))
                    && !Files.exists(d.resolve("conductances.csv"))).count();
        }
    }

    /** Every file parses; a sweep killed before it wrote anything leaves no folder, which is fine too. */
    private static void assertEverythingParses(Path out) throws Exception {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".csv")) {
                    String text = Files.readString(f);
                    assertTrue(text.isEmpty() || text.endsWith("\n"), "cut row in " + f);
                    int columns = -1;
                    try (Reader r = Files.newBufferedReader(f);
                         CSVParser p = CSVFormat.DEFAULT.builder().setCommentMarker('#').get().parse(r)) {
                        for (CSVRecord rec : p) {
                            columns = columns < 0 ? rec.size() : columns;
                            assertEquals(columns, rec.size(), "ragged row in " + f + ": " + rec);
                        }
                    }
                } else if (name.endsWith(".json")) {
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile()); // throws if cut
                } else if (name.equals("experiment.yaml")) {
                    Experiment exp = ExperimentLoader.load(f); // throws if cut
                    Path csv = f.resolveSibling("conductances.csv");
                    if (Files.exists(csv)) {
                        LayeredNetwork net = ConductanceTable.read(csv, exp.config().spec()); // throws if cut
                        assertEquals(exp.config().spec(), net.spec());
                        assertTrue(Files.exists(f.resolveSibling("summary.json")), "conductances without summary: " + f);
                    }
                }
            }
        }
    }

}
