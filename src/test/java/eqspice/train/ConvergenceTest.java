package eqspice.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.results.LossFloor;
import eqspice.task.Sample;
import eqspice.task.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvergenceTest {
    private static EpochMetrics epoch(int k, double loss, double correct, int failed) {
        return new EpochMetrics(k, loss, 0.1, correct, failed, 1, 1e-6, 1e-3, 0.01);
    }

    @Test
    void labelTasksConvergeWhenEverySampleIsRightRegressionsByTheirLoss() {
        assertTrue(Convergence.labelled(Task.xor()), "XOR: targets 0 V / 1 V, tolerance 0.5 V");
        assertFalse(Convergence.labelled(Task.kirazCase1()), "one target value: a regression");
        assertFalse(Convergence.labelled(new Task("two-levels-tight", List.of(new Sample(new double[] {0}, new double[] {0}),
                new Sample(new double[] {1}, new double[] {1})), 0.05)), "two levels, but a tolerance far under their gap");
        Convergence xor = new Convergence(true, 1e-3);
        assertTrue(xor.met(epoch(1, 0.0175, 1.0, 0)), "4/4 right at a loss of 0.0175 V^2 has learned XOR");
        assertFalse(xor.met(epoch(1, 1e-6, 0.75, 0)));
        assertFalse(xor.met(epoch(1, 1e-6, 1.0, 2)), "an epoch with failed phases never counts");
        Convergence kiraz = new Convergence(false, 1e-3);
        assertTrue(kiraz.met(epoch(1, 9e-4, 0.0, 0)));
        assertFalse(kiraz.met(epoch(1, 2e-3, 1.0, 0)));
        EpochMetrics classified = epoch(1, 0.3, 0.2, 0).withDiagnostics(Map.of("train_accuracy", 1.0,
                "test_accuracy", 0.9, "test_loss_v2", 0.2));
        assertEquals(1.0, Convergence.accuracy(classified), "a classification's accuracy is its argmax accuracy");
        assertTrue(new Convergence(true, 1e-3).met(classified));
    }

    @Test
    void convergedAndItsEpochAgree() {
        Convergence rule = new Convergence(false, 1e-3);
        List<EpochMetrics> dippedAndLost = List.of(epoch(1, 0.5, 0, 0), epoch(2, 5e-4, 0, 0), epoch(3, 0.4, 0, 0));
        assertEquals(-1, rule.since(dippedAndLost), "met at epoch 2, lost at 3: not converged, no epoch");
        assertEquals(2, rule.firstReached(dippedAndLost));
        List<EpochMetrics> settled = List.of(epoch(1, 5e-4, 0, 0), epoch(2, 0.5, 0, 0), epoch(3, 5e-4, 0, 0),
                epoch(4, 1e-9, 0, 0));
        assertEquals(3, rule.since(settled), "the first epoch from which every later one met the rule");
    }

    @Test
    void lossesUnderTheFloorAreNotReportedAsNumbers() {
        assertEquals("below 1e-20 V^2", LossFloor.text(4.8e-30));
        assertEquals("0.2662 V^2", LossFloor.text(0.26619582));
        assertEquals("", LossFloor.ratio(0.2662, 4.8e-30), "no 5.5e28x: a ratio to round-off says nothing");
        assertEquals(" (20.7x lower)", LossFloor.ratio(0.3628, 0.01753));
    }
}
