package eqspice.embedded;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Estimator;
import eqspice.network.Amplifier;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The EqProp gradient estimate computed on the embedded backend against the same estimate on
 * ngspice: same network, samples, estimator and beta; cosine at least 0.999 with ngspice's
 * default tolerances on both, for both amplifier variants and all three estimators.
 */
class EmbeddedGradientTest {

    private static NetworkSpec withAmplifier(NetworkSpec k, Amplifier amp) {
        return k.withAmplifier(Optional.of(amp));
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void gradientMatchesNgspices() {
        for (NetworkSpec base : List.of(Presets.kirazCase1(), Presets.kendall(16, 8, 4))) {
            for (Amplifier amp : List.of(Amplifier.KENDALL, Amplifier.powerConserving(4))) {
                NetworkSpec spec = withAmplifier(base, amp);
                LayeredNetwork net = LayeredNetwork.random(spec, 1e-6, 1e-4, 3);
                CrossbarSession ng = CrossbarSession.builder(SharedSession.get(), net)
                        .options(SolverOptions.DEFAULT).open();
                CrossbarSession em = CrossbarSession.builder(new EmbeddedSimulator(), net)
                        .options(SolverOptions.DEFAULT).open();
                SplittableRandom rng = new SplittableRandom(11);
                for (int sample = 0; sample < 3; sample++) {
                    double[] x = new double[spec.inputs()];
                    double[] y = new double[spec.outputs()];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = 2 * (2 * rng.nextDouble() - 1);
                    }
                    for (int k = 0; k < y.length; k++) {
                        y[k] = 2 * rng.nextDouble() - 1;
                    }
                    for (Estimator est : Estimator.values()) {
                        for (double beta : new double[] {1e-3, 1e-5, 1e-7}) {
                            double[] a = EqPropStep.run(ng, x, y, est, beta).gradient();
                            double[] b = EqPropStep.run(em, x, y, est, beta).gradient();
                            double c = cosine(a, b);
                            String what = spec.hidden() + " " + amp + " sample " + sample + " " + est.id() + " beta "
                                    + beta;
                            System.out.printf("gradient %s: cosine %.9f%n", what, c);
                            assertTrue(c >= 0.999, what + ": cosine " + c);
                        }
                    }
                }
            }
        }
    }
}
