package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed sweep trusts only rows it can check: every kind of bad row is moved to
 * points.rejected.csv with its line and reason, its point runs again, and the good rows stay.
 */
class PointsTableTest {
    private static final Sweep SWEEP = Sweep.plan(Path.of("t.yaml"), ("name: s\nnetwork:\n  preset: kiraz-case1\n"
            + "task:\n  name: kiraz-case1\ntraining:\n  alpha: 1.0e-6\n  beta: 1.0e-3\n  epochs: 2\n"
            + "sweep:\n  training.seed: [1, 2, 3, 4, 5, 6, 7, 8]\n").getBytes(StandardCharsets.UTF_8));

    private static SweepPoint point(int seed) {
        return SWEEP.points().get(seed - 1);
    }

    private static String row(SweepPoint p, String seed, String rest) {
        return p.id() + "," + seed + "," + rest + "\n";
    }

    @Test
    void everyKindOfBadRowIsRejectedWithItsReasonAndItsPointRunsAgain(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("points.csv");
        try (PointsTable t = new PointsTable(csv, SWEEP)) {
            for (int seed = 1; seed <= 3; seed++) {
                t.append(point(seed), PointOutcome.failed(point(seed).id(), 0, 1.0, "r" + seed));
            }
        }
        String ok = "ok,0.5,0.1,false,-1,0,1.0,0,,";
        StringBuilder bad = new StringBuilder();
        bad.append(row(point(4), "4", "ok,0.5")); // line 5: cut short (too few cells)
        bad.append("\"garbage,,\n"); // line 6: not a CSV row (a quote that never closes)
        bad.append(row(point(5), "9", ok)); // line 7: the plan has seed 5 for this id
        bad.append("0123456789ab,6," + ok + "\n"); // line 8: no such point
        bad.append(row(point(6), "6", "done,0.5,0.1,false,-1,0,1.0,0,,")); // line 9: status
        bad.append(row(point(7), "7", "ok,0.5,zero,false,-1,0,1.0,0,,")); // line 10: a loss that is not a number
        bad.append(row(point(1), "1", ok)); // line 11: point 1 again (its first row is line 2)
        bad.append(row(point(8), "8", "ok,0.5")); // line 12: cut off, no line break
        Files.writeString(csv, bad.substring(0, bad.length() - 1), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        try (PointsTable t = new PointsTable(csv, SWEEP)) {
            assertEquals(Set.of(point(2).id(), point(3).id()), t.finished(), "only rows that pass every check count");
            assertEquals(9, t.rejected());
        }
        List<CSVRecord> rejected = records(dir.resolve("points.rejected.csv"));
        List<String> reasons = new ArrayList<>();
        rejected.forEach(r -> reasons.add(r.get("line") + ": " + r.get("reason")));
        assertEquals(List.of(
                "2: point " + point(1).id() + " has 2 rows (lines 2, 11); which one is its result cannot be told, so it "
                        + "runs again",
                "5: 4 cells, expected 12 (point_id,training.seed,status,initial_loss_v2,final_loss_v2,converged,"
                        + "epochs_to_converge,failed_phases,seconds,worker,reason,recovered_phases)",
                "6: not a CSV row (a quoted cell does not end)",
                "7: training.seed is '9' but point " + point(5).id() + " has training.seed = 5 in the plan",
                "8: point 0123456789ab is not a point of this sweep",
                "9: status 'done' is neither ok nor failed",
                "10: final_loss_v2 'zero' is not a number",
                "11: point " + point(1).id() + " has 2 rows (lines 2, 11); which one is its result cannot be told, so "
                        + "it runs again",
                "12: cut off: the last line has no line break (the writer was stopped while writing it)"), reasons);
        assertEquals(row(point(4), "4", "ok,0.5").strip(), rejected.get(1).get("row"), "the row as it was found");
        assertEquals(3, Files.readAllLines(csv).size(), "header and the two good rows");

        try (PointsTable t = new PointsTable(csv, SWEEP)) { // reopened: nothing more to reject
            assertEquals(0, t.rejected());
            t.append(point(1), PointOutcome.failed(point(1).id(), 0, 1.0, "again"));
        }
        assertEquals(9, records(dir.resolve("points.rejected.csv")).size(), "rejections are kept, not rewritten");
    }

    @Test
    void aShardTableRejectsAnotherShardsPointAndAnUnfinishedPointGetsNoRow(@TempDir Path dir) throws Exception {
        Shard zero = new Shard(0, 2);
        SweepPoint mine = SWEEP.shard(zero).points().get(0);
        SweepPoint other = SWEEP.shard(new Shard(1, 2)).points().get(0);
        Path csv = dir.resolve("points-shard-0-of-2.csv");
        try (PointsTable t = new PointsTable(csv, SWEEP.shard(zero))) {
            assertThrows(IllegalArgumentException.class,
                    () -> t.append(mine, PointOutcome.unfinished(mine.id(), 0, 1.0, "the disk is full")));
            t.append(mine, PointOutcome.failed(mine.id(), 0, 1.0, "r"));
        }
        Files.writeString(csv, row(other, SweepPoint.text(other.parameters().get("training.seed")),
                "ok,0.5,0.1,false,-1,0,1.0,0,,"), java.nio.file.StandardOpenOption.APPEND);
        try (PointsTable t = new PointsTable(csv, SWEEP.shard(zero))) {
            assertEquals(Set.of(mine.id()), t.finished());
        }
        List<CSVRecord> rejected = records(dir.resolve("points-shard-0-of-2.rejected.csv"));
        assertEquals("point " + other.id() + " is not a point of this shard", rejected.get(0).get("reason"));
    }

    @Test
    void anotherSweepsTableIsRefusedNotRewritten(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("points.csv");
        String foreign = "point_id,training.beta,status\n0123456789ab,0.1,ok\n";
        Files.writeString(csv, foreign);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PointsTable(csv, SWEEP));
        assertTrue(e.getMessage().contains("line 1: the columns [point_id, training.beta, status] are not this "
                + "sweep's"), e.getMessage());
        assertEquals(foreign, Files.readString(csv));
    }

    private static List<CSVRecord> records(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return p.getRecords();
        }
    }
}
