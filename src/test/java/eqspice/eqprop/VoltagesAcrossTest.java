package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eqspice.network.Conductor;
import eqspice.network.CrossbarCircuit;
import eqspice.network.Presets;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link VoltagesAcross} walks the conductances in runs (one crossbar row: a shared row node,
 * consecutive column nodes); its voltages and gradients must be exactly, bit for bit, those of
 * the plain per-conductance formulas, in crossbar order and in an order without runs.
 */
class VoltagesAcrossTest {
    @Test
    void runsGiveThePerConductanceValuesExactly() {
        List<Conductor> crossbar = new CrossbarCircuit(Presets.kendall(6, 4, 3)).layout().conductors();
        List<Conductor> shuffled = new ArrayList<>(crossbar);
        Collections.shuffle(shuffled, new Random(3));
        Random rnd = new Random(5);
        Solution free = solution(crossbar, rnd, null);
        Solution positive = solution(crossbar, rnd, free);
        Solution negative = solution(crossbar, rnd, free);
        DoubleUnaryOperator sinh = v -> Math.cosh(v / 0.3) - 1;
        for (List<Conductor> order : List.of(crossbar, shuffled)) {
            VoltagesAcross across = new VoltagesAcross(order);
            assertArrayEquals(plainAcross(order, positive), across.of(positive));
            for (Estimator e : Estimator.values()) {
                for (DoubleUnaryOperator phi : new DoubleUnaryOperator[] {null, sinh}) {
                    Solution p = e.needsPositive() ? positive : null;
                    Solution n = e.needsNegative() ? negative : null;
                    double[] got = across.gradient(free, p, n, e, 1e-6, phi);
                    assertEquals(order.size(), got.length);
                    for (int c = 0; c < got.length; c++) {
                        double f = across(order.get(c), free);
                        double pv = p == null ? 0 : across(order.get(c), p);
                        double nv = n == null ? 0 : across(order.get(c), n);
                        double want = phi == null ? e.estimate(f, pv, nv, 1e-6) : e.estimate(f, pv, nv, 1e-6, phi);
                        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got[c]),
                                e + " conductance " + c + ": " + want + " vs " + got[c]);
                    }
                }
            }
        }
    }

    private static Solution solution(List<Conductor> conductors, Random rnd, Solution near) {
        Map<String, Double> v = new HashMap<>();
        for (Conductor c : conductors) {
            for (String node : List.of(c.rowNode(), c.columnNode())) {
                v.computeIfAbsent(node, k -> near == null ? rnd.nextDouble() - 0.5 : near.voltage(k) + 1e-7 * rnd.nextGaussian());
            }
        }
        return new Solution(v, Map.of());
    }

    private static double across(Conductor c, Solution s) {
        return s.voltage(c.rowNode()) - s.voltage(c.columnNode());
    }

    private static double[] plainAcross(List<Conductor> conductors, Solution s) {
        return conductors.stream().mapToDouble(c -> across(c, s)).toArray();
    }
}
