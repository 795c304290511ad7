package eqspice.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.network.Amplifier;
import eqspice.network.ConductanceBounds;
import eqspice.network.CrossbarCircuit;
import eqspice.network.DiodePair;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How {@link SchurSolver} splits a circuit, and the circuits it must leave to the sparse LU of
 * the whole system; the answers of both paths against ngspice at tight tolerances (1e-12 V).
 * The crossbars' agreement with ngspice, through the Schur path, is {@link EmbeddedVsNgspiceTest}'s.
 */
class SchurSolverTest {
    private static final double VOLTS = 1e-12;

    private static EmbeddedSimulator solved(Circuit c) {
        EmbeddedSimulator sim = new EmbeddedSimulator();
        sim.solve(c);
        return sim;
    }

    private static Circuit kendall(NetworkSpec spec) {
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-6, 1e-4, 5);
        double[] x = new double[spec.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i + 1.0);
        }
        return new CrossbarCircuit(spec).build(net, x, EmbeddedVsNgspiceTest.TIGHT, List.of());
    }

    /** A crossbar: one block per hidden node, the doubled output nodes as the separator, the amplifiers eliminated once. */
    @Test
    void aCrossbarSplitsIntoHiddenNodesAndOutputs() {
        SchurSolver s = solved(kendall(Presets.kendall(64, 32, 10))).schurInUse();
        assertNotNull(s);
        assertEquals(20, s.separatorSize());
        assertEquals(32, s.blocks());
        assertEquals(32, s.junctionUnknowns());
        assertEquals(4 * 32, s.linearUnknowns()); // per hidden node: amplifier output and input node, two branch currents
    }

    /**
     * Diodes with series resistance: the junctions sit on internal nodes, two per hidden node,
     * joined through it, and the lower junction's cathode is the hidden node itself; each hidden
     * node's three terminals are one block (with the junction between two of them stamped inside
     * it), and the answer matches ngspice.
     */
    @Test
    void seriesResistanceMakesBlocksOfThree() {
        DiodeModel rs = new DiodeModel("dact", 1e-14, 1.7, 50.0);
        NetworkSpec spec = new NetworkSpec(5, true, List.of(1.0), List.of(7), 3,
                Optional.of(new DiodePair(rs, 0.3, -0.2, DiodePair.Orientation.CLIPPING)),
                Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
        Circuit c = kendall(spec);
        EmbeddedSimulator sim = solved(c);
        SchurSolver s = sim.schurInUse();
        assertNotNull(s);
        assertEquals(7, s.blocks());
        assertEquals(21, s.junctionUnknowns()); // two internal nodes and the hidden node (a junction's cathode)
        assertEquals(6, s.separatorSize());
        assertEquals(4 * 7, s.linearUnknowns());
        assertAgrees(c, sim.operatingPoint());
    }

    /**
     * Warm solves keep the single-unknown blocks' elimination and update it only where a pivot
     * changed: over many samples of a network whose diodes conduct (so pivots do change), every
     * phase must match a fresh simulator's answer for the same sources, which sums from scratch.
     */
    @Test
    void incrementalEliminationMatchesFreshSolves() {
        NetworkSpec spec = new NetworkSpec(4, true, List.of(1.0), List.of(24), 2, Optional.of(DiodePair.DEFAULT),
                Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-3, 9);
        CrossbarCircuit cc = new CrossbarCircuit(spec);
        EmbeddedSimulator warm = new EmbeddedSimulator();
        warm.load(cc.build(net, new double[spec.inputs()], EmbeddedVsNgspiceTest.TIGHT, List.of()));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        double worst = 0;
        double clipped = 0;
        for (int sample = 0; sample < 60; sample++) {
            double[] x = new double[spec.inputs()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble(-2, 2);
            }
            for (double sign : new double[] {0, 1, -1}) {
                double[] nudge = {sign * 1e-6, -sign * 2e-6};
                cc.inputValues(x).forEach(warm::setSource);
                cc.nudgeValues(nudge).forEach(warm::setSource);
                Solution w = warm.operatingPoint();
                EmbeddedSimulator cold = new EmbeddedSimulator();
                cold.load(cc.build(net, x, EmbeddedVsNgspiceTest.TIGHT, List.of()));
                cc.nudgeValues(nudge).forEach(cold::setSource);
                Solution fresh = cold.operatingPoint();
                for (String node : fresh.voltages().keySet()) {
                    worst = Math.max(worst, Math.abs(fresh.voltage(node) - w.voltage(node)));
                    if (node.startsWith("h")) {
                        clipped = Math.max(clipped, Math.abs(fresh.voltage(node)));
                    }
                }
            }
        }
        System.out.printf("incremental elimination: %d incremental updates, worst |dV| %.2e V, largest |V(h)| %.3f V%n",
                warm.schurInUse().incrementalUpdates(), worst, clipped);
        assertTrue(clipped > 0.55, "the diodes must conduct: largest |V(h)| " + clipped);
        assertTrue(warm.schurInUse().incrementalUpdates() > 20, "incremental updates: "
                + warm.schurInUse().incrementalUpdates());
        assertTrue(worst <= VOLTS, "worst |dV| " + worst);
    }

    /**
     * A floating voltage source between two junction nodes: its branch row holds only entries in
     * the junctions' columns, so with the junctions taken out A_RR would be structurally singular;
     * the branch current joins the separator, and the answer matches ngspice.
     */
    @Test
    void aFloatingSourceBetweenJunctionsJoinsTheSeparator() {
        DiodeModel d = new DiodeModel("dm", 1e-12, 1.0, 0.0);
        Circuit c = new Circuit("floating source", List.of(new VoltageSource("v1", "in", "0", 1.0),
                new Resistor("r1", "in", "a", 1e3), new Diode("d1", "a", "0", "dm"),
                new VoltageSource("vf", "a", "b", 0.3), new Diode("d2", "b", "0", "dm"),
                new Resistor("r2", "b", "0", 1e4)), List.of(d), EmbeddedVsNgspiceTest.TIGHT, List.of());
        EmbeddedSimulator sim = solved(c);
        SchurSolver s = sim.schurInUse();
        assertNotNull(s);
        assertEquals(1, s.separatorSize());
        assertEquals(0, s.linearUnknowns());
        assertAgrees(c, sim.operatingPoint());
    }

    /**
     * Two VCVS whose rows are dependent over the linear unknowns (v(x) = 2 v(y) and
     * v(y) = 0.5 (v(x) - v(h))) until the junction node h enters: A_RR is numerically singular
     * although the circuit is not (it forces V(h) = 0), so the whole-system LU solves it.
     */
    @Test
    void aSingularLinearBlockFallsBackToTheWholeSystem() {
        DiodeModel d = new DiodeModel("dm", 1e-12, 1.0, 0.0);
        Circuit c = new Circuit("dependent vcvs", List.of(new VoltageSource("v1", "in", "0", 1.0),
                new Resistor("r1", "in", "h", 1e3), new Diode("d1", "h", "0", "dm"),
                new Vcvs("e1", "x", "0", "y", "0", 2.0), new Vcvs("e2", "y", "0", "x", "h", 0.5),
                new Resistor("rx", "x", "h", 2e3), new Resistor("ry", "y", "h", 3e3)), List.of(d),
                EmbeddedVsNgspiceTest.TIGHT, List.of());
        EmbeddedSimulator sim = solved(c);
        assertNull(sim.schurInUse());
        assertEquals(0.0, sim.operatingPoint().voltage("h"), 1e-12);
        assertAgrees(c, sim.operatingPoint());
    }

    /**
     * A 20 x 20 grid of resistors with a diode at every node: no small separator splits it into
     * blocks of a few junctions, so the planner declines and the whole-system LU solves it.
     */
    @Test
    void aGridOfJunctionsIsLeftToTheWholeSystem() {
        int side = 20;
        DiodeModel d = new DiodeModel("dm", 1e-12, 1.0, 0.0);
        List<Element> els = new ArrayList<>();
        els.add(new VoltageSource("v1", "in", "0", 2.0));
        els.add(new Resistor("rin", "in", "n0_0", 100));
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                String node = "n" + i + "_" + j;
                els.add(new Diode("d" + i + "_" + j, node, "0", "dm"));
                if (i + 1 < side) {
                    els.add(new Resistor("rv" + i + "_" + j, node, "n" + (i + 1) + "_" + j, 10 + i + j));
                }
                if (j + 1 < side) {
                    els.add(new Resistor("rh" + i + "_" + j, node, "n" + i + "_" + (j + 1), 20 + i));
                }
            }
        }
        Circuit c = new Circuit("grid", els, List.of(d), EmbeddedVsNgspiceTest.TIGHT, List.of());
        EmbeddedSimulator sim = solved(c);
        assertNull(sim.schurInUse());
        assertAgrees(c, sim.operatingPoint());
    }

    private static void assertAgrees(Circuit c, Solution embedded) {
        Solution ng = SharedSession.get().solve(c);
        double worst = 0;
        for (String node : ng.voltages().keySet()) {
            worst = Math.max(worst, Math.abs(ng.voltage(node) - embedded.voltage(node)));
        }
        System.out.printf("%s: worst |dV| %.2e V%n", c.title(), worst);
        assertTrue(worst <= VOLTS, c.title() + ": worst |dV| " + worst);
    }
}
