package eqspice.eqprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import eqspice.circuit.Circuit;
import eqspice.circuit.SolverOptions;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Simulator;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.Solution;
import eqspice.simulate.StepFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A mini-batch solved as one sweep against one EqProp step per sample, with and without a failing step. */
class BatchSweepTest {
    private static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-10, 1e-15, 1e-12);
    private static final NetworkSpec SPEC = Presets.kendall(5, 4, 2);

    /** The real session, except that the first sequence stops at step {@code failAt} as if it had not converged. */
    private static final class FailOnce implements Simulator {
        private final Simulator real = SharedSession.get();
        private int failAt;

        FailOnce(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public SolvedSequence solveSequence(int steps, PhasePlan plan) {
            if (failAt < 0 || failAt >= steps) {
                return real.solveSequence(steps, plan);
            }
            int at = failAt;
            failAt = -1;
            List<Solution> before = at == 0 ? List.of() : real.solveSequence(at, plan).solutions();
            throw new StepFailedException(at, steps, before, new ConvergenceException("injected", List.of()));
        }

        @Override
        public void load(Circuit circuit) {
            real.load(circuit);
        }

        @Override
        public void setSource(String name, double value) {
            real.setSource(name, value);
        }

        @Override
        public void setResistance(String name, double ohms) {
            real.setResistance(name, ohms);
        }

        @Override
        public Solution operatingPoint() {
            return real.operatingPoint();
        }

        @Override
        public SimulatorInfo info() {
            return real.info();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aBatchSweepEqualsOneStepPerSampleAndSkipsOnlyTheFailedSample() {
        LayeredNetwork net = LayeredNetwork.random(SPEC, 1e-5, 1e-4, 9);
        SplittableRandom rnd = new SplittableRandom(4);
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            xs.add(rnd.doubles(SPEC.inputs(), -1, 1).toArray());
            ys.add(rnd.doubles(SPEC.outputs(), 0, 0.5).toArray());
        }
        CrossbarSession single = CrossbarSession.builder(SharedSession.get(), net).options(TIGHT)
                .strategy(PhaseStrategy.ALTER_OP).open();
        List<EqPropStep.Result> ref = new ArrayList<>();
        for (int s = 0; s < xs.size(); s++) {
            ref.add(EqPropStep.run(single, xs.get(s), ys.get(s), Estimator.CENTERED, 1e-4));
        }
        for (int failAt : new int[] {-1, 7, 0}) { // none; sample 2's +beta phase; sample 0's free phase
            CrossbarSession batched = CrossbarSession.builder(new FailOnce(failAt), net).options(TIGHT)
                    .strategy(PhaseStrategy.SWEEP).open();
            List<EqPropStep.Outcome> out = EqPropStep.runBatch(batched, xs, ys, Estimator.CENTERED, 1e-4);
            assertEquals(xs.size(), out.size());
            for (int s = 0; s < xs.size(); s++) {
                if (failAt >= 0 && s == failAt / 3) {
                    assertNull(out.get(s).result(), "sample " + s + " failed");
                    assertEquals(failAt % 3 == 0 ? Phase.FREE : Phase.POSITIVE, out.get(s).failure().phase());
                    continue;
                }
                assertNull(out.get(s).failure());
                double scale = 0;
                for (double g : ref.get(s).gradient()) {
                    scale = Math.max(scale, Math.abs(g));
                }
                assertArrayEquals(ref.get(s).gradient(), out.get(s).result().gradient(), 1e-6 * scale,
                        "fail at " + failAt + ", sample " + s);
                assertEquals(ref.get(s).loss(), out.get(s).result().loss(), 1e-9 * ref.get(s).loss());
            }
        }
    }
}
