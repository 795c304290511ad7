package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker that dies loses at most its point: retried once, then recorded as failed with the reason. */
class WorkerCrashTest {
    private static final String YAML = "name: crash\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-9\n  beta: 1.0e-6\n  epochs: 60\n"
            + "sweep:\n  training.seed: {count: 6}\n  training.estimator: [positive, centered]\n";

    @Test
    void aPointThatKillsEveryWorkerIsRecordedAsFailedAndTheSweepGoesOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crash.yaml");
        Files.writeString(file, YAML);
        String doomed = Sweep.load(file).points().get(3).id();
        Process p = SweepTables.sweep(dir, file, "out", dir.resolve("log.txt"), Map.of("EQSPICE_FAULT_HALT_POINT", doomed));
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), "a sweep with a failed point exits with 1");
        List<String> rows = Files.readAllLines(dir.resolve("out/points.csv"));
        assertEquals(13, rows.size(), "every point has its row");
        String failed = rows.stream().filter(r -> r.startsWith(doomed)).findFirst().orElseThrow();
        assertTrue(failed.contains(",failed,") && failed.contains("killed by signal 6")
                && failed.contains("retried once"), failed);
        assertEquals(11, rows.stream().filter(r -> r.contains(",ok,")).count(), "the other points ran");
    }

    @Test
    void aWorkerKilledWithSigkillCostsNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crash.yaml");
        Files.writeString(file, YAML);
        Process p = SweepTables.sweep(dir, file, "out", dir.resolve("log.txt"), Map.of());
        Path csv = dir.resolve("out/points.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Optional<ProcessHandle> worker = Optional.empty();
        while (worker.isEmpty() && System.nanoTime() < deadline) {
            if (Files.exists(csv) && Files.readAllLines(csv).size() >= 3) {
                worker = p.toHandle().children().findFirst();
            }
            Thread.sleep(10);
        }
        assertTrue(worker.isPresent(), "no worker to kill");
        new ProcessBuilder("kill", "-KILL", Long.toString(worker.get().pid())).start().waitFor();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log.txt")));
        List<String> rows = Files.readAllLines(csv);
        assertEquals(13, rows.size());
        assertEquals(12, rows.stream().filter(r -> r.contains(",ok,")).count(), "the killed worker's point was retried");
        assertTrue(Files.readString(dir.resolve("log.txt")).contains("retrying once on a fresh worker"));
    }

}
