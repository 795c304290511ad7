package eqspice.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Cccs;
import eqspice.circuit.Circuit;
import eqspice.circuit.Resistor;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.ngspice.NgspiceSession;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bidirectional amplifier between two resistive stages, as the crossbar builds it: VCVS e1
 * drives ao = A V(h), 0 V sense source va from ao to a, CCCS f1 draws b I(va) out of h.
 */
class AmplifierPowerTest {
    static final double A = 4.0;
    private static NgspiceSession ng;

    @BeforeAll
    static void open() {
        ng = SharedSession.get();
    }

    static Circuit pair(double backward) {
        return new Circuit("amp", List.of(new VoltageSource("vin", "in", "0", 1.0),
                new Resistor("r1", "in", "h", 1000), new Resistor("r2", "h", "0", 2000),
                new Vcvs("e1", "ao", "0", "h", "0", A), new VoltageSource("va", "ao", "a", 0.0),
                new Resistor("r3", "a", "o", 3000), new Resistor("r4", "o", "0", 1500),
                new Cccs("f1", "h", "0", "va", backward)), List.of(), LinearNetworkDiagnosticsTest.TIGHT, List.of());
    }

    @Test
    void powerConservingPairHasZeroNetPowerAndKeepsTheIdentity() {
        Circuit c = pair(A);
        Solution s = ng.solve(c);
        PowerBreakdown p = PowerBreakdown.of(c, s, PowerClass.byType());
        assertTrue(p.power(PowerClass.AMPLIFIER_VCVS) < 0, "the VCVS delivers power downstream");
        // The current read through the sense source is the VCVS's own branch current.
        assertEquals(s.current("e1"), p.element("e1").amps(), 1e-15);
        assertEquals(-s.current("va"), p.element("e1").amps(), 0.0);
        assertTrue(Math.abs(p.amplifierNet()) < 1e-9 * p.throughput(),
                "net " + p.amplifierNet() + " of throughput " + p.throughput());
        assertTrue(Math.abs(p.tellegenResidual()) < 1e-12 * p.largestTerm());
        assertTrue(p.worstRelativeNode().relative() < 1e-9, p.worstRelativeNode().toString());
        VariationalReport rep = VariationalCheck.run(ng, c, s, List.of("r1", "r2", "r3", "r4"), 1e-4,
                PowerClass.byType());
        assertTrue(rep.maxRelativeError() < 1e-6, rep.toString());
    }

    @Test
    void kendallPairCreatesPowerAndBreaksTheIdentityThroughTheAmplifier() {
        double b = 1 / A;
        Circuit c = pair(b);
        Solution s = ng.solve(c);
        PowerBreakdown p = PowerBreakdown.of(c, s, PowerClass.byType());
        // By hand from node voltages: the sense current is r3's current; the VCVS delivers
        // V(ao) I, the CCCS absorbs V(h) b I.
        double iSense = (s.voltage("a") - s.voltage("o")) / 3000;
        double net = -s.voltage("ao") * iSense + s.voltage("h") * b * iSense;
        assertTrue(Math.abs(net) > 0.1 * p.throughput(), "Kendall's pair is far from power-conserving: " + net);
        assertEquals(net, p.amplifierNet(), 1e-9 * Math.abs(net));
        assertEquals(-s.voltage("ao") * iSense, p.power(PowerClass.AMPLIFIER_VCVS), 1e-9 * Math.abs(net));
        assertTrue(Math.abs(p.tellegenResidual()) < 1e-12 * p.largestTerm());

        VariationalReport rep = VariationalCheck.run(ng, c, s, List.of("r1", "r2", "r3", "r4"), 1e-4,
                PowerClass.byType());
        ConductanceCheck r2 = rep.checks().get(1);
        assertTrue(r2.relativeError() > 1e-2, "the identity fails: " + r2);
        for (ConductanceCheck k : rep.checks()) {
            double amp = k.term(PowerClass.AMPLIFIER_VCVS) + k.term(PowerClass.AMPLIFIER_CCCS);
            // PCM - VDM is minus what the amplifier's elements take part in (Tellegen's difference form).
            assertEquals(k.difference(), -k.outsideCoContent(), 1e-6 * Math.abs(k.vdm()), k.element());
            assertEquals(k.difference(), -amp, 1e-6 * Math.abs(k.vdm()), k.element());
            assertEquals(0.0, k.term(PowerClass.VOLTAGE_SOURCES) + k.term(PowerClass.SENSE_SOURCES),
                    1e-9 * Math.abs(k.vdm()), "held nodes do not move");
        }
        Map<PowerClass, Double> influence = rep.classInfluence();
        assertTrue(influence.get(PowerClass.AMPLIFIER_CCCS) > 1e-2, influence.toString());
    }

    @Test
    void vcvsWithoutSenseSourceUsesTheReportedBranchCurrentOrIsRefused() {
        Circuit c = new Circuit("bare", List.of(new VoltageSource("vin", "in", "0", 0.5),
                new Resistor("r1", "in", "0", 1000), new Vcvs("e1", "out", "0", "in", "0", 2.0),
                new Resistor("r2", "out", "0", 500)), List.of(), LinearNetworkDiagnosticsTest.TIGHT, List.of());
        Solution s = ng.solve(c);
        assertTrue(s.currents().containsKey("e1"), "ngspice reports a VCVS's branch current: " + s.currents());
        ElementPower e = Branches.of(c, s, PowerClass.byType()).get(2);
        assertEquals(-1.0 / 500, e.amps(), 1e-12, "the VCVS pushes 2 mA out of its plus terminal");
        Solution stripped = new Solution(s.voltages(), Map.of("vin", s.current("vin")));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Branches.of(c, stripped, PowerClass.byType()));
        assertTrue(ex.getMessage().contains("e1 has no 0 V sense source"), ex.getMessage());
    }
}
