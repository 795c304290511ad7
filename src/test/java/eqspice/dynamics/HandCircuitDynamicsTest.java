package eqspice.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Capacitor;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.ngspice.NgspiceSession;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import eqspice.simulate.TransientPlan;
import eqspice.simulate.TransientRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phases in time on circuits whose answers are known by hand: an RC divider's settling time, a
 * capacitor's stored energy and the source energy that charged it (C V^2, half of it lost in the
 * resistor), a current source's energy in a resistor, a phase-shift oscillator's frequency, a
 * latch that leaves the (unstable) operating point ngspice finds, and a phase too short to settle.
 */
class HandCircuitDynamicsTest {
    private static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-6, 1e-15, 1e-9);
    private static final double R = 10e3;
    private static final double C = 100e-12;
    /** The sources' edges: 1 ns, short against every time constant here. */
    private static final double RISE = 1e-9;

    private static NgspiceSession ng() {
        return SharedSession.get();
    }

    private static Circuit circuit(String title, List<Element> elements, List<DiodeModel> models) {
        return new Circuit(title, elements, models, TIGHT, List.of());
    }

    /** vin -> R -> m, R from m to ground, C at m: tau = (R || R) C, final value vin / 2. */
    @Test
    void rcDividerSettlesAtTauTimesLogOfStepOverTolerance() {
        Circuit c = circuit("rc divider", List.of(new VoltageSource("vin", "in", "0", 0).asExternal(),
                new Resistor("r1", "in", "m", R), new Resistor("r2", "m", "0", R), new Capacitor("c1", "m", "0", C)),
                List.of());
        double tau = R / 2 * C;
        TransientRun run = ng().transientRun(c, new TransientPlan(Map.of("vin", 0.0), List.of(20 * tau),
                (k, ends) -> Map.of("vin", 1.0), tau / 400, RISE));
        ng().load(c);
        ng().setSource("vin", 1.0);
        Solution dc = ng().operatingPoint();
        assertEquals(0.5, dc.voltage("m"), 1e-12);
        double tolerance = 1e-4;
        Settling.Result s = Settling.analyse(run.trajectory(), run.startOf(0), run.endOf(0), dc, List.of("m"),
                tolerance, List.of());
        assertEquals(Settling.Verdict.SETTLED, s.verdict(), s.describe());
        double expected = tau * Math.log(0.5 / tolerance); // 4.26 us
        assertEquals(expected, s.settlingTime(), 0.005 * expected, s.describe());
    }

    /**
     * vin steps to V through R onto C: the source delivers C V^2, C stores 1/2 C V^2; stepping
     * back costs the source nothing (up to its 1 ns edge, during which it takes back about
     * C V^2 rise / (2 R C): 1e-4 of the energy here).
     */
    @Test
    void chargingACapacitorDrawsCVSquaredAndStoresHalf() {
        Circuit c = circuit("rc", List.of(new VoltageSource("vin", "in", "0", 0).asExternal(),
                new Resistor("r1", "in", "m", R), new Capacitor("c1", "m", "0", C)), List.of());
        double tau = R * C;
        double v = 2.0;
        TransientRun run = ng().transientRun(c, new TransientPlan(Map.of("vin", 0.0), List.of(25 * tau, 25 * tau),
                (k, ends) -> Map.of("vin", k == 0 ? v : 0.0), tau / 400, RISE));
        double drawn = PhaseEnergy.bySource(c, run, 0).get("vin");
        assertEquals(C * v * v, drawn, 2e-3 * C * v * v, "energy from the source while charging");
        assertEquals(0.5 * C * v * v, PhaseEnergy.storedChange(c, run, 0), 1e-6 * C * v * v);
        assertEquals(0.0, PhaseEnergy.bySource(c, run, 1).get("vin"), 1e-3 * C * v * v, "a 0 V source delivers nothing");
        assertEquals(-0.5 * C * v * v, PhaseEnergy.storedChange(c, run, 1), 1e-6 * C * v * v);
        assertEquals(0.0, PhaseEnergy.powerAtEnd(c, run, 0), 1e-9 * v * v / R, "no current once charged");
    }

    /**
     * A current source pushing I into a resistor to ground for time T delivers I^2 R T, with its
     * edge (a linear ramp over the rise time r) taken into account: from 0 to I, I^2 R (T - 2r/3);
     * from I to 2I, I^2 R (7r/3 + 4 (T - r)).
     */
    @Test
    void currentSourceEnergyIsISquaredRTime() {
        Circuit c = circuit("i into r", List.of(new CurrentSource("inud", "0", "m", 0).asExternal(),
                new Resistor("r1", "m", "0", R)), List.of());
        double t = 1e-6;
        TransientRun run = ng().transientRun(c, new TransientPlan(Map.of("inud", 0.0), List.of(t, t),
                (k, ends) -> Map.of("inud", k == 0 ? 1e-6 : 2 * ends.get(0).voltage("m") / R), t / 100, RISE));
        assertEquals(2e-6, run.applied().get(1).get("inud"), 1e-15, "phase 1 computed from the end of phase 0");
        double first = 1e-12 * R * (t - 2 * RISE / 3);
        double second = 1e-12 * R * (7 * RISE / 3 + 4 * (t - RISE));
        assertEquals(first, PhaseEnergy.bySource(c, run, 0).get("inud"), 3e-4 * first); // the ramp gets few points
        assertEquals(second, PhaseEnergy.bySource(c, run, 1).get("inud"), 3e-4 * second);
        assertEquals(4e-12 * R, PhaseEnergy.powerAtEnd(c, run, 1), 1e-9 * 4e-12 * R);
    }

    /**
     * An inverting amplifier (gain 20, clipped by a diode pair) closing a loop of three buffered
     * RC sections: 180 degrees where omega RC = sqrt(3), where each section passes 1/2, so the
     * loop gain is 20/8 > 1 and it oscillates at f = sqrt(3) / (2 pi R C).
     */
    @Test
    void phaseShiftOscillatorOscillatesAtItsFrequency() {
        double r = 1e3;
        double cap = 1e-9;
        DiodeModel d = new DiodeModel("dclip", 1e-14, 1.0, 0.0);
        List<Element> e = new ArrayList<>(List.of(
                new Vcvs("e1", "a", "0", "0", "n3", 20), new Resistor("r0", "a", "b", 1e3),
                new Diode("d1", "b", "0", "dclip"), new Diode("d2", "0", "b", "dclip"),
                new Vcvs("e4", "b2", "0", "b", "0", 1),
                new Resistor("r1", "b2", "n1", r), new Capacitor("c1", "n1", "0", cap),
                new Vcvs("e2", "m1", "0", "n1", "0", 1),
                new Resistor("r2", "m1", "n2", r), new Capacitor("c2", "n2", "0", cap),
                new Vcvs("e3", "m2", "0", "n2", "0", 1),
                new Resistor("r3", "m2", "n3", r), new Capacitor("c3", "n3", "0", cap),
                new CurrentSource("ikick", "0", "n1", 0).asExternal()));
        Circuit c = circuit("phase-shift oscillator", e, List.of(d));
        double f0 = Math.sqrt(3) / (2 * Math.PI * r * cap); // 276 kHz
        TransientRun run = ng().transientRun(c, new TransientPlan(Map.of("ikick", 0.0), List.of(1e-6, 300e-6),
                (k, ends) -> Map.of("ikick", k == 0 ? 1e-5 : 0.0), 20e-9, RISE));
        ng().load(c);
        Solution dc = ng().operatingPoint();
        assertEquals(0.0, dc.voltage("n3"), 1e-9, "the operating point ngspice finds is the unstable one at rest");
        List<String> nodes = List.of("b", "n1", "n2", "n3");
        Settling.Result s = Settling.analyse(run.trajectory(), run.startOf(1), run.endOf(1), dc, nodes, 1e-3, List.of());
        assertEquals(Settling.Verdict.OSCILLATING, s.verdict(), s.describe());
        assertEquals(f0, s.frequency(), 0.02 * f0, s.describe()); // measured 0.8 % low: the clipping
        assertTrue(s.amplitude() > 0.1 && s.amplitude() < 1.0, s.describe());
    }

    /**
     * Positive feedback: x drives a VCVS of gain 10 that feeds x back through 1 kohm, x has 1 kohm
     * to ground and a diode clamp. ngspice's operating point is x = 0 (unstable); a small kick
     * sends it to the clamp, which counts as a rail when the circuit has one there.
     */
    @Test
    void latchLeavesTheUnstableOperatingPoint() {
        DiodeModel d = new DiodeModel("dclip", 1e-14, 1.0, 0.0);
        Circuit c = circuit("latch", List.of(new Vcvs("e1", "a", "0", "x", "0", 10), new Resistor("r0", "a", "x", 1e3),
                new Resistor("rg", "x", "0", 1e3), new Diode("d1", "x", "0", "dclip"), new Diode("d2", "0", "x", "dclip"),
                new Capacitor("cx", "x", "0", 1e-9), new CurrentSource("ikick", "0", "x", 0).asExternal()), List.of(d));
        TransientRun run = ng().transientRun(c, new TransientPlan(Map.of("ikick", 0.0), List.of(1e-7, 20e-6),
                (k, ends) -> Map.of("ikick", k == 0 ? 1e-6 : 0.0), 10e-9, RISE));
        ng().load(c);
        Solution dc = ng().operatingPoint();
        assertEquals(0.0, dc.voltage("x"), 1e-9);
        double end = run.trajectory().voltage("x")[run.endOf(1)];
        assertTrue(end > 0.5 && end < 1.0, "clamped near one diode drop: " + end);
        Settling.Result free = Settling.analyse(run.trajectory(), run.startOf(1), run.endOf(1), dc, List.of("x"), 1e-4,
                List.of());
        assertEquals(Settling.Verdict.ELSEWHERE, free.verdict(), free.describe());
        Settling.Result railed = Settling.analyse(run.trajectory(), run.startOf(1), run.endOf(1), dc, List.of("x"), 1e-4,
                List.of(0.8, -0.8));
        assertEquals(Settling.Verdict.LATCHED, railed.verdict(), railed.describe());
        assertEquals(0.8, railed.rail(), 0);
    }

    /** An RC of tau = 1 us given 2 us: still moving at the end. */
    @Test
    void aPhaseShorterThanItsSettlingIsSlow() {
        Circuit c = circuit("rc", List.of(new VoltageSource("vin", "in", "0", 0).asExternal(),
                new Resistor("r1", "in", "m", R), new Capacitor("c1", "m", "0", 1e-10)), List.of());
        TransientRun run = ng().transientRun(c, new TransientPlan(Map.of("vin", 0.0), List.of(2e-6),
                (k, ends) -> Map.of("vin", 1.0), 1e-8, RISE));
        ng().load(c);
        ng().setSource("vin", 1.0);
        Settling.Result s = Settling.analyse(run.trajectory(), run.startOf(0), run.endOf(0), ng().operatingPoint(),
                List.of("m"), 1e-6, List.of());
        assertEquals(Settling.Verdict.SLOW, s.verdict(), s.describe());
        assertEquals(Math.exp(-2), s.deviation(), 1e-3);
    }
}
