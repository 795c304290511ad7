package eqspice.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.SolverOptions;
import eqspice.embedded.EmbeddedSimulator;
import eqspice.eqprop.Estimator;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.BackendChoice;
import eqspice.simulate.BackendChoice.Backend;
import eqspice.simulate.Simulator;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.Solution;
import eqspice.train.EpochMetrics;
import eqspice.task.Sample;
import eqspice.task.Task;
import eqspice.train.Trainer;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training on the co-simulator against the real ngspice: checks happen every N operating
 * points, the reference follows every source and weight change (by commands for a few, by a
 * reload for many), the two agree; a reference that disagrees is counted, or stops the run.
 */
class CoSimulatorTest {

    private static TrainingConfig config(NetworkSpec spec, Task task, int epochs) {
        return TrainingConfig.builder(spec, task).alpha(1e-9).beta(1e-6).epochs(epochs).init(1e-5, 1e-4)
                .solver(SolverOptions.DEFAULT.withTolerances(1e-9, 1e-14, 1e-10)).build();
    }

    private static Task randomTask(NetworkSpec spec, int samples) {
        SplittableRandom rng = new SplittableRandom(3);
        List<Sample> out = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            double[] x = new double[spec.inputs()];
            double[] y = new double[spec.outputs()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble(-1, 1);
            }
            for (int k = 0; k < y.length; k++) {
                y[k] = rng.nextDouble(-0.5, 0.5);
            }
            out.add(new Sample(x, y));
        }
        return new Task("random", out, 0.05);
    }

    /**
     * Trains with {@code reference} checking and returns the per-epoch cosim columns; asserts the
     * checks' count and agreement.
     */
    private static List<EpochMetrics> train(NetworkSpec spec, Task task, int checkEvery, Simulator reference) {
        BackendChoice choice = new BackendChoice(Backend.COSIM, checkEvery, 1e-6, true);
        CoSimulator cosim = new CoSimulator(new EmbeddedSimulator(), reference, choice);
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingResult r = Trainer.train(cosim, config(spec, task, 3),
                Trainer.Options.defaults().withOnEpoch(epochs::add).withProbe(new CoSimProbe(cosim)));
        int solves = 3 * 3 * task.samples().size(); // centered: free, +beta, -beta per sample
        assertEquals(0, r.failedPhases());
        assertEquals(solves / checkEvery, cosim.total().checks());
        double last = cosim.checkNow();
        assertTrue(last < 1e-9, "final network: " + last);
        assertTrue(cosim.total().maxDifference() < 1e-9, "largest difference " + cosim.total().maxDifference());
        assertEquals(0, cosim.total().mismatches());
        assertTrue(cosim.info().label().startsWith("cosim embedded"), cosim.info().label());
        assertTrue(cosim.info().label().contains("checked by ngspice"), cosim.info().label());
        return epochs;
    }

    @Test
    void kirazRunIsCheckedEveryNthOperatingPoint() {
        Counting ngspice = new Counting(SharedSession.get());
        List<EpochMetrics> epochs = train(Presets.kirazCase1(), Task.kirazCase1(), 2, ngspice);
        // 12 resistors: after the first load the reference follows each update by commands
        assertEquals(1, ngspice.loads);
        assertTrue(ngspice.resistances >= 12, ngspice.resistances + " resistances set");
        for (EpochMetrics m : epochs) {
            assertEquals(List.of("cosim_checks", "cosim_max_dv_v", "cosim_mismatches"), List.copyOf(m.diagnostics().keySet()));
        }
        assertEquals(1.0, epochs.get(0).diagnostics().get("cosim_checks")); // 3 solves per epoch, one check every 2
        assertEquals(2.0, epochs.get(1).diagnostics().get("cosim_checks"));
    }

    @Test
    void largerNetworkReloadsTheReferenceAfterAnUpdate() {
        NetworkSpec spec = Presets.kendall(16, 8, 4); // 336 resistors: an update reloads the reference
        Counting ngspice = new Counting(SharedSession.get());
        train(spec, randomTask(spec, 4), 5, ngspice);
        // 36 solves, a check every 5th and one at the end, an update after every sample: each check after
        // the first finds all 336 conductances changed, more than the 200 the reference takes one by one
        assertEquals(8, ngspice.loads);
        assertEquals(0, ngspice.resistances);
    }

    /** A simulator that counts the circuits loaded into it and the resistances set on it. */
    private static final class Counting implements Simulator {
        private final Simulator inner;
        int loads;
        int resistances;

        Counting(Simulator inner) {
            this.inner = inner;
        }

        @Override
        public void load(Circuit c) {
            loads++;
            inner.load(c);
        }

        @Override
        public void setSource(String name, double value) {
            inner.setSource(name, value);
        }

        @Override
        public void setResistance(String name, double ohms) {
            resistances++;
            inner.setResistance(name, ohms);
        }

        @Override
        public Solution operatingPoint() {
            return inner.operatingPoint();
        }

        @Override
        public SimulatorInfo info() {
            return inner.info();
        }

        @Override
        public void close() {
        }
    }

    /** A reference whose node voltages are edited after each solve: a stand-in for a backend that disagrees. */
    private static final class Edited implements Simulator {
        private final Simulator inner = new EmbeddedSimulator();
        private final java.util.function.Consumer<Map<String, Double>> edit;

        Edited(java.util.function.Consumer<Map<String, Double>> edit) {
            this.edit = edit;
        }

        /** One node (op0) 1 mV off. */
        static Edited shifted() {
            return new Edited(v -> v.put("op0", v.get("op0") + 1e-3));
        }

        @Override
        public void load(Circuit c) {
            inner.load(c);
        }

        @Override
        public void setSource(String name, double value) {
            inner.setSource(name, value);
        }

        @Override
        public void setResistance(String name, double ohms) {
            inner.setResistance(name, ohms);
        }

        @Override
        public Solution operatingPoint() {
            Solution s = inner.operatingPoint();
            Map<String, Double> v = new HashMap<>(s.voltages());
            edit.accept(v);
            return new Solution(v, s.currents());
        }

        @Override
        public SimulatorInfo info() {
            return new SimulatorInfo("shifted", "1", "test", "-");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aMismatchIsCountedOrStopsTheRun() {
        TrainingConfig cfg = config(Presets.kirazCase1(), Task.kirazCase1(), 2);
        CoSimulator counting = new CoSimulator(new EmbeddedSimulator(), Edited.shifted(),
                new BackendChoice(Backend.COSIM, 1, 1e-4, false));
        TrainingResult r = Trainer.train(counting, cfg, Trainer.Options.defaults());
        assertEquals(0, r.failedPhases());
        assertEquals(6, counting.total().mismatches());
        assertEquals(1e-3, counting.total().maxDifference(), 1e-12);
        assertTrue(counting.total().firstMismatch().contains("V(op0) differs by 1.000e-03 V"),
                counting.total().firstMismatch());

        CoSimulator stopping = new CoSimulator(new EmbeddedSimulator(), Edited.shifted(),
                new BackendChoice(Backend.COSIM, 4, 1e-4, true));
        CoSimulationMismatchException e = assertThrows(CoSimulationMismatchException.class,
                () -> Trainer.train(stopping, cfg, Trainer.Options.defaults()));
        assertTrue(e.getMessage().contains("at operating point 4 V(op0)"), e.getMessage());
    }

    @Test
    void aNodeOnlyTheReferenceHasIsNotAMismatchButAMissingOneIs() {
        // ngspice's phase sweep adds a dummy swept node (phasestep) that the checked circuit lacks
        TrainingConfig cfg = config(Presets.kirazCase1(), Task.kirazCase1(), 2);
        CoSimulator extra = new CoSimulator(new EmbeddedSimulator(), new Edited(v -> v.put("phasestep", 0.0)),
                new BackendChoice(Backend.COSIM, 1, 1e-4, false));
        Trainer.train(extra, cfg, Trainer.Options.defaults());
        assertEquals(6, extra.total().checks());
        assertEquals(0, extra.total().mismatches());
        assertTrue(extra.total().maxDifference() < 1e-12, "largest difference " + extra.total().maxDifference());

        CoSimulator missing = new CoSimulator(new EmbeddedSimulator(), new Edited(v -> v.remove("op0")),
                new BackendChoice(Backend.COSIM, 1, 1e-4, false));
        Trainer.train(missing, cfg, Trainer.Options.defaults());
        assertEquals(6, missing.total().mismatches());
        assertTrue(missing.total().firstMismatch().contains("V(op0) differs by Infinity"),
                missing.total().firstMismatch());
    }
}
