package eqspice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.network.LayeredNetwork;
import eqspice.network.Presets;
import eqspice.ngspice.NgspiceSession;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Recovery;
import eqspice.simulate.Simulator;
import eqspice.simulate.SimulatorInfo;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.Solution;
import eqspice.sweep.Sweep;
import eqspice.train.EpochMetrics;
import eqspice.train.TrainingConfig;
import eqspice.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code bench study}: it selects the runs it says, its agreement check counts differences, and
 * on real ngspice the reference path and the embedded solver agree on a few Kiraz runs.
 */
class StudyBenchTest {
    private static final Path STUDY = Path.of("experiments/kiraz-alpha-beta-small.yaml");

    @Test
    void selectsEveryStrideThRunWithTheEpochsAsked() {
        Sweep sweep = Sweep.load(STUDY);
        List<TrainingConfig> runs = StudyBench.select(sweep, 50, 7);
        assertEquals(4, runs.size()); // points 0, 50, 100, 150 of 180
        assertEquals(sweep.points().get(50).experiment().config().alpha(), runs.get(1).alpha());
        assertEquals(sweep.points().get(100).experiment().config().beta(), runs.get(2).beta());
        assertTrue(runs.stream().allMatch(c -> c.epochs() == 7));
        assertEquals(200, StudyBench.select(sweep, 180, 0).get(0).epochs()); // 0: the study's epochs
    }

    @Test
    void agreementCountsFlagAndEpochDifferencesAndTheLargestLossDifference() {
        List<TrainingResult> ref = List.of(result(true, 3, 1e-4), result(false, -1, 0.2), result(true, 5, 1e-15));
        List<TrainingResult> same = List.of(result(true, 3, 1e-4), result(false, -1, 0.2), result(true, 5, 2e-15));
        StudyBench.Agreement a = StudyBench.compare(ref, same);
        assertTrue(a.identical());
        assertEquals(1e-15, a.maxLossDifference(), 1e-30);
        assertEquals(1e-15 / StudyBench.RELATIVE_FLOOR, a.maxRelativeLossDifference(), 1e-12);

        List<TrainingResult> other = List.of(result(true, 4, 1e-4), result(true, 9, 1e-4), result(true, 5, 1e-15));
        StudyBench.Agreement b = StudyBench.compare(ref, other);
        assertFalse(b.identical());
        assertEquals(1, b.convergedDiffer());
        assertEquals(2, b.epochDiffer());
        assertEquals(0.2 - 1e-4, b.maxLossDifference(), 1e-15);
    }

    @Test
    void referenceAndEmbeddedAgreeOnKirazRunsAndTheTableSaysSo() {
        Sweep sweep = Sweep.load(STUDY);
        List<TrainingConfig> runs = StudyBench.select(sweep, 45, 40);
        StudyBench.Path reference = new StudyBench.Path("ngspice", () -> new Unclosed(SharedSession.get()),
                Optional.empty(), o -> o, false);
        StudyBench.Path embedded = new StudyBench.Path("embedded", eqspice.embedded.EmbeddedSimulator::new,
                Optional.empty(), o -> o, false);
        StudyBench.Timing r = StudyBench.time(reference, runs);
        StudyBench.Timing e = StudyBench.time(embedded, runs);
        assertEquals(runs.size(), r.results().size());
        StudyBench.Agreement a = StudyBench.compare(r.results(), e.results());
        assertTrue(a.identical(), StudyBench.describe(a));
        assertTrue(a.maxLossDifference() < 1e-6, StudyBench.describe(a));
        // the runs did train: the reference's losses fell
        assertTrue(r.results().stream().allMatch(t -> t.finalLoss() < t.initialLoss()));

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StudyBench.run(new PrintStream(buf, true, StandardCharsets.UTF_8), sweep, runs.subList(0, 2),
                List.of(reference, embedded), 2);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("2 of its 180 runs, 40 epochs each, 2 repetitions"), out);
        assertTrue(out.lines().filter(l -> l.startsWith("embedded ")).findFirst().orElseThrow()
                .contains("identical flags and epochs over 2 runs"), out);
    }

    /**
     * Copying the epochs of an exact fixed point changes no figure: every epoch's row, the flags and
     * the trained network are the same to the last bit as when every epoch is solved in ngspice,
     * and some epochs were copied (their seconds are 0), so the comparison is not empty.
     */
    @Test
    void copiedRepeatsGiveTheSameRunsToTheLastBit() {
        List<TrainingConfig> runs = StudyBench.select(Sweep.load(STUDY), 30, 200);
        StudyBench.Path solved = new StudyBench.Path("every epoch", () -> new Unclosed(SharedSession.get()),
                Optional.empty(), o -> o, false);
        StudyBench.Path copied = new StudyBench.Path("copied", () -> new Unclosed(SharedSession.get()),
                Optional.empty(), o -> o, true);
        List<TrainingResult> a = StudyBench.time(solved, runs).results();
        List<TrainingResult> b = StudyBench.time(copied, runs).results();
        int copiedEpochs = 0;
        for (int k = 0; k < runs.size(); k++) {
            TrainingResult x = a.get(k);
            TrainingResult y = b.get(k);
            assertEquals(x.epochs().size(), y.epochs().size());
            for (int e = 0; e < x.epochs().size(); e++) {
                assertTrue(x.epochs().get(e).sameOutcome(y.epochs().get(e)), "run " + k + " epoch " + (e + 1));
                copiedEpochs += y.epochs().get(e).seconds() == 0.0 ? 1 : 0;
            }
            assertEquals(x.converged(), y.converged());
            assertEquals(x.epochsToConverge(), y.epochsToConverge());
            assertEquals(x.finalNetwork(), y.finalNetwork(), "run " + k);
        }
        assertTrue(copiedEpochs > 100, copiedEpochs + " epochs copied over " + runs.size() + " runs");
    }

    private static TrainingResult result(boolean converged, int epoch, double loss) {
        EpochMetrics m = new EpochMetrics(1, loss, 0, 1, 0, 1, 1e-6, 1e-4, 0.01);
        LayeredNetwork net = LayeredNetwork.random(Presets.kirazCase1(), 1e-5, 1e-4, 1);
        return new TrainingResult(net, List.of(m), converged, epoch, 0, 0.01, "", Map.of());
    }

    /** The test JVM's one ngspice instance, which the bench must not close. */
    private record Unclosed(NgspiceSession session) implements Simulator {
        @Override
        public void load(Circuit circuit) {
            session.load(circuit);
        }

        @Override
        public void setSource(String name, double value) {
            session.setSource(name, value);
        }

        @Override
        public void setResistance(String name, double ohms) {
            session.setResistance(name, ohms);
        }

        @Override
        public Solution operatingPoint() {
            return session.operatingPoint();
        }

        @Override
        public Recovery lastRecovery() {
            return session.lastRecovery();
        }

        @Override
        public SolvedSequence solveSequence(int steps, PhasePlan plan) {
            return session.solveSequence(steps, plan);
        }

        @Override
        public SimulatorInfo info() {
            return session.info();
        }

        @Override
        public void close() {
        }
    }
}
