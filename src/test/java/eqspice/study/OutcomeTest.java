package eqspice.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.network.ConductanceMatrix;
import eqspice.network.LayeredNetwork;
import eqspice.network.Presets;
import eqspice.task.Task;
import eqspice.train.EpochMetrics;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outcome rules on made-up loss histories and final networks (each rule, and their order). */
class OutcomeTest {
    private static final TrainingConfig CFG = TrainingConfig.builder(Presets.kirazCase1(), Task.kirazCase1())
            .alpha(1e-9).beta(1e-6).epochs(20).init(1e-5, 1e-4).build();
    private static final LayeredNetwork INNER = LayeredNetwork.random(CFG.spec(), 1e-5, 1e-4, 1);

    private static TrainingResult run(double[] loss, int lastFailed, LayeredNetwork end) {
        List<EpochMetrics> h = new ArrayList<>();
        for (int k = 0; k < loss.length; k++) {
            h.add(new EpochMetrics(k + 1, loss[k], 0, 0, k == loss.length - 1 ? lastFailed : 0, 1, 1e-6, 1e-3, 0, 0,
                    Map.of()));
        }
        boolean converged = loss[loss.length - 1] <= CFG.convergedLoss() && lastFailed == 0;
        return new TrainingResult(end, h, converged, -1, lastFailed, 0, "", Map.of());
    }

    private static double[] falling(double from, double to, int n) {
        double[] l = new double[n];
        for (int k = 0; k < n; k++) {
            l[k] = from + (to - from) * k / (n - 1);
        }
        return l;
    }

    private static LayeredNetwork outputAtGmin() {
        ConductanceMatrix out = INNER.weights().get(1);
        return INNER.withWeights(List.of(INNER.weights().get(0),
                ConductanceMatrix.filled(out.rows(), out.columns(), CFG.spec().bounds().gMin())));
    }

    @Test
    void eachRuleInItsOrder() {
        assertEquals(Outcome.CONVERGED, Outcome.of(CFG, run(falling(0.3, 1e-4, 20), 0, INNER)));
        assertEquals(Outcome.SOLVER_FAILED, Outcome.of(CFG, run(falling(0.3, 1e-4, 20), 2, INNER)));
        assertEquals(Outcome.NON_FINITE, Outcome.of(CFG, run(new double[] {0.3, Double.NaN}, 0, INNER)));
        assertEquals(Outcome.CLIPPED_DEAD, Outcome.of(CFG, run(falling(0.3, 0.5, 20), 0, outputAtGmin())));
        assertEquals(Outcome.DIVERGED, Outcome.of(CFG, run(falling(0.3, 0.5, 20), 0, INNER)));
        assertEquals(Outcome.STALLED, Outcome.of(CFG, run(falling(0.3, 0.1, 20), 0, INNER)));
        double[] zigzag = falling(0.3, 0.1, 20);
        for (int k = 15; k < 20; k++) {
            zigzag[k] = k % 2 == 0 ? 0.1 : 0.2;
        }
        assertEquals(Outcome.OSCILLATING, Outcome.of(CFG, run(zigzag, 0, INNER)));
        assertEquals("clipped-dead", Outcome.CLIPPED_DEAD.id());
    }

    @Test
    void oscillationNeedsTurnsAndARangeOverTheLastQuarter() {
        assertFalse(Outcome.oscillates(new double[] {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1})); // window 3: too short
        double[] small = new double[40];
        for (int k = 0; k < 40; k++) {
            small[k] = 0.1 + (k % 2) * 0.001; // turns at every step, range 1 %
        }
        assertFalse(Outcome.oscillates(small));
        small[39] = 0.2;
        assertTrue(Outcome.oscillates(small));
    }

    @Test
    void boundSharesAndTheStudysSizeRefusal() {
        assertEquals(1.0, Outcome.atBoundShare(outputAtGmin().weights().get(1), CFG.spec().bounds(), true));
        assertEquals(0.0, Outcome.atBoundShare(outputAtGmin().weights().get(1), CFG.spec().bounds(), false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Study(true, true, 10).checkSize(12));
        assertTrue(e.getMessage().contains("12 conductances") && e.getMessage().contains("study.max_conductances = 10"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Study(false, true, 10));
    }
}
