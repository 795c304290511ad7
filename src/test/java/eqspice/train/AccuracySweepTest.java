package eqspice.train;

import eqspice.task.Sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.PhaseStrategy;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Test samples scored in one dc sweep per chunk give the accuracy and mean loss that one
 * fresh op per sample gives (real ngspice, tight tolerances), over more samples than a chunk.
 */
class AccuracySweepTest {
    private static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-9, 1e-14, 1e-11);

    @Test
    void sweptScoringAgreesWithOneOpPerSample() {
        NetworkSpec spec = Presets.kendall(8, 6, 3);
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, 5);
        SplittableRandom rnd = new SplittableRandom(9);
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s < 170; s++) {
            double[] x = new double[spec.inputs()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble(-3, 3);
            }
            double[] y = new double[spec.outputs()];
            y[rnd.nextInt(y.length)] = 1;
            samples.add(new Sample(x, y));
        }
        Accuracy swept = Accuracy.of(CrossbarSession.builder(SharedSession.get(), net).options(TIGHT)
                .strategy(PhaseStrategy.SWEEP).open(), samples);
        Accuracy single = Accuracy.of(CrossbarSession.builder(SharedSession.get(), net).options(TIGHT)
                .strategy(PhaseStrategy.EXTERNAL_OP).open(), samples);
        assertEquals(single.fraction(), swept.fraction());
        assertTrue(single.fraction() > 0 && single.fraction() < 1, "a score that can tell the two apart: "
                + single.fraction());
        assertEquals(single.meanLoss(), swept.meanLoss(), 1e-9 * single.meanLoss());
    }
}
