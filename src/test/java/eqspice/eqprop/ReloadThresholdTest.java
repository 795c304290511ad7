package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eqspice.embedded.EmbeddedSimulator;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.NgspiceSession;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import org.junit.jupiter.api.Test;

/**
 * A session applies a weight update as its simulator finds cheaper: ngspice reloads the circuit
 * above 500 changed conductances, the embedded solver always sets them one by one; either way
 * the next phase solves the updated network (checked against a session opened on it).
 */
class ReloadThresholdTest {
    @Test
    void theSimulatorSaysWhenToReload() {
        LayeredNetwork net = LayeredNetwork.random(Presets.kendall(4, 3, 2), 1e-5, 1e-4, 1);
        assertEquals(NgspiceSession.RELOAD_ABOVE, CrossbarSession.builder(SharedSession.get(), net).open().reloadAbove());
        assertEquals(Integer.MAX_VALUE, CrossbarSession.builder(new EmbeddedSimulator(), net).open().reloadAbove());
    }

    /** Every conductance of a 64x2-32-10 network changed (2,740 of them, above ngspice's threshold), set one by one. */
    @Test
    void anEmbeddedSessionSetsALargeUpdateAndSolvesTheNewNetwork() {
        NetworkSpec spec = Presets.kendall(64, 32, 10);
        LayeredNetwork before = LayeredNetwork.random(spec, 1e-5, 1e-4, 2);
        LayeredNetwork after = LayeredNetwork.random(spec, 1e-5, 1e-4, 3);
        double[] x = new double[spec.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.cos(i);
        }
        CrossbarSession updated = CrossbarSession.builder(new EmbeddedSimulator(), before).open();
        updated.setInputs(x);
        updated.solve();
        updated.setNetwork(after);
        Solution got = updated.solve();
        CrossbarSession fresh = CrossbarSession.builder(new EmbeddedSimulator(), after).open();
        fresh.setInputs(x);
        Solution want = fresh.solve();
        for (String node : want.voltages().keySet()) {
            assertEquals(want.voltage(node), got.voltage(node), 1e-12, node);
        }
    }
}
