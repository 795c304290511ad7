package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.experiment.ExperimentException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {
    private static final String BASE = "name: s\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-6\n  beta: 1.0e-3\n  epochs: 2\n";

    private static Sweep plan(String yaml) {
        return Sweep.plan(Path.of("experiments/t.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void cartesianProductWithRangesAndSeedCounts() {
        Sweep s = plan(BASE + "sweep:\n  training.beta: {log: [1.0e-6, 1.0e-2, 5]}\n  training.seed: {count: 3}\n"
                + "  training.estimator: [positive, centered]\n");
        assertEquals(5 * 3 * 2, s.points().size());
        // The log range hits its ends and the decades between exactly (12 significant digits).
        List<Double> betas = s.points().stream().map(p -> p.experiment().config().beta()).distinct().toList();
        assertEquals(List.of(1e-6, 1e-5, 1e-4, 1e-3, 1e-2), betas);
        assertEquals(Set.of(1L, 2L, 3L), s.points().stream().map(p -> p.experiment().config().seed())
                .collect(Collectors.toSet()));
        assertEquals(30, s.points().stream().map(SweepPoint::id).distinct().count(), "ids are unique");
        SweepPoint last = s.points().get(29);
        assertEquals("centered", last.experiment().config().estimator().id());
        assertEquals(1e-2, last.experiment().config().beta());
    }

    @Test
    void listValuedAxesSuchAsHiddenLayersGetDistinctIds() {
        Sweep s = plan(BASE + "sweep:\n  network.hidden: [[2], [2, 2], [2, 2, 2]]\n"
                + "  training.layer_scaling: [none, compensate]\n");
        assertEquals(6, s.points().size());
        assertEquals(6, s.points().stream().map(SweepPoint::id).distinct().count(), "ids are unique");
        assertEquals(List.of(List.of(2), List.of(2, 2), List.of(2, 2, 2)), s.points().stream()
                .map(p -> p.experiment().config().spec().hidden()).distinct().toList());
        assertEquals("[2,2]", SweepPoint.text(s.points().get(2).parameters().get("network.hidden")));
    }

    @Test
    void everyShardHasThePlansStudyColumnsAlsoWithoutItsDeepestPoints() {
        Sweep whole = plan(BASE + "study:\n  attribution: true\nsweep:\n  network.hidden: [[2], [2, 2, 2]]\n"
                + "  training.seed: {count: 4}\n");
        assertEquals(4, whole.deepestNetwork()); // 3 hidden layers: 4 crossbars
        List<String> columns = SweepRunner.studyColumns(whole);
        assertTrue(columns.contains("at_gmin_l3"), columns.toString());
        boolean sawShallowOnly = false;
        for (int i = 0; i < 8; i++) {
            Sweep part = whole.shard(new Shard(i, 8));
            if (part.points().isEmpty()) {
                continue; // eqspice sweep --shard says there is nothing to do and writes no table
            }
            if (part.points().stream()
                    .allMatch(p -> p.experiment().config().spec().hidden().size() == 1)) {
                sawShallowOnly = true;
            }
            assertEquals(4, part.deepestNetwork());
            assertEquals(columns, SweepRunner.studyColumns(part), "shard " + i);
        }
        assertTrue(sawShallowOnly, "no shard of 8 held only the 1-layer points: the test would not test the case");
    }

    @Test
    void integerEndsGiveIntegerValuesAndDeviceAndSolverFieldsSweep() {
        Sweep s = plan(BASE + "sweep:\n  training.epochs: {linear: [50, 200, 4]}\n"
                + "  network.activation.is: [1.0e-14, 1.0e-12]\n  solver.reltol: [1.0e-3, 1.0e-6]\n");
        assertEquals(List.of(50, 100, 150, 200), s.points().stream().map(p -> p.experiment().config().epochs())
                .distinct().toList());
        assertEquals(16, s.points().size());
        assertEquals(1e-6, s.points().get(1).experiment().config().solver().reltol());
    }

    @Test
    void idsDoNotDependOnTheOrderOfAxes() {
        Sweep a = plan(BASE + "sweep:\n  training.beta: [1.0e-3, 1.0e-2]\n  training.seed: [4, 5]\n");
        Sweep b = plan(BASE + "sweep:\n  training.seed: [4, 5]\n  training.beta: [1.0e-3, 1.0e-2]\n");
        assertEquals(a.points().stream().map(SweepPoint::id).collect(Collectors.toSet()),
                b.points().stream().map(SweepPoint::id).collect(Collectors.toSet()));
    }

    @Test
    void anImpossibleValueNamesTheFileTheFieldAndThePoint() {
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> plan(BASE + "sweep:\n  training.beta: [1.0e-3, -1.0]\n"));
        assertTrue(e.getMessage().contains("experiments/t.yaml") && e.getMessage().contains("training.beta")
                && e.getMessage().contains("training.beta=-1.0"), e.getMessage());
        ExperimentException unknown = assertThrows(ExperimentException.class,
                () -> plan(BASE + "sweep:\n  training.betta: [1.0e-3]\n"));
        assertTrue(unknown.getMessage().contains("unknown field 'training.betta'"), unknown.getMessage());
        ExperimentException form = assertThrows(ExperimentException.class,
                () -> plan(BASE + "sweep:\n  training.beta: {log: [0, 1, 3]}\n"));
        assertTrue(form.getMessage().contains("from > 0"), form.getMessage());
    }

    @Test
    void aCutRowIsRejectedAndADuplicateRefused(@TempDir Path dir) throws Exception {
        Sweep s = plan(BASE + "sweep:\n  training.seed: [1, 2]\n");
        Path csv = dir.resolve("points.csv");
        try (PointsTable t = new PointsTable(csv, s)) {
            t.append(s.points().get(0), PointOutcome.failed(s.points().get(0).id(), 0, 1.0, "x"));
            assertThrows(IllegalStateException.class,
                    () -> t.append(s.points().get(0), PointOutcome.failed(s.points().get(0).id(), 0, 1.0, "x")));
        }
        // A row cut mid-way (no newline), as a power loss could leave it.
        Files.writeString(csv, s.points().get(1).id() + ",2,ok,0.1", StandardOpenOption.APPEND);
        try (PointsTable t = new PointsTable(csv, s)) {
            assertEquals(Set.of(s.points().get(0).id()), t.finished(), "the cut row's point runs again");
            assertEquals(1, t.rejected());
        }
        assertEquals(2, Files.readAllLines(csv).size());
        List<String> rejected = Files.readAllLines(dir.resolve("points.rejected.csv"));
        assertEquals(List.of("table,line,reason,row", "points.csv,3,cut off: the last line has no line break (the writer "
                + "was stopped while writing it),\"" + s.points().get(1).id() + ",2,ok,0.1\""), rejected);
    }
}
