package eqspice.run;

import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.PhaseFailedException;
import eqspice.eqprop.PhaseStrategy;
import eqspice.experiment.Experiment;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.Simulator;
import eqspice.train.OutputTally;
import eqspice.task.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained network of a point scored on its task's training samples, after the last
 * update, on the circuit it was trained on. The epoch metrics cannot say this: they are
 * measured while the weights change. {@code eqspice validate} of the point's folder gives the
 * same figures at the training level, which is what shows that the folder holds this point.
 *
 * @param lossV2          mean ½‖y − o‖² over the samples that solved (V²), NaN when none did
 * @param meanAbsErrorV   mean |y − o| over those samples and their outputs (V)
 * @param correctFraction samples whose every output is within the task's tolerance (a failed
 *                        solve counts as wrong), as validate counts accuracy
 * @param failures        samples whose free phase did not solve
 * @param samples         samples scored
 */
public record FinalScore(double lossV2, double meanAbsErrorV, double correctFraction, int failures, int samples) {
    private static final int SWEEP_CHUNK = 150;

    /** Solves the free phase of every training sample of {@code exp} on {@code network}, phases as {@code strategy} says. */
    static FinalScore of(Simulator simulator, Experiment exp, LayeredNetwork network, List<String> comments,
                         PhaseStrategy strategy) {
        List<Sample> samples = exp.config().task().samples();
        CrossbarSession session = CrossbarSession.builder(simulator, network).fidelity(exp.hardware().trainFidelity())
                .options(exp.config().solver())
                .comments(comments)
                .strategy(strategy).open();
        List<double[]> outputs = new ArrayList<>(samples.size());
        if (session.strategy() == PhaseStrategy.SWEEP) {
            // At most SWEEP_CHUNK free phases per dc sweep, the size the held-out scoring (train.Accuracy) uses.
            for (int from = 0; from < samples.size(); from += SWEEP_CHUNK) {
                outputs.addAll(EqPropStep.freeOutputs(session, samples.subList(from, Math.min(samples.size(),
                        from + SWEEP_CHUNK)).stream().map(Sample::x).toList(), exp.config().task().outputs()));
            }
        } else {
            for (Sample s : samples) {
                try {
                    outputs.add(EqPropStep.free(session, s.x(), s.y()).outputs());
                } catch (PhaseFailedException e) {
                    outputs.add(null);
                }
            }
        }
        OutputTally tally = new OutputTally(exp.config().task().tolerance());
        for (int k = 0; k < samples.size(); k++) {
            double[] o = outputs.get(k);
            if (o != null) {
                double[] y = samples.get(k).y();
                tally.add(y, o, EqPropStep.loss(y, o));
            }
        }
        // A failed solve counts as wrong: the fraction is over all samples, as validate counts it.
        return new FinalScore(tally.meanLoss(), tally.meanAbsError(), (double) tally.correct() / samples.size(),
                samples.size() - tally.solved(), samples.size());
    }

    /** The score as summary.json's {@code final_network} section. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss_v2", lossV2);
        m.put("mean_abs_error_v", meanAbsErrorV);
        m.put("correct_fraction", correctFraction);
        m.put("failures", failures);
        m.put("samples", samples);
        return m;
    }
}
