package eqspice.ngspice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.SolvedSequence;
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
        System.out.println("external calls " + ng.externalCalls() + " max time " + ng.externals().maxTime);
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
            System.out.println(k + " " + op.voltage("k") + " " + sw.voltage("k"));
            prev = op;
        }
        assertEquals(0.0, ng.externals().maxTime, "ngspice passes time 0 in DC analyses");
    }
}
