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
    void mergeOrdersByPlanAndNamesMissingAndDuplicatedPoints(@TempDir Path dir) {
        List<SweepPoint> pts = SWEEP.points();
        try (PointsTable a = new PointsTable(dir.resolve("points-shard-0-of-2.csv"), SWEEP.axes());
             PointsTable b = new PointsTable(dir.resolve("points-shard-1-of-2.csv"), SWEEP.axes())) {
            for (int k = pts.size() - 1; k >= 2; k--) { // reversed on purpose, and points 0 and 1 left out
                (k % 2 == 0 ? a : b).append(pts.get(k), PointOutcome.failed(pts.get(k).id(), 0, 1, "r" + k));
            }
            a.append(pts.get(3), PointOutcome.failed(pts.get(3).id(), 0, 1, "again"));
        }
        SweepMerge.Report r = SweepMerge.merge(SWEEP, dir);
        assertEquals(18, r.merged());
        assertEquals(2, r.missing().size());
        assertTrue(r.missing().get(0).startsWith(pts.get(0).id()), r.missing().toString());
        java.util.Set<Integer> owners = new java.util.TreeSet<>();
        for (SweepPoint p : pts.subList(0, 2)) {
            owners.add(new Shard(0, 2).contains(p.id()) ? 0 : 1);
        }
        assertEquals(List.copyOf(owners), r.shardsToResubmit(), "the shards that own the two missing points");
        assertEquals(1, r.duplicated().size());
        assertTrue(r.duplicated().get(0).startsWith(pts.get(3).id()), r.duplicated().toString());
        List<String> lines = readLines(r.table());
        assertEquals(19, lines.size());
        assertTrue(lines.get(1).startsWith(pts.get(2).id() + ","), "plan order: " + lines.get(1));
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
