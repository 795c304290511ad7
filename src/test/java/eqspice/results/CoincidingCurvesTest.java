package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which neighbouring loss curves the sweep plots draw as one line. */
class CoincidingCurvesTest {
    private static final List<Integer> EPOCHS = List.of(1, 2, 3);

    @Test
    void neighboursWithinATenthOfADecadeEverywhereShareALine() {
        List<List<Double>> medians = List.of(
                List.of(-1.0, -5.0, -20.0),
                List.of(-1.05, -5.09, -20.0),   // within 0.1 decade of the first at every epoch
                List.of(-1.0, -5.0, -19.0),     // a decade apart at the last epoch: its own line
                List.of(-1.0, -5.0, -19.08));   // close to the previous one, not to the first group
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), SweepPlots.coinciding(medians,
                List.of(EPOCHS, EPOCHS, EPOCHS, EPOCHS)));
    }

    @Test
    void aGroupIsMeasuredFromItsFirstCurveSoThatItCannotDrift() {
        // each step 0.06 decade: neighbours coincide, the third is 0.12 from the first
        List<List<Double>> medians = List.of(List.of(0.0), List.of(0.06), List.of(0.12));
        assertEquals(List.of(List.of(0, 1), List.of(2)), SweepPlots.coinciding(medians,
                List.of(List.of(1), List.of(1), List.of(1))));
    }

    @Test
    void curvesOverDifferentEpochsNeverShareALine() {
        assertEquals(List.of(List.of(0), List.of(1)), SweepPlots.coinciding(List.of(List.of(0.0, 0.0),
                List.of(0.0, 0.0)), List.of(List.of(1, 2), List.of(2, 3))));
    }
}
