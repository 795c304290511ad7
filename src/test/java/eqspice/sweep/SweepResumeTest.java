package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.cli.Main;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
        assertEquals(0, sweep(dir, file, reference).waitFor());

        Process p = sweep(dir, file, killed);
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

        assertEquals(0, sweep(dir, file, killed).waitFor());
        Map<String, List<String>> a = table(reference.resolve("points.csv"));
        Map<String, List<String>> b = table(csv);
        assertEquals(16, a.size());
        assertEquals(a, b, "same points, same values (wall time and worker aside)");
    }

    private static Process sweep(Path dir, Path file, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep", file.toString(),
                "--workers", "2", "--out", out.toString()));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log-" + out.getFileName() + ".txt").toFile()).start();
    }

    private static int rows(Path csv) throws Exception {
        return Files.exists(csv) ? Math.max(0, (int) Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).count() - 1) : 0;
    }

    /** Rows by point id, without the columns that legitimately differ between runs. */
    private static Map<String, List<String>> table(Path csv) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                List<String> cells = new ArrayList<>(rec.toMap().entrySet().stream()
                        .filter(e -> !e.getKey().equals("seconds") && !e.getKey().equals("worker"))
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
                assertTrue(out.put(rec.get("point_id"), cells) == null, "duplicate row " + rec.get("point_id"));
            }
        }
        return out;
    }
}
