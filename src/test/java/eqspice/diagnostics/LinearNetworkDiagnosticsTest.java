package eqspice.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.ngspice.Gauss;
import eqspice.ngspice.NgspiceSession;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A linear resistive network with two voltage sources and a current source, solved by ngspice
 * and, independently, by nodal analysis here. Solver tolerances are tightened to reltol 1e-9,
 * abstol 1e-15 A, vntol 1e-12 V (a linear circuit is then solved to double precision).
 */
class LinearNetworkDiagnosticsTest {
    static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-9, 1e-15, 1e-12);
    static final double VA = 5.0;
    static final double VD = -2.0;
    static final double IC = 1e-3; // injected into node c
    // name, node, node, ohms
    static final Object[][] R = {{"r1", "a", "b", 1000.0}, {"r2", "b", "c", 2200.0}, {"r3", "b", "0", 3300.0},
        {"r4", "c", "d", 4700.0}, {"r5", "c", "0", 1500.0}, {"r6", "a", "c", 6800.0}};

    private static NgspiceSession ng;
    private static Circuit circuit;
    private static Solution s;
    private static double vb;
    private static double vc;

    @BeforeAll
    static void solve() {
        ng = SharedSession.get();
        List<Element> els = new ArrayList<>();
        els.add(new VoltageSource("va", "a", "0", VA));
        els.add(new VoltageSource("vd", "d", "0", VD));
        els.add(new CurrentSource("i1", "0", "c", IC));
        for (Object[] r : R) {
            els.add(new Resistor((String) r[0], (String) r[1], (String) r[2], (Double) r[3]));
        }
        circuit = new Circuit("linear", els, List.of(), TIGHT, List.of());
        s = ng.solve(circuit);
        double g1 = 1 / 1000.0;
        double g2 = 1 / 2200.0;
        double g3 = 1 / 3300.0;
        double g4 = 1 / 4700.0;
        double g5 = 1 / 1500.0;
        double g6 = 1 / 6800.0;
        double[] x = Gauss.solve(new double[][] {
            {g1 + g2 + g3, -g2, g1 * VA},
            {-g2, g2 + g4 + g5 + g6, g4 * VD + g6 * VA + IC}});
        vb = x[0];
        vc = x[1];
    }

    private static double v(String node) {
        return switch (node) {
            case "a" -> VA;
            case "b" -> vb;
            case "c" -> vc;
            case "d" -> VD;
            default -> 0.0;
        };
    }

    @Test
    void tellegenKclAndPowerBalance() {
        assertEquals(vb, s.voltage("b"), 1e-12);
        assertEquals(vc, s.voltage("c"), 1e-12);
        PowerBreakdown p = PowerBreakdown.of(circuit, s, PowerClass.byType());
        assertTrue(Math.abs(p.tellegenResidual()) < 1e-12 * p.largestTerm(),
                "Tellegen residual " + p.tellegenResidual() + " vs largest term " + p.largestTerm());
        assertTrue(p.worstRelativeNode().relative() < 1e-9, p.worstRelativeNode().toString());

        double dissipated = 0;
        for (Object[] r : R) {
            double dv = v((String) r[1]) - v((String) r[2]);
            dissipated += dv * dv / (Double) r[3];
        }
        // Delivered by the sources, from the solution: a voltage source delivers -V I, the current source I V(c).
        double delivered = -VA * s.current("va") - VD * s.current("vd") + IC * s.voltage("c");
        assertEquals(dissipated, p.power(PowerClass.CONDUCTANCES), 1e-9 * dissipated);
        assertEquals(dissipated, delivered, 1e-9 * dissipated);
        assertEquals(-delivered, p.power(PowerClass.VOLTAGE_SOURCES) + p.power(PowerClass.CURRENT_SOURCES),
                1e-12 * dissipated);
        assertEquals(dissipated, p.throughput(), 1e-9 * dissipated, "only the resistors absorb power here");
        assertEquals(-IC * vc, p.power(PowerClass.CURRENT_SOURCES), 1e-9 * Math.abs(IC * vc));
    }

    @Test
    void pseudoPowerIsHalfTheConductanceTermsMinusTheInjection() {
        double expected = -IC * vc;
        for (Object[] r : R) {
            double dv = v((String) r[1]) - v((String) r[2]);
            expected += 0.5 * dv * dv / (Double) r[3];
        }
        PseudoPower pp = PseudoPower.of(circuit, Branches.of(circuit, s, PowerClass.byType()));
        assertEquals(expected, pp.circuitTotal(), 1e-10 * Math.abs(expected));
        assertEquals(pp.circuitTotal(), pp.pseudoPower(), 0.0, "no nudging sources in this circuit");
        assertEquals(pp.pseudoPower() + 0.5 * 0.25, pp.nudged(0.5, 0.25), 1e-15);
    }

    @Test
    void powerChangeMatchesVoltageDifferenceForEveryResistor() {
        ng.load(circuit);
        List<String> names = new ArrayList<>();
        for (Object[] r : R) {
            names.add((String) r[0]);
        }
        VariationalReport rep = VariationalCheck.run(ng, circuit, s, names, 1e-4, PowerClass.byType());
        for (int k = 0; k < R.length; k++) {
            ConductanceCheck c = rep.checks().get(k);
            double dv = v((String) R[k][1]) - v((String) R[k][2]);
            assertEquals(0.5 * dv * dv, c.vdm(), 1e-10 * c.vdm(), c.element());
            assertTrue(c.relativeError() < 1e-6, c.element() + ": PCM " + c.pcm() + " VDM " + c.vdm());
            assertTrue(Math.abs(c.closure()) < 1e-6 * c.vdm(), "Tellegen difference form: " + c.closure());
        }
        assertTrue(rep.maxRelativeError() < 1e-6, rep.toString());
        assertTrue(rep.medianRelativeError() <= rep.maxRelativeError());
        // The check restores every resistance: the same solution comes back.
        assertEquals(s.voltage("c"), ng.operatingPoint().voltage("c"), 0.0);
    }
}
