package eqspice.sweep;

import eqspice.cosim.Backends;
import eqspice.cosim.CoSimProbe;
import eqspice.cosim.CoSimulator;
import eqspice.experiment.Experiment;
import eqspice.results.ConfigDescription;
import eqspice.results.IoFailures;
import eqspice.results.Provenance;
import eqspice.results.RunWriter;
import eqspice.simulate.Simulator;
import eqspice.train.Trainer;
import eqspice.train.TrainingResult;
import eqspice.train.EpochProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * Trains a point on the backend its experiment names: the worker's ngspice {@code ngspice}
     * for the ngspice backend, the embedded solver (checked by that ngspice for cosim) otherwise;
     * {@code ngspice} may be null when the point does not use it.
     */
    public static PointOutcome train(Simulator ngspice, SweepPoint point, Path sweepDir, String eqspiceVersion,
                                     int worker) {
        long t0 = System.nanoTime();
        Experiment exp = point.experiment();
        try {
            Simulator sim = Backends.open(exp.simulator(), () -> ngspice);
            CoSimulator cosim = sim instanceof CoSimulator c ? c : null;
            Provenance prov = Provenance.of(eqspiceVersion, sim.info(), exp.config().solver(), exp.config().seed(),
                    exp.file().toString(), exp.sha256());
            TrainingResult r;
            Map<String, Object> config = new LinkedHashMap<>(ConfigDescription.of(exp.config()));
            config.put("simulator", exp.simulator().label());
            config.put("phases", eqspice.eqprop.PhaseStrategy.defaultFor(exp.config().solver()).label());
            EpochProbe probe = cosim == null ? null : new CoSimProbe(cosim);
            // A classification point's metrics carry its accuracies (train, test) like a single run's.
            List<String> columns = new java.util.ArrayList<>(exp.config().task().classification()
                    ? eqspice.train.Accuracy.COLUMNS : List.of());
            if (probe != null) {
                columns.addAll(probe.columns());
            }
            Path dir = pointDir(sweepDir, point.id());
            try (RunWriter w = new RunWriter(dir, prov, config, columns)) {
                w.experiment(point.yaml().getBytes(StandardCharsets.UTF_8));
                r = Trainer.train(sim, exp.config(), prov.lines(), w::epoch, probe, exp.hardware().trainFidelity(),
                        exp.programming());
                Map<String, Object> extra = new LinkedHashMap<>();
                if (cosim != null) {
                    extra.put("cosimulation", CoSimProbe.summary(cosim, cosim.checkNow()));
                }
                extra.put("final_network", FinalScore.of(sim, exp, r.finalNetwork(), prov.lines()).summary());
                w.summary(r, extra); // conductances.csv last: the point's folder is complete when it is there
            }
            return new PointOutcome(point.id(), PointOutcome.OK, r.initialLoss(), r.finalLoss(), r.converged(),
                    r.epochsToConverge(), r.failedPhases(), (System.nanoTime() - t0) / 1e9, worker, r.firstFailure(),
                    r.recoveryText());
        } catch (RuntimeException e) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (IoFailures.cause(e).isPresent()) {
                return PointOutcome.unfinished(point.id(), worker, seconds, e.getMessage());
            }
            return PointOutcome.failed(point.id(), worker, seconds, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
