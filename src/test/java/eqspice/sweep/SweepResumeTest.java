package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep killed with SIGKILL and resumed ends with the same table as an uninterrupted run. */
class SweepResumeTest {
    private static final String YAML = "name: resume\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-7\n  beta: 1.0e-3\n  epochs: 40\n"
            + "sweep:\n  training.seed: {count: 8}\n  training.estimator: [positive, centered]\n";

    @Test
    void killedAndResumedEqualsUninterrupted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("resume.yaml");
        Files.writeString(file, YAML);
        Path reference = dir.resolve("reference");
        Path killed = dir.resolve("killed");
        assertEquals(0, SweepTables.sweep(dir, file, reference.toString(), dir.resolve("log-reference.txt"), Map.of()).waitFor());

        Process p = SweepTables.sweep(dir, file, killed.toString(), dir.resolve("log-killed.txt"), Map.of());
        Path csv = killed.resolve("points.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(csv) < 3 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the sweep finished before it could be killed; make it longer");
        new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor();
        p.waitFor();
        int before = rows(csv);
        assertTrue(before >= 3 && before < 16, "rows at the kill: " + before);

        assertEquals(0, SweepTables.sweep(dir, file, killed.toString(), dir.resolve("log-killed.txt"), Map.of()).waitFor());
        Map<String, List<String>> a = SweepTables.table(reference.resolve("points.csv"));
        Map<String, List<String>> b = SweepTables.table(csv);
        assertEquals(16, a.size());
        assertEquals(a, b, "same points, same values (wall time and worker aside)");
    }


    private static int rows(Path csv) throws Exception {
        return Files.exists(csv) ? Math.max(0, (int) Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).count() - 1) : 0;
    }

}
