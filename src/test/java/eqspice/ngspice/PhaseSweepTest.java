package eqspice.ngspice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.Recovery;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.StepFailedException;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dc sweep over external sources against one operating point per phase, on the real libngspice. */
class PhaseSweepTest {
    private static NgspiceSession ng;
    private static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-9, 1e-15, 1e-12);

    @BeforeAll
    static void open() {
        ng = SharedSession.get();
    }

    /** vin -> 1k -> k; a diode from k to ground; iin injects into k. */
    private static Circuit diodeCircuit(boolean external) {
        VoltageSource vin = new VoltageSource("vin", "a", "0", 0.0);
        CurrentSource iin = new CurrentSource("iin", "0", "k", 0.0);
        List<Element> els = new ArrayList<>(List.of(external ? vin.asExternal() : vin, new Resistor("r1", "a", "k", 1000),
                new Diode("d1", "k", "0", "dm"), external ? iin.asExternal() : iin));
        return new Circuit("diode", els, List.of(new DiodeModel("dm", 1e-14, 1.0, 0)), TIGHT, List.of());
    }

    @Test
    void sweepStepsEqualOneOperatingPointEachAndSeeEarlierSteps() {
        double[] v = {0.2, 1.0, 2.0, -1.0, 0.5};
        List<Integer> seen = new ArrayList<>();
        ng.load(diodeCircuit(true));
        SolvedSequence seq = ng.solveSequence(v.length, (k, solved) -> {
            seen.add(solved.size());
            // step k's current depends on step k-1's node voltage: a nudged phase after its free phase
            double i = k == 0 ? 0 : 1e-4 * solved.get(k - 1).voltage("k");
            return Map.of("vin", v[k], "iin", i);
        });
        assertEquals(List.of(0, 1, 2, 3, 4), seen);
        ng.load(diodeCircuit(false));
        Solution prev = null;
        for (int k = 0; k < v.length; k++) {
            ng.setSource("vin", v[k]);
            ng.setSource("iin", k == 0 ? 0 : 1e-4 * prev.voltage("k"));
            Solution op = ng.operatingPoint();
            Solution sw = seq.get(k);
            assertEquals(op.voltages().keySet(), sw.voltages().keySet());
            for (String node : op.voltages().keySet()) {
                assertEquals(op.voltage(node), sw.voltage(node), 1e-9 * Math.abs(op.voltage(node)) + 1e-15,
                        "step " + k + " node " + node);
            }
            prev = op;
        }
        assertEquals(0.0, ng.externals().maxTime, "ngspice passes time 0 in DC analyses");
    }

    /**
     * Step 1 draws 1 mA out of a node whose only other element is a reverse-biased diode, with
     * gmin 0: no operating point exists (the diode passes at most IS). The sweep stops there, the
     * recovery ladder is climbed for that step, and the failure names step 1 and keeps step 0.
     */
    @Test
    void aStepWithoutSolutionIsNamedAndTheSessionGoesOn() {
        SolverOptions noGmin = new SolverOptions(true, 1e-3, 1e-12, 1e-6, 0, 100);
        ng.load(new Circuit("no solution", List.of(new CurrentSource("iin", "k", "0", 0.0).asExternal(),
                new Diode("d1", "k", "0", "dm"), new Resistor("r1", "0", "m", 1000),
                new VoltageSource("vm", "m", "0", 0.0).asExternal()), List.of(new DiodeModel("dm", 1e-14, 1.0, 0)), noGmin,
                List.of()));
        double[] amps = {0, 1e-3, 0};
        StepFailedException e = assertThrows(StepFailedException.class,
                () -> ng.solveSequence(3, (k, solved) -> Map.of("iin", amps[k], "vm", 0.25)));
        assertEquals(1, e.step());
        assertEquals(1, e.solvedBefore().size());
        assertEquals(0.25, e.solvedBefore().get(0).voltage("m"), 1e-12);
        assertTrue(e.getMessage().startsWith("step 1 of 3 failed"), e.getMessage());
        assertTrue(e.getMessage().contains("relaxed (reltol=0.01 itl1=1000)"), "every rung was tried: " + e.getMessage());
        SolvedSequence after = ng.solveSequence(2, (k, solved) -> Map.of("iin", 0.0, "vm", 0.5 * k));
        assertEquals(0.0, after.get(0).voltage("m"), 1e-12);
        assertEquals(0.5, after.get(1).voltage("m"), 1e-12);
        assertTrue(after.recoveries().stream().allMatch(r -> r == Recovery.DIRECT || r == Recovery.OP),
                after.recoveries().toString());
    }
}
