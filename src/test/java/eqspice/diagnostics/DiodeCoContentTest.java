package eqspice.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Diode current and co-content against the Shockley law written out here and integrated by Simpson's rule. */
class DiodeCoContentTest {
    static final double IS = 2e-12;
    static final double N = 1.3;
    static final double GMIN = 1e-12;
    // ngspice's constants: k = 1.38064852e-23 J/K, q = 1.6021766208e-19 C, T = 27 C = 300.15 K.
    static final double NVT = N * 1.38064852e-23 * 300.15 / 1.6021766208e-19;
    static final DoubleUnaryOperator SHOCKLEY = u -> IS * (Math.exp(u / NVT) - 1) + GMIN * u;

    static double simpson(DoubleUnaryOperator f, double a, double b, int intervals) {
        double h = (b - a) / intervals;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int k = 1; k < intervals; k++) {
            sum += (k % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + k * h);
        }
        return sum * h / 3;
    }

    @Test
    void solvedDiodeCoContentEqualsTheIntegralOfItsCurrent() {
        SolverOptions tight = new SolverOptions(true, 1e-10, 1e-16, 1e-12, GMIN, 200);
        // Forward diode d1 from k to ground and d2 from ground to k, which sees -V(k): far in reverse,
        // where only about IS and gmin flow (and ngspice's cubic reverse formula differs from Shockley by < 1e-3 IS).
        Circuit c = new Circuit("diode", List.of(new VoltageSource("v1", "a", "0", 1.5),
                new Resistor("r1", "a", "k", 1000), new Diode("d1", "k", "0", "dm"), new Diode("d2", "0", "k", "dm")),
                List.of(new DiodeModel("dm", IS, N, 0)), tight, List.of());
        Solution s = SharedSession.get().solve(c);
        double vk = s.voltage("k");
        assertTrue(vk > 0.4 && vk < 1.0, "forward biased: " + vk);

        List<ElementPower> b = Branches.of(c, s, PowerClass.byType());
        double iR = (1.5 - vk) / 1000;
        assertEquals(SHOCKLEY.applyAsDouble(vk), b.get(2).amps(), 1e-12 * iR);
        // KCL at k: the resistor's current leaves through the two diodes (to ngspice's tolerance).
        assertEquals(iR, b.get(2).amps() - b.get(3).amps(), 1e-8 * iR);

        double expected = simpson(SHOCKLEY, 0, vk, 200_000) + simpson(SHOCKLEY, 0, -vk, 200_000);
        PseudoPower pp = PseudoPower.of(c, b);
        assertEquals(expected, pp.term(PowerClass.DIODES), 1e-9 * expected);
        assertTrue(pp.term(PowerClass.DIODES) < vk * iR, "the co-content of a convex curve is below v i");
    }

    @Test
    void coContentAtSmallAndNegativeVoltagesMatchesTheIntegral() {
        ShockleyDiode d = new ShockleyDiode(IS, N, GMIN);
        for (double v : new double[] {-2.0, -0.1, -1e-5, 1e-7, 3e-4, 0.05, 0.3}) {
            double expected = simpson(SHOCKLEY, 0, v, 20_000);
            assertEquals(expected, d.coContent(v), 1e-9 * Math.abs(expected), "v = " + v);
        }
        assertEquals(0.0, d.coContent(0.0), 0.0);
    }

    @Test
    void seriesResistanceIsRefusedWithTheReason() {
        Circuit c = new Circuit("rs", List.of(new VoltageSource("v1", "a", "0", 1),
                new Diode("d1", "a", "0", "dr")), List.of(new DiodeModel("dr", 1e-14, 1, 10)),
                SolverOptions.DEFAULT, List.of());
        Solution s = SharedSession.get().solve(c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Branches.of(c, s, PowerClass.byType()));
        assertTrue(e.getMessage().contains("RS = 10.0 ohm") && e.getMessage().contains("internal node"),
                e.getMessage());
    }
}
