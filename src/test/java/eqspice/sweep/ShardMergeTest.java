package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {
    private static final Sweep SWEEP = Sweep.plan(Path.of("t.yaml"), ("name: s\nnetwork:\n  preset: kiraz-case1\n"
            + "task:\n  name: kiraz-case1\ntraining:\n  alpha: 1.0e-6\n  beta: 1.0e-3\n  epochs: 2\n"
            + "sweep:\n  training.seed: {count: 10}\n  training.estimator: [positive, centered]\n")
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void shardsPartitionThePoints() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            for (SweepPoint p : SWEEP.shard(new Shard(i, 4)).points()) {
                assertTrue(seen.add(p.id()), "point " + p.id() + " in two shards");
            }
        }
        assertEquals(20, seen.size());
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }

    @Test
    void mergeOrdersByPlanAndNamesMissingPointsAndTheirShards(@TempDir Path dir) {
        List<SweepPoint> pts = SWEEP.points();
        writeTwoShards(dir, pts);
        SweepMerge.Report r = SweepMerge.merge(SWEEP, dir);
        assertEquals(18, r.merged());
        assertEquals(2, r.missing().size());
        assertTrue(r.missing().get(0).startsWith(pts.get(0).id()), r.missing().toString());
        java.util.Set<Integer> owners = new java.util.TreeSet<>();
        for (SweepPoint p : pts.subList(0, 2)) {
            owners.add(new Shard(0, 2).contains(p.id()) ? 0 : 1);
        }
        assertEquals(List.copyOf(owners), r.shardsToResubmit(), "the shards that own the two missing points");
        assertEquals(List.of(), r.duplicated());
        List<String> lines = readLines(r.table());
        assertEquals(19, lines.size());
        assertTrue(lines.get(1).startsWith(pts.get(2).id() + ","), "plan order: " + lines.get(1));
    }

    @Test
    void aPointInTheTablesOfTwoSplitsIsNamedAsDuplicated(@TempDir Path dir) {
        List<SweepPoint> pts = SWEEP.points();
        writeTwoShards(dir, pts);
        // a table of an earlier split into one shard: its point 3 is in one of the two tables too
        try (PointsTable c = new PointsTable(dir.resolve("points-shard-0-of-1.csv"), SWEEP.shard(new Shard(0, 1)))) {
            c.append(pts.get(3), PointOutcome.failed(pts.get(3).id(), 0, 1, "again"));
        }
        SweepMerge.Report r = SweepMerge.merge(SWEEP, dir);
        assertEquals(1, r.duplicated().size());
        assertTrue(r.duplicated().get(0).startsWith(pts.get(3).id()), r.duplicated().toString());
        assertEquals(List.of(), r.shardsToResubmit(), "two splits: which shard to resubmit cannot be told");
    }

    /** Every point but the first two, each in its shard's table of a split into two, in reverse plan order. */
    private static void writeTwoShards(Path dir, List<SweepPoint> pts) {
        Shard first = new Shard(0, 2);
        try (PointsTable a = new PointsTable(dir.resolve("points-shard-0-of-2.csv"), SWEEP.shard(first));
             PointsTable b = new PointsTable(dir.resolve("points-shard-1-of-2.csv"), SWEEP.shard(new Shard(1, 2)))) {
            for (int k = pts.size() - 1; k >= 2; k--) {
                (first.contains(pts.get(k).id()) ? a : b).append(pts.get(k),
                        PointOutcome.failed(pts.get(k).id(), 0, 1, "r" + k));
            }
        }
    }

    @Test
    void aBadShardRowStopsTheMergeWithFileLineAndReasonBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Shard first = new Shard(0, 2);
        SweepPoint mine = SWEEP.shard(first).points().get(0);
        SweepPoint other = SWEEP.shard(new Shard(1, 2)).points().get(0);
        Path table = dir.resolve("points-shard-0-of-2.csv");
        try (PointsTable a = new PointsTable(table, SWEEP.shard(first))) {
            a.append(mine, PointOutcome.failed(mine.id(), 0, 1, "r"));
        }
        // a row of the other shard, copied in by hand (its own checks pass: only the shard is wrong)
        String row = Files.readAllLines(table).get(1).replace(mine.id(), other.id())
                .replace(SweepPoint.text(mine.parameters().get("training.seed")) + ",",
                        SweepPoint.text(other.parameters().get("training.seed")) + ",")
                .replace("," + SweepPoint.text(mine.parameters().get("training.estimator")) + ",",
                        "," + SweepPoint.text(other.parameters().get("training.estimator")) + ",");
        Files.writeString(table, row + "\n" + mine.id() + ",1,positive,ok,0.5\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(SWEEP, dir));
        assertTrue(e.getMessage().contains(table + " line 3: point " + other.id() + " belongs to another shard than 0/2"),
                e.getMessage());
        assertTrue(e.getMessage().contains(table + " line 4: 5 cells, expected 13"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("points.csv")), "nothing is written");
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
