package eqspice.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.DiodeModel;
import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.network.Amplifier;
import eqspice.network.CrossbarLayout;
import eqspice.network.DiodePair;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import eqspice.task.Sample;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationBendTest {
    private static final double NVT = ShockleyDiode.VT;
    // tight enough that a 1e-4 V input step is resolved to a few parts in 1e6
    private static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-10, 1e-15, 1e-13);

    @Test
    void shareIsTheDiodesSmallSignalConductanceOverTheNodesTotal() {
        // upper diode forward-biased by 0.3 V: g_d = 1e-12 A / 25.865 mV * e^(0.3 / 0.025865) = 4.21e-6 S at 27 C
        double gd = 1e-12 / NVT * Math.exp(0.3 / NVT);
        assertEquals(4.21e-6, gd, 0.01e-6);
        assertEquals(gd / (1e-6 + gd), ActivationBend.share(1e-6, 0.3, -1.0, 1e-12, NVT), 1e-6 * gd / 1e-6);
        // both diodes count; far into reverse they take nothing, far forward nearly all
        assertEquals(ActivationBend.share(1e-6, 0.3, -1.0, 1e-12, NVT),
                ActivationBend.share(1e-6, -1.0, 0.3, 1e-12, NVT), 1e-18);
        assertEquals(0.0, ActivationBend.share(1e-3, -5, -5, 1e-12, NVT), 1e-60);
        assertTrue(ActivationBend.share(1e-3, 0.9, -5, 1e-12, NVT) > 0.999);
    }

    @Test
    void theRecordRefusesSharesOutOfOrderAndEmptyMeasurements() {
        assertThrows(IllegalArgumentException.class, () -> new ActivationBend(0.1, 0.2, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ActivationBend(1.5, 0.2, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ActivationBend(0.1, 0.05, 0, 1));
        assertTrue(new ActivationBend(0.009, 0.001, 2, 1).linear());
        assertFalse(new ActivationBend(0.011, 0.001, 2, 1).linear());
        assertTrue(new ActivationBend(0.009, 0.001, 2, 1).warning().orElseThrow().contains("linear one"));
        assertTrue(new ActivationBend(0.5, 0.2, 2, 1).warning().isEmpty());
    }

    /**
     * Against ngspice, independently of the formula: the share a node's diodes take is the
     * fraction by which they lower the node's small-signal gain from an input. With a backward
     * gain of 1e-9 the amplifier reflects no load onto the node, so a 1e-4 V step of input 0
     * moves the node by (1 - share) times what it moves without the diodes.
     */
    @Test
    void theShareIsTheGainTheDiodesTakeFromEveryHiddenNode() {
        for (double is : new double[] {1e-12, 1e-5, 1e-3}) {
            DiodePair pair = new DiodePair(new DiodeModel("dact", is, 1.0, 0.0), 0.05, -0.05,
                    DiodePair.Orientation.CLIPPING);
            NetworkSpec spec = Presets.kirazCase1().withHidden(List.of(3)).withActivation(Optional.of(pair))
                    .withAmplifier(Optional.of(new Amplifier(4.0, 1e-9)));
            LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-4, 3);
            double[] x = Presets.KIRAZ_CASE1_INPUTS;
            List<Sample> one = List.of(new Sample(x, Presets.KIRAZ_CASE1_TARGET));
            ActivationBend bend = ActivationBend.measure(SharedSession.get(), net, Fidelity.IDEAL, TIGHT, one)
                    .orElseThrow();
            assertEquals(3, bend.nodes());
            assertEquals(1, bend.samples());
            double[] withDiodes = gainOfInput0(net);
            double[] linear = gainOfInput0(new LayeredNetwork(spec.withActivation(Optional.empty()),
                    net.weights()));
            double largest = 0;
            for (int j = 0; j < 3; j++) {
                largest = Math.max(largest, 1 - withDiodes[j] / linear[j]);
            }
            assertEquals(largest, bend.largestShare(), 1e-4 + 1e-3 * largest, "IS " + is);
            assertEquals(is == 1e-12, bend.linear(), "IS " + is + ": " + bend);
        }
    }

    /** dV_h / dx_0 of every hidden node, by a 1e-4 V step of input 0. */
    private static double[] gainOfInput0(LayeredNetwork net) {
        CrossbarSession s = CrossbarSession.builder(SharedSession.get(), net).options(TIGHT).open();
        CrossbarLayout layout = new CrossbarLayout(net.spec());
        double[] x = Presets.KIRAZ_CASE1_INPUTS.clone();
        s.setNudge(new double[net.spec().outputs()]);
        s.setInputs(x);
        var before = s.solve();
        x[0] += 1e-4;
        s.setInputs(x);
        var after = s.solve();
        double[] gain = new double[3];
        for (int j = 0; j < 3; j++) {
            String h = layout.hiddenNode(1, j);
            gain[j] = (after.voltage(h) - before.voltage(h)) / 1e-4;
        }
        return gain;
    }
}
