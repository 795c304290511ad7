package eqspice.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eqspice.circuit.Cccs;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.ngspice.Gauss;
import eqspice.ngspice.NgspiceSession;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Crossbar circuits solved by the real ngspice against physics computed here: a linear
 * crossbar against nodal analysis, a nonlinear one against Kirchhoff's current law with
 * every element's own law (Shockley diodes, controlled sources).
 */
class CrossbarPhysicsTest {
    /** Tight enough that Newton stops only at machine precision; see linearCrossbarMatchesNodalAnalysis. */
    static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-12, 1e-15, 1e-12);
    /** ngspice 46 computes Vt = k T / q with CODATA 2014 constants (measured: CODATA 2018 differs by 3e-7). */
    static final double VT_300_15 = 1.38064852e-23 * 300.15 / 1.6021766208e-19;

    @Test
    void linearCrossbarMatchesNodalAnalysis() {
        NetworkSpec spec = new NetworkSpec(3, true, List.of(1.0), List.of(4), 2, Optional.empty(), Optional.empty(),
                ConductanceBounds.DEFAULT);
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-6, 1e-3, 5); // three decades of conductance
        double[] x = {0.7, -1.3, 0.25};
        double[] nudge = {2e-5, -7e-6};
        CrossbarCircuit cc = new CrossbarCircuit(spec);
        NgspiceSession ng = SharedSession.get();
        ng.load(cc.build(net, x, TIGHT, List.of()));
        cc.nudgeValues(nudge).forEach(ng::setSource);
        Solution s = ng.operatingPoint();

        // Held nodes, written out from DESIGN.md: +x and -x per input, bias at 1 V.
        Map<String, Double> held = new HashMap<>(Map.of("inp0", 0.7, "inm0", -0.7, "inp1", -1.3, "inm1", 1.3,
                "inp2", 0.25, "inm2", -0.25, "bias0", 1.0));
        List<String> free = List.of("h1_0", "h1_1", "h1_2", "h1_3", "op0", "om0", "op1", "om1");
        double[][] a = new double[free.size()][free.size() + 1];
        // Nudging: +I_k injected into op{k}, -I_k into om{k}.
        for (int k = 0; k < 2; k++) {
            a[free.indexOf("op" + k)][free.size()] += nudge[k];
            a[free.indexOf("om" + k)][free.size()] -= nudge[k];
        }
        for (Conductor c : new CrossbarLayout(spec).conductors()) {
            double g = net.weights().get(c.layer()).get(c.row(), c.column());
            stamp(a, free, held, c.rowNode(), c.columnNode(), g);
        }
        double[] v = Gauss.solve(a);
        assertEquals(held.size() + free.size(), s.voltages().size(), s.voltages().keySet().toString());
        // ngspice's number reader is not correctly rounded: it reads "0.7" as 7 * 0.1 = 0.7000000000000001.
        held.forEach((n, volts) -> assertEquals(volts, s.voltage(n), Math.ulp(volts), n));
        double maxRel = 0;
        for (int k = 0; k < free.size(); k++) {
            assertRelative(v[k], s.voltage(free.get(k)), 1e-9, free.get(k));
            maxRel = Math.max(maxRel, Math.abs(v[k] - s.voltage(free.get(k))) / Math.abs(v[k]));
        }
        // One Newton step solves a linear circuit; the agreement is at rounding level, not at 1e-9.
        System.out.println("linear crossbar: max relative difference to nodal analysis " + maxRel);
        assertTrue(maxRel < 1e-12, "max relative difference " + maxRel);
    }

    /** Adds conductance g between nodes p and q to the nodal equations of the free nodes. */
    private static void stamp(double[][] a, List<String> free, Map<String, Double> held, String p, String q, double g) {
        int i = free.indexOf(p);
        int j = free.indexOf(q);
        int rhs = free.size();
        if (i >= 0) {
            a[i][i] += g;
            if (j >= 0) {
                a[i][j] -= g;
            } else {
                a[i][rhs] += g * held.get(q);
            }
        }
        if (j >= 0) {
            a[j][j] += g;
            if (i >= 0) {
                a[j][i] -= g;
            } else {
                a[j][rhs] += g * held.get(p);
            }
        }
    }

    @Test
    void diodeAndAmplifierCrossbarSatisfiesKirchhoffAtEveryNode() {
        // Two hidden layers: amplifiers feed both a hidden and the output crossbar.
        NetworkSpec spec = new NetworkSpec(2, true, List.of(1.0), List.of(3, 2), 1, Optional.of(DiodePair.DEFAULT),
                Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-3, 11);
        CrossbarCircuit cc = new CrossbarCircuit(spec);
        Circuit circuit = cc.build(net, new double[] {1.5, -0.8}, TIGHT, List.of());
        NgspiceSession ng = SharedSession.get();
        ng.load(circuit);
        cc.nudgeValues(new double[] {3e-5}).forEach(ng::setSource);
        Solution s = ng.operatingPoint();

        DiodeModel model = DiodePair.DEFAULT_MODEL;
        double gmin = TIGHT.gmin();
        Map<String, Double> netOut = new TreeMap<>(); // current leaving each node through its elements
        double maxDiode = 0;
        double maxCccs = 0;
        for (Element e : circuit.elements()) {
            double i;
            String from;
            String to;
            if (e instanceof Resistor r) {
                i = (s.voltage(r.a()) - s.voltage(r.b())) / r.ohms();
                from = r.a();
                to = r.b();
            } else if (e instanceof VoltageSource v) {
                i = s.current(v.name());
                from = v.plus();
                to = v.minus();
            } else if (e instanceof CurrentSource c) {
                // The nudging sources: the values set above, not the 0 A of the netlist.
                i = c.name().equals("inudp0") ? 3e-5 : c.name().equals("inudm0") ? -3e-5 : Double.NaN;
                from = c.from();
                to = c.to();
            } else if (e instanceof Diode d) {
                double vd = s.voltage(d.anode()) - s.voltage(d.cathode());
                i = model.is() * Math.expm1(vd / (model.n() * VT_300_15)) + gmin * vd;
                maxDiode = Math.max(maxDiode, Math.abs(i));
                from = d.anode();
                to = d.cathode();
            } else if (e instanceof Vcvs ev) {
                String id = ev.name().substring(2);
                // Its own branch current must be the current its sense source carries onward.
                assertRelative(-s.current("va" + id), s.current(ev.name()), 1e-9, "I(" + ev.name() + ") = -I(va" + id + ")");
                double hv = s.voltage("h" + id);
                assertEquals(ev.gain() * hv, s.voltage(ev.plus()), 1e-12 * Math.abs(ev.gain() * hv) + 1e-15, ev.plus());
                i = s.current(ev.name());
                from = ev.plus();
                to = ev.minus();
            } else if (e instanceof Cccs f) {
                i = f.gain() * s.current(f.senseSource());
                maxCccs = Math.max(maxCccs, Math.abs(i));
                from = f.from();
                to = f.to();
            } else {
                throw new AssertionError("unexpected element " + e);
            }
            netOut.merge(from, i, Double::sum);
            netOut.merge(to, -i, Double::sum);
        }
        netOut.remove("0");
        assertEquals(new java.util.TreeSet<>(circuit.nodes()), netOut.keySet());
        List<String> bad = new ArrayList<>();
        netOut.forEach((node, residual) -> {
            if (!(Math.abs(residual) <= 1e-9)) {
                bad.add(node + "=" + residual);
            }
        });
        System.out.println("KCL: max residual " + netOut.values().stream().mapToDouble(Math::abs).max().orElseThrow()
                + " A, largest diode current " + maxDiode + " A, largest CCCS current " + maxCccs + " A");
        assertTrue(bad.isEmpty(), "KCL residual above 1e-9 A at " + bad);
        // The checks above are only worth something if diodes and amplifiers carry real current.
        assertTrue(maxDiode > 1e-5, "largest diode current " + maxDiode);
        assertTrue(maxCccs > 1e-6, "largest CCCS current " + maxCccs);
    }

    /**
     * Asserts |actual - expected| <= rel * max(|actual|, |expected|); values both below 1e-18
     * (V or A, far under ngspice's noise floor) count as equal zeros.
     */
    static void assertRelative(double expected, double actual, double rel, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (!(Math.abs(actual - expected) <= rel * scale || scale < 1e-18)) {
            fail(what + ": expected " + expected + ", got " + actual + " (relative difference "
                    + Math.abs(actual - expected) / scale + " > " + rel + ")");
        }
    }
}
