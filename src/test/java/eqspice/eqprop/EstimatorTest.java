package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimatorTest {
    /**
     * For dV(beta) = a + b beta + c beta^2 the true derivative of 1/2 dV^2 at beta = 0 is a*b.
     * Positive and negative nudging are off by O(beta), centered by O(beta^2).
     */
    @Test
    void biasOrdersMatchTheory() {
        double a = 0.7;
        double b = -0.3;
        double c = 0.9;
        double exact = a * b;
        for (double beta : new double[] {1e-2, 1e-3}) {
            double f = a;
            double p = a + b * beta + c * beta * beta;
            double n = a - b * beta + c * beta * beta;
            double pos = Estimator.POSITIVE.estimate(f, p, n, beta);
            double neg = Estimator.NEGATIVE.estimate(f, p, n, beta);
            double cen = Estimator.CENTERED.estimate(f, p, n, beta);
            // Exact expansions: the O(beta) terms of the one-sided estimates vanish in the centered one.
            double b2 = beta * beta;
            assertEquals(exact + (a * c + b * b / 2) * beta + b * c * b2 + c * c * b2 * beta / 2, pos, 1e-12);
            assertEquals(exact - (a * c + b * b / 2) * beta + b * c * b2 - c * c * b2 * beta / 2, neg, 1e-12);
            assertEquals(exact + b * c * b2, cen, 1e-12);
        }
    }

    @Test
    void phasesNeeded() {
        assertTrue(Estimator.POSITIVE.needsPositive() && !Estimator.POSITIVE.needsNegative());
        assertTrue(!Estimator.NEGATIVE.needsPositive() && Estimator.NEGATIVE.needsNegative());
        assertTrue(Estimator.CENTERED.needsPositive() && Estimator.CENTERED.needsNegative());
    }

    @Test
    void parseNamesTheAllowedValues() {
        assertEquals(Estimator.CENTERED, Estimator.parse("Centered"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Estimator.parse("symmetricc"));
        assertTrue(e.getMessage().contains("positive, negative, centered"), e.getMessage());
    }
}
