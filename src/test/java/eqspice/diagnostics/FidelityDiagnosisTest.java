package eqspice.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Cccs;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.Element;
import eqspice.circuit.SinhConductor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.SubcircuitCall;
import eqspice.circuit.VoltageSource;
import eqspice.eqprop.Phase;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Fidelity;
import eqspice.network.FidelityParameters;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import eqspice.task.Sample;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The power terms of the realistic circuits (op-amp subcircuits and their rails, 1N4148 diodes,
 * sinh devices) on Kiraz's 2-2-1 network, solved by libngspice and compared with a hand
 * computation from the solution's node voltages and source currents.
 */
class FidelityDiagnosisTest {
    private static final SolverOptions TIGHT = new SolverOptions(false, 1e-9, 1e-15, 1e-12, 1e-12, 200);
    private static final NetworkSpec SPEC = Presets.kirazCase1();
    private static final LayeredNetwork NET = LayeredNetwork.random(SPEC, 1e-5, 1e-4, 3);

    /**
     * Behavioural level: each class's power equals the hand computation, and the hand terms sum
     * to zero (Tellegen). By hand, the bidirectional amplifier subcircuits absorb, at their output
     * pins, -V(ao) I(va); at their input pins V(h) times the backward current they draw, which is
     * what the sinh devices and diodes deliver into h (KCL, their currents from their law and
     * their series bias sources); at the shared rails what the rail sources deliver. A diode's
     * current is its series bias source's.
     */
    @Test
    void behaviouralPowersMatchTheHandComputationAndSumToZero() {
        Solved solved = solve(Fidelity.Level.BEHAVIOURAL);
        Circuit c = solved.circuit();
        Solution s = solved.solution();
        PowerBreakdown p = solved.power();

        Map<PowerClass, Double> hand = new EnumMap<>(PowerClass.class);
        for (Element e : c.elements()) {
            double w;
            PowerClass cls;
            if (e instanceof SinhConductor b) {
                double v = s.voltage(b.a()) - s.voltage(b.b());
                w = v * b.g() * b.v0() * Math.sinh(v / b.v0());
                cls = PowerClass.CONDUCTANCES;
            } else if (e instanceof Diode d) {
                VoltageSource bias = (VoltageSource) c.element("v" + d.name());
                double i = bias.plus().equals(d.cathode()) ? s.current(bias.name()) : -s.current(bias.name());
                w = (s.voltage(d.anode()) - s.voltage(d.cathode())) * i;
                cls = PowerClass.DIODES;
            } else if (e instanceof VoltageSource v) {
                w = (s.voltage(v.plus()) - s.voltage(v.minus())) * s.current(v.name());
                cls = v.name().startsWith("vsup") ? PowerClass.SUPPLY_SOURCES : v.name().startsWith("vd")
                        ? PowerClass.DIODE_BIAS_SOURCES : v.name().startsWith("va") ? PowerClass.SENSE_SOURCES
                        : v.name().startsWith("vin") ? PowerClass.INPUT_SOURCES : PowerClass.BIAS_SOURCES;
            } else if (e instanceof Cccs f) {
                w = (s.voltage(f.from()) - s.voltage(f.to())) * f.gain() * s.current(f.senseSource());
                cls = PowerClass.AMPLIFIER_CCCS;
            } else if (e instanceof SubcircuitCall x) {
                String h = x.nodes().get(0);
                String out = x.nodes().get(1);
                w = -s.voltage(out) * s.current("va" + out.substring(2)) // va{id} runs from ao{id} to a{id}
                        + s.voltage(h) * deliveredInto(c, s, h);
                cls = PowerClass.AMPLIFIER_SUBCIRCUITS;
            } else if (e instanceof CurrentSource i) {
                w = (s.voltage(i.from()) - s.voltage(i.to())) * i.amps();
                cls = PowerClass.NUDGE_SOURCES;
            } else {
                throw new AssertionError("unexpected element " + e);
            }
            hand.merge(cls, w, Double::sum);
        }
        // The rails feed every subcircuit through the shared nodes vdd and vss.
        hand.merge(PowerClass.AMPLIFIER_SUBCIRCUITS, -5.0 * s.current("vsupp") + 5.0 * s.current("vsupn"), Double::sum);
        double scale = p.throughput();
        assertTrue(scale > 1e-4, "a few mW flow through the circuit: " + scale);
        assertEquals(hand.keySet(), p.byClass().keySet());
        hand.forEach((cls, w) -> assertEquals(w, p.power(cls), 1e-9 * scale, cls.label()));
        double sum = hand.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(0.0, sum, 1e-9 * scale, "Tellegen, by hand: " + hand);
        assertEquals(0.0, p.tellegenResidual(), 1e-9 * scale);
        // Six macro op-amps with 100 uA quiescent current on each rail of +-5 V: at least 6 mW.
        assertTrue(p.power(PowerClass.SUPPLY_SOURCES) < -6e-3, "the rails feed the op-amps: "
                + p.power(PowerClass.SUPPLY_SOURCES));
        assertTrue(p.power(PowerClass.AMPLIFIER_SUBCIRCUITS) > 6e-3, "and the op-amps dissipate most of it");
        assertEquals(p.power(PowerClass.AMPLIFIER_SUBCIRCUITS) + p.power(PowerClass.SUPPLY_SOURCES), p.amplifierNet(),
                1e-12 * scale);
    }

    /** Kiraz's circuit at a level with the default parameters, solved, and its power breakdown. */
    private record Solved(Circuit circuit, Solution solution, PowerBreakdown power) {
    }

    private static Solved solve(Fidelity.Level level) {
        CrossbarCircuit builder = new CrossbarCircuit(SPEC, Fidelity.of(level, FidelityParameters.DEFAULT));
        Circuit c = builder.build(NET, Presets.KIRAZ_CASE1_INPUTS, TIGHT, List.of());
        Solution s = SharedSession.get().solve(c);
        return new Solved(c, s, PowerBreakdown.of(c, s, PowerClass.byRole(builder.roles())));
    }

    /** Current the sinh devices and the diodes (through their bias sources) deliver into node {@code h}. */
    private static double deliveredInto(Circuit c, Solution s, String h) {
        double in = 0;
        for (Element e : c.elements()) {
            if (e instanceof SinhConductor b && (b.a().equals(h) || b.b().equals(h))) {
                double i = b.current(s.voltage(b.a()) - s.voltage(b.b())); // from a to b
                in += b.b().equals(h) ? i : -i;
            } else if (e instanceof Diode d && (d.anode().equals(h) || d.cathode().equals(h))) {
                VoltageSource bias = (VoltageSource) c.element("v" + d.name());
                double i = bias.plus().equals(d.cathode()) ? s.current(bias.name()) : -s.current(bias.name()); // anode to cathode
                in += d.cathode().equals(h) ? i : -i;
            }
        }
        return in;
    }

    /** Transistor level: the rails feed the op-amps' quiescent current, and the terms still sum to zero. */
    @Test
    void transistorRailsPowerTheOpAmpsAndTellegenHolds() {
        Solved solved = solve(Fidelity.Level.TRANSISTOR);
        Solution s = solved.solution();
        PowerBreakdown p = solved.power();
        double rails = 5.0 * s.current("vsupp") - 5.0 * s.current("vsupn");
        assertEquals(rails, p.power(PowerClass.SUPPLY_SOURCES), 1e-12);
        assertTrue(rails < -1e-3, "two op-amps draw milliwatts from +-5 V: " + rails);
        assertTrue(p.power(PowerClass.AMPLIFIER_SUBCIRCUITS) > 1e-3, "and dissipate them");
        assertEquals(0.0, p.tellegenResidual(), 1e-9 * p.throughput());
    }

    /**
     * The diagnosis of a realistic circuit reports every term but says why P and the PCM-vs-VDM
     * check are not available, instead of printing numbers that mean nothing.
     */
    @Test
    void identityCheckIsStatedNotApplicableWhereItIsNot() {
        Fidelity behavioural = Fidelity.of(Fidelity.Level.BEHAVIOURAL, FidelityParameters.DEFAULT);
        CrossbarCircuit builder = new CrossbarCircuit(SPEC, behavioural);
        Circuit c = builder.build(NET, Presets.KIRAZ_CASE1_INPUTS, TIGHT, List.of());
        Sample sample = new Sample(Presets.KIRAZ_CASE1_INPUTS, Presets.KIRAZ_CASE1_TARGET);
        PhaseDiagnosis d = CrossbarDiagnosis.run(SharedSession.get(), builder, c, sample, 1e-6, List.of(Phase.FREE),
                1e-4).get(0);
        assertNull(d.variational());
        assertTrue(d.notApplicable().startsWith("the crossbar devices are sinh conductors"), d.notApplicable());
        assertTrue(d.pseudo().known(), "the 1N4148 card is read: " + d.pseudo().unknown());
        assertTrue(d.pseudo().term(PowerClass.DIODES) > 0);
        String table = DiagnosisTable.format(List.of(d));
        assertTrue(table.contains("op-amp amplifiers") && table.contains("amplifier rails")
                && table.contains("PCM vs VDM: not applicable: the crossbar devices are sinh conductors")
                && table.contains("pseudo-power P "), table);

        // Linear devices (and the 1N4148): P is known, and the check runs on the op-amp circuit.
        FidelityParameters linear = new FidelityParameters(5.0, 1e4, 100.0, 1e-3, true, false, 1.0, 0.0, 1L);
        CrossbarCircuit lb = new CrossbarCircuit(SPEC, Fidelity.of(Fidelity.Level.BEHAVIOURAL, linear));
        PhaseDiagnosis l = CrossbarDiagnosis.run(SharedSession.get(), lb,
                lb.build(NET, Presets.KIRAZ_CASE1_INPUTS, TIGHT, List.of()), sample, 1e-6, List.of(Phase.FREE), 1e-4)
                .get(0);
        assertEquals("", l.notApplicable());
        assertEquals(SPEC.conductanceCount(), l.variational().checks().size());
        assertTrue(l.pseudo().known());
    }
}
