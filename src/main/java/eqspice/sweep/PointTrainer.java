package eqspice.sweep;

import eqspice.eqprop.PhaseStrategy;
import eqspice.results.IoFailures;
import eqspice.results.RunWriter;
import eqspice.run.RunListener;
import eqspice.run.RunRequest;
import eqspice.run.RunService;
import eqspice.study.Attribution;
import eqspice.train.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The worker's side of a point: train it on the worker's simulator, write its results into
 * {@code points/<id>/} and report its outcome. A run that throws is a failed point with the
 * exception's message; the worker goes on with its next point.
 *
 * <p>The folder is what {@code eqspice validate} reads: {@code experiment.yaml} (the point's
 * own experiment, written when the point starts) and, when it finishes, {@code summary.json}
 * (with the trained network's score, {@code final_network}) and {@code conductances.csv}. Each
 * is written to a temporary file and renamed, and a point that starts again (its sweep was
 * killed before its row reached points.csv) first removes what an earlier attempt finished
 * ({@link RunWriter} does), so a folder holds conductances.csv only when that attempt finished.
 * A point stopped by an I/O failure (a full disk) is {@link PointOutcome#UNFINISHED}, not
 * failed: the machine failed, not the point.
 */
public final class PointTrainer {
    private PointTrainer() {
    }

    /** Folder of one point's own results. */
    public static Path pointDir(Path sweepDir, String id) {
        return sweepDir.resolve("points").resolve(id);
    }

    /**
     * Trains a point through {@code service}, on the backend its experiment names, its phases
     * solved as {@code phases} says (empty: auto, as {@code eqspice run} does).
     */
    public static PointOutcome train(RunService service, SweepPoint point, Path sweepDir,
                                     Optional<PhaseStrategy> phases, int worker) {
        long t0 = System.nanoTime();
        try {
            Path dir = pointDir(sweepDir, point.id());
            // The backprop baseline is not trained per point: a sweep compares its points with each other.
            TrainingResult r = service.run(RunRequest.of(point.experiment())
                    .withExperimentYaml(point.yaml().getBytes(StandardCharsets.UTF_8))
                    .withOut(dir)
                    .withPhases(phases)
                    .withBaseline(false)
                    .withFinalScore(true), RunListener.NONE).result();
            // the study's measurements (none without a study: section) count in the point's seconds
            Map<String, String> study = service.attribution(point.experiment(), r, phases);
            return new PointOutcome(point.id(), PointOutcome.OK, r.initialLoss(), r.finalLoss(), r.converged(),
                    r.epochsToConverge(), r.failedPhases(), (System.nanoTime() - t0) / 1e9, worker, r.firstFailure(),
                    r.recoveryText(), study);
        } catch (RuntimeException e) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (IoFailures.cause(e).isPresent()) {
                return PointOutcome.unfinished(point.id(), worker, seconds, e.getMessage());
            }
            return PointOutcome.failed(point.id(), worker, seconds, e.getClass().getSimpleName() + ": " + e.getMessage())
                    .withStudy(point.experiment().study().isPresent() ? Attribution.ofFailure(e) : Map.of());
        }
    }
}
