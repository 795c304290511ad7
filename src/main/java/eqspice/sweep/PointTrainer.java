package eqspice.sweep;

import eqspice.experiment.Experiment;
import eqspice.results.ConfigDescription;
import eqspice.results.Provenance;
import eqspice.results.RunWriter;
import eqspice.simulate.Simulator;
import eqspice.train.Trainer;
import eqspice.train.TrainingResult;
import java.nio.file.Path;

/**
 * The worker's side of a point: train it on the worker's simulator, write its per-epoch
 * metrics into {@code points/<id>/} and report its outcome. A run that throws is a failed
 * point with the exception's message; the worker goes on with its next point.
 */
public final class PointTrainer {
    private PointTrainer() {
    }

    /** Folder of one point's own results. */
    public static Path pointDir(Path sweepDir, String id) {
        return sweepDir.resolve("points").resolve(id);
    }

    public static PointOutcome train(Simulator sim, SweepPoint point, Path sweepDir, String eqspiceVersion, int worker) {
        long t0 = System.nanoTime();
        Experiment exp = point.experiment();
        try {
            Provenance prov = Provenance.of(eqspiceVersion, sim.info(), exp.config().solver(), exp.config().seed(),
                    exp.file().toString(), exp.sha256());
            TrainingResult r;
            // A classification point's metrics carry its accuracies (train, test) like a single run's.
            java.util.List<String> columns = exp.config().task().classification() ? eqspice.train.Accuracy.COLUMNS
                    : java.util.List.of();
            try (RunWriter w = new RunWriter(pointDir(sweepDir, point.id()), prov, ConfigDescription.of(exp.config()),
                    columns)) {
                r = Trainer.train(sim, exp.config(), prov.lines(), w::epoch, null, exp.hardware().trainFidelity(),
                        exp.programming());
                w.summary(r);
            }
            return new PointOutcome(point.id(), PointOutcome.OK, r.initialLoss(), r.finalLoss(), r.converged(),
                    r.epochsToConverge(), r.failedPhases(), (System.nanoTime() - t0) / 1e9, worker, r.firstFailure(),
                    r.recoveryText());
        } catch (RuntimeException e) {
            return PointOutcome.failed(point.id(), worker, (System.nanoTime() - t0) / 1e9,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
