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
 */
class DurabilityTest {
    private static final String YAML = "name: dur\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-9\n  beta: 1.0e-6\n  epochs: 40\n"
            + "sweep:\n  training.seed: {count: 10}\n  training.estimator: [positive, centered]\n";
    private static final int KILLS = 24;

    @Test
    void randomKillsNeverLeaveAnUnreadableFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dur.yaml");
        Files.writeString(file, YAML);
        assertEquals(0, SweepTables.sweep(dir, file, "reference", null, Map.of()).waitFor());
        SplittableRandom rnd = new SplittableRandom(42);
        Path out = dir.resolve("killed");
        for (int k = 0; k < KILLS; k++) {
            Process p = SweepTables.sweep(dir, file, "killed", null, Map.of());
            Thread.sleep(300 + rnd.nextInt(1500));
            List<ProcessHandle> workers = p.toHandle().descendants().toList();
            new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor();
            p.waitFor();
            for (ProcessHandle w : workers) { // orphaned workers stop by themselves when their coordinator dies
                w.onExit().get(10, TimeUnit.SECONDS);
            }
            assertEverythingParses(out);
        }
        assertEquals(0, SweepTables.sweep(dir, file, "killed", null, Map.of()).waitFor());
        assertEquals(SweepTables.table(dir.resolve("reference/points.csv")), SweepTables.table(out.resolve("points.csv")));
    }

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
