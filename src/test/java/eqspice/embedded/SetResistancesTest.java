package eqspice.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.Resistor;
import eqspice.circuit.VoltageSource;
import eqspice.cosim.CoSimulator;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.BackendChoice.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code setResistances} (a weight update in one call) and {@code setSources} (a phase's
 * inputs) on the embedded solver and the co-simulator: only the listed indices change, a names list is resolved again after a new
 * load (the resistors may sit elsewhere), and unknown names are refused. Expected voltages are
 * the divider's by hand.
 */
class SetResistancesTest {
    private static final List<String> NAMES = List.of("rtop", "rbottom", "rspare");

    /** 1 V over rtop then rbottom to ground (rspare loads nothing: it hangs on a node of its own). */
    private static Circuit divider(boolean reversedOrder) {
        List<eqspice.circuit.Element> rs = new java.util.ArrayList<>(List.of(new Resistor("rtop", "in", "mid", 1000),
                new Resistor("rbottom", "mid", "0", 1000), new Resistor("rspare", "mid", "spare", 1000)));
        if (reversedOrder) {
            java.util.Collections.reverse(rs);
        }
        List<eqspice.circuit.Element> elements = new java.util.ArrayList<>();
        elements.add(new VoltageSource("v1", "in", "0", 1.0));
        elements.addAll(rs);
        return Circuit.of("divider", elements, List.of());
    }

    @Test
    void onlyTheListedIndicesChangeAndANewLoadResolvesAgain() {
        EmbeddedSimulator s = new EmbeddedSimulator();
        s.load(divider(false));
        assertEquals(0.5, s.operatingPoint().voltage("mid"), 1e-12);
        // index 1 (rbottom) to 3 kohm; the value at index 0 is not listed and must be ignored
        s.setResistances(NAMES, new int[] {1}, 1, new double[] {1.0, 3000, 0});
        assertEquals(0.75, s.operatingPoint().voltage("mid"), 1e-12);
        s.setResistances(NAMES, new int[] {0, 1}, 2, new double[] {3000, 1000, 0});
        assertEquals(0.25, s.operatingPoint().voltage("mid"), 1e-12);

        s.load(divider(true)); // the same names, other resistor indices
        s.setResistances(NAMES, new int[] {0}, 1, new double[] {9000, 0, 0});
        assertEquals(0.1, s.operatingPoint().voltage("mid"), 1e-12);
    }

    @Test
    void anUnknownNameOrABadValueIsRefusedByName() {
        EmbeddedSimulator s = new EmbeddedSimulator();
        s.load(divider(false));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> s.setResistances(List.of("rtop", "rnone"), new int[] {1}, 1, new double[] {1, 1}));
        assertTrue(unknown.getMessage().contains("rnone"), unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> s.setResistances(NAMES, new int[] {2}, 1, new double[] {1, 1, -5}));
        assertTrue(bad.getMessage().contains("rspare"), bad.getMessage());
    }

    @Test
    void theCoSimulatorsReferenceFollowsABulkUpdate() {
        CoSimulator cosim = new CoSimulator(new EmbeddedSimulator(), SharedSession.get(),
                new BackendChoice(Backend.COSIM, 1000, 1e-9, true));
        cosim.load(divider(false));
        assertEquals(0.0, cosim.checkNow(), 1e-9); // loads the reference
        cosim.setResistances(NAMES, new int[] {1}, 1, new double[] {0, 3000, 0}); // replayed by one command
        assertEquals(0.0, cosim.checkNow(), 1e-9);
        assertEquals(0.75, SharedSession.get().operatingPoint().voltage("mid"), 1e-9); // ngspice's own answer
    }

    /** The divider with 1 mA pushed into its middle node (i1 from ground to mid): V(mid) = V(v1) / 2 + 0.5 V. */
    private static Circuit pushed() {
        return Circuit.of("pushed", List.of(new VoltageSource("v1", "in", "0", 1.0),
                new eqspice.circuit.CurrentSource("i1", "0", "mid", 1e-3), new Resistor("rtop", "in", "mid", 1000),
                new Resistor("rbottom", "mid", "0", 1000)), List.of());
    }

    @Test
    void setSourcesSetsVoltageAndCurrentSourcesAndTheCoSimulatorFollows() {
        List<String> sources = List.of("v1", "i1");
        EmbeddedSimulator s = new EmbeddedSimulator();
        s.load(pushed());
        assertEquals(1.0, s.operatingPoint().voltage("mid"), 1e-12);
        s.setSources(sources, new int[] {0, 1}, 2, new double[] {2.0, 2e-3});
        assertEquals(2.0, s.operatingPoint().voltage("mid"), 1e-12);
        s.setSources(sources, new int[] {1}, 1, new double[] {9.0, 0.0}); // index 0 not listed: v1 stays 2 V
        assertEquals(1.0, s.operatingPoint().voltage("mid"), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.setSources(List.of("vnone"), new int[] {0}, 1, new double[] {1}));
        assertTrue(e.getMessage().contains("vnone"), e.getMessage());

        CoSimulator cosim = new CoSimulator(new EmbeddedSimulator(), SharedSession.get(),
                new BackendChoice(Backend.COSIM, 1000, 1e-9, true));
        cosim.load(pushed());
        assertEquals(0.0, cosim.checkNow(), 1e-9);
        cosim.setSources(sources, new int[] {0, 1}, 2, new double[] {3.0, -1e-3});
        assertEquals(0.0, cosim.checkNow(), 1e-9);
        assertEquals(1.0, SharedSession.get().operatingPoint().voltage("mid"), 1e-9); // 1.5 V - 0.5 V, ngspice's own
    }
}
