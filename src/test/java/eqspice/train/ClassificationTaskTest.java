package eqspice.train;

import eqspice.task.Sample;
import eqspice.task.Task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classification tasks: argmax scoring, held-out samples, and what a task may not be. */
class ClassificationTaskTest {
    private static Sample s(double[] x, double... y) {
        return new Sample(x, y);
    }

    @Test
    void argmaxTakesTheLargestOutputAndTheFirstOnTies() {
        assertEquals(2, Task.argmax(new double[] {-0.1, 0.3, 0.31}));
        assertEquals(0, Task.argmax(new double[] {0.5, 0.5}));
    }

    @Test
    void accuracyCountsRightClassesAndFailedSamplesAsWrong() {
        Accuracy a = new Accuracy();
        a.add(new double[] {0, 1, 0}, new double[] {0.2, 0.4, 0.39}, 0.3); // right although far from the targets
        a.add(new double[] {1, 0, 0}, new double[] {0.2, 0.4, 0.1}, 0.5);  // wrong
        a.addFailed();
        a.add(new double[] {0, 0, 1}, new double[] {-1, -1, 0}, 0.1);     // right
        assertEquals(0.5, a.fraction());
        assertEquals(0.3, a.meanLoss(), 1e-12, "mean over the three solved samples");
        Map<String, Double> cols = Accuracy.columns(a, null);
        assertEquals(Accuracy.COLUMNS, List.copyOf(cols.keySet()));
        assertTrue(cols.get("test_accuracy").isNaN());
    }

    @Test
    void aClassificationNeedsOneTargetPerClassAndTestSamplesOfTheSameWidths() {
        List<Sample> train = List.of(s(new double[] {1, 2}, 1, 0), s(new double[] {2, 1}, 0, 1));
        Task t = new Task("t", train, 0.5, List.of(s(new double[] {0, 0}, 0, 1)), 2);
        assertTrue(t.classification());
        assertFalse(Task.xor().classification());
        assertTrue(Task.xor().test().isEmpty());
        String m = assertThrows(IllegalArgumentException.class, () -> new Task("t", train, 0.5, List.of(), 3))
                .getMessage();
        assertTrue(m.contains("needs one per class"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> new Task("t", train, 0.5, List.of(s(new double[] {0}, 0, 1)), 2)).getMessage();
        assertTrue(m.contains("test sample 0 has 1 inputs"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new Task("t", train, 0.5, train, 0)).getMessage();
        assertTrue(m.contains("not a classification"), m);
    }
}
