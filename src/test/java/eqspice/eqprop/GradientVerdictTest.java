package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientVerdictTest {
    private static GradientCheck.Row row(double cosine, double error, GradientCheck.LayerRatio... layers) {
        return new GradientCheck.Row(Estimator.CENTERED, 1e-6, cosine, error, 1, 1, cosine, 0, List.of(layers));
    }

    private static GradientCheck.LayerRatio ratio(int layer, double median, double spread) {
        return new GradientCheck.LayerRatio(layer, median, median * (1 - spread), median * (1 + spread), 6, 0);
    }

    @Test
    void tellsTheGradientARescalingAndNeitherApart() {
        assertTrue(GradientVerdict.of(List.of(row(0.99999, 1e-4, ratio(0, 1, 1e-5), ratio(1, 1, 1e-5))),
                LayerScaling.NONE).startsWith("verdict: the estimate is the gradient ("));
        String kendall = GradientVerdict.of(List.of(row(0.6397, 0.77, ratio(0, 0.0625, 1e-5), ratio(1, 1, 1e-4)),
                row(0.6398, 0.77, ratio(0, 0.0625, 1e-2), ratio(1, 1, 1e-2))), LayerScaling.NONE);
        assertTrue(kendall.contains("rescaled per layer (L0 x0.06250, L1 x1.000") && kendall.contains("compensate"),
                kendall);
        assertTrue(GradientVerdict.of(List.of(row(0.3, 0.9, ratio(0, 0.5, 0.4))), LayerScaling.NONE)
                .startsWith("verdict: the estimate is not the gradient"));
        assertTrue(GradientVerdict.of(List.of(row(Double.NaN, Double.NaN)), LayerScaling.NONE).contains("no comparison"));
    }
}
