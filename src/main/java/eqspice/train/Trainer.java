package eqspice.train;

import eqspice.task.Sample;
import eqspice.eqprop.ConductanceUpdate;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.PhaseStrategy;
import eqspice.eqprop.Programming;
import eqspice.network.Fidelity;
import eqspice.network.LayeredNetwork;
import eqspice.simulate.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One training run: initial conductances from the seed, then per epoch the samples in a
 * seeded random order, an EqProp step per sample and an update per mini-batch (B consecutive
 * samples of the order; with the sweep phase strategy their phases are one ngspice sweep). A phase that
 * fails is counted and its sample skipped; the run goes on.
 *
 * <p>A single-sample run on ideal devices with nothing measured between epochs can reach an exact
 * fixed point: every step smaller than half a unit in the last place of its conductance, or clipped
 * at a bound. Once three consecutive epochs have left every conductance bit for bit as it was and
 * reported the same figures, each further epoch would solve the same circuits from the same start
 * once more; those epochs are copied (their {@code seconds} 0) instead of solved, unless the options
 * ask for every epoch ({@link Options#withEveryEpochSolved}). In the Kiraz alpha/beta study that is
 * 31 % of the epochs, with results identical to the last digit (docs/performance.md).
 */
public final class Trainer {
    /** Mixed into the seed for the sample order, so that order and initial conductances are independent streams. */
    private static final long ORDER_STREAM = 0x9E3779B97F4A7C15L;
    /** Epochs in a row that must leave the network unchanged, with the same figures, before the rest are copied. */
    static final int REPEATS_BEFORE_COPY = 3;

    private Trainer() {
    }

    /**
     * How a run is watched and on which circuit it trains; {@link #defaults()} is the ideal
     * circuit, ideal devices, the default phase strategy, nothing watching.
     *
     * @param comments    provenance lines written into the loaded netlist's header
     * @param onEpoch     called after every epoch (progress, CSV rows)
     * @param probe       measured after every epoch (diagnostics columns); empty for none
     * @param fidelity    the circuit trained on (ideal, behavioural or transistor parts)
     * @param programming how devices take the update rule's steps (asymmetric, noisy, quantised; the write noise
     *                    drawn from its own seed)
     * @param strategy    how phases are solved; empty: {@link PhaseStrategy#defaultFor} the solver options
     * @param copyRepeats whether a run at an exact fixed point copies its remaining epochs instead of solving
     *                    them again (see {@link Trainer#train}); the results are the same either way
     */
    public record Options(List<String> comments, Consumer<EpochMetrics> onEpoch, Optional<EpochProbe> probe,
                          Fidelity fidelity, Programming programming, Optional<PhaseStrategy> strategy,
                          boolean copyRepeats) {
        public Options {
            if (comments == null || onEpoch == null || probe == null || fidelity == null || programming == null
                    || strategy == null) {
                throw new IllegalArgumentException("training options must all be given (Optional.empty() for none)");
            }
            comments = List.copyOf(comments);
        }

        /** No comments, nothing watching, the ideal circuit and devices, the default phase strategy, repeats copied. */
        public static Options defaults() {
            return new Options(List.of(), m -> { }, Optional.empty(), Fidelity.IDEAL, Programming.IDEAL,
                    Optional.empty(), true);
        }

        public Options withComments(List<String> lines) {
            return new Options(lines, onEpoch, probe, fidelity, programming, strategy, copyRepeats);
        }

        public Options withOnEpoch(Consumer<EpochMetrics> listener) {
            return new Options(comments, listener, probe, fidelity, programming, strategy, copyRepeats);
        }

        /** The probe measured after every epoch; null for none. */
        public Options withProbe(EpochProbe epochProbe) {
            return new Options(comments, onEpoch, Optional.ofNullable(epochProbe), fidelity, programming, strategy,
                    copyRepeats);
        }

        public Options withFidelity(Fidelity circuit) {
            return new Options(comments, onEpoch, probe, circuit, programming, strategy, copyRepeats);
        }

        public Options withProgramming(Programming devices) {
            return new Options(comments, onEpoch, probe, fidelity, devices, strategy, copyRepeats);
        }

        public Options withStrategy(PhaseStrategy phases) {
            return new Options(comments, onEpoch, probe, fidelity, programming, Optional.of(phases), copyRepeats);
        }

        /** Every epoch solved, also those that can only repeat the last one (the reference for the copy). */
        public Options withEveryEpochSolved() {
            return new Options(comments, onEpoch, probe, fidelity, programming, strategy, false);
        }
    }

    /**
     * Trains {@code cfg} on a simulator (which the caller opened and closes).
     */
    public static TrainingResult train(Simulator simulator, TrainingConfig cfg, Options options) {
        Programming programming = options.programming();
        EpochProbe probe = options.probe().orElse(null);
        SplittableRandom writeNoise = new SplittableRandom(programming.seed());
        long start = System.nanoTime();
        LayeredNetwork network = LayeredNetwork.random(cfg.spec(), cfg.initLow(), cfg.initHigh(), cfg.seed());
        CrossbarSession session = CrossbarSession.builder(simulator, network)
                .fidelity(options.fidelity())
                .options(cfg.solver())
                .comments(options.comments())
                .strategy(PhaseStrategy.chosenOrDefault(options.strategy(), cfg.solver()))
                .open();
        SplittableRandom order = new SplittableRandom(cfg.seed() ^ ORDER_STREAM);
        List<Sample> samples = cfg.task().samples();
        List<EpochMetrics> history = new ArrayList<>();
        int totalFailed = 0;
        String firstFailure = "";
        Map<String, Integer> recoveries = new TreeMap<>();
        boolean mayRepeat = options.copyRepeats() && samples.size() == 1 && probe == null && programming.ideal();
        int unchanged = 0; // consecutive epochs that left every conductance bit for bit as it was
        for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
            if (unchanged >= REPEATS_BEFORE_COPY && repeatsLast(history, REPEATS_BEFORE_COPY)) {
                // An exact fixed point: the last epochs solved the same circuits, changed nothing and
                // reported the same figures, so every later epoch would do the same once more. Three, not
                // two: the first of them may have started from the solution of an epoch that differed.
                EpochMetrics m = history.get(history.size() - 1).asEpoch(epoch, 0.0);
                history.add(m);
                options.onEpoch().accept(m);
                continue;
            }
            LayeredNetwork atStart = network;
            long t0 = System.nanoTime();
            EpochTally tally = new EpochTally(cfg.task().tolerance());
            Accuracy trainAccuracy = new Accuracy();
            int[] idx = sampleOrder(samples.size(), order);
            for (int pos = 0; pos < idx.length; pos += cfg.batchSize()) {
                // a mini-batch: B consecutive samples of the order, solved with the same conductances (one sweep
                // with the default strategy); failed samples are skipped, the others' gradients averaged
                List<double[]> xs = new ArrayList<>(cfg.batchSize());
                List<double[]> ys = new ArrayList<>(cfg.batchSize());
                for (int k = pos; k < Math.min(idx.length, pos + cfg.batchSize()); k++) {
                    xs.add(samples.get(idx[k]).x());
                    ys.add(samples.get(idx[k]).y());
                }
                ConductanceUpdate.Sum batch = new ConductanceUpdate.Sum();
                List<EqPropStep.Outcome> outcomes = new ArrayList<>(xs.size());
                EqPropStep.runBatch(session, xs, ys, cfg.estimator(), cfg.beta(), o -> {
                    if (o.failure() == null) {
                        batch.add(o.result().gradient());
                        // summed while in the cache; keep only the prediction and loss (159k values per sample at 784x2-100-10)
                        o = new EqPropStep.Outcome(new EqPropStep.Result(o.result().outputs(), o.result().loss(), null), null);
                    }
                    outcomes.add(o);
                });
                for (int k = 0; k < outcomes.size(); k++) {
                    EqPropStep.Outcome o = outcomes.get(k);
                    if (o.failure() == null) {
                        tally.add(ys.get(k), o.result().outputs(), o.result().loss());
                        trainAccuracy.add(ys.get(k), o.result().outputs(), o.result().loss());
                    } else {
                        tally.failed++;
                        trainAccuracy.addFailed();
                        if (firstFailure.isEmpty()) {
                            firstFailure = "epoch " + epoch + ": " + o.failure().getMessage().lines().findFirst().orElse("");
                        }
                    }
                }
                if (batch.count() > 0) {
                    double[] step = cfg.layerScaling().apply(cfg.spec(), batch.mean());
                    network = ConductanceUpdate.apply(network, step, cfg.alpha(), programming, writeNoise);
                    session.setNetwork(network);
                    tally.updates++;
                }
            }
            totalFailed += tally.failed;
            Map<String, Integer> rungs = session.takeRecoveries();
            rungs.forEach((k, v) -> recoveries.merge(k, v, Integer::sum));
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            EpochMetrics m = tally.metrics(epoch, network, trainSeconds)
                    .withRecovered(rungs.values().stream().mapToInt(Integer::intValue).sum());
            if (cfg.task().classification()) {
                // The training accuracy is that of the free phases solved during the epoch (the weights
                // change as it goes); the test samples are scored after the epoch's last update.
                Accuracy test = cfg.task().test().isEmpty() ? null : Accuracy.of(session, cfg.task().test());
                session.takeRecoveries().forEach((k, v) -> recoveries.merge(k, v, Integer::sum));
                m = m.withDiagnostics(Accuracy.columns(trainAccuracy, test));
            }
            if (probe != null) {
                m = m.withDiagnostics(probe.measure(network));
                if (probe.solves()) {
                    session.reload(); // the probe used the simulator
                }
            }
            unchanged = mayRepeat && tally.failed == 0 && rungs.isEmpty() && network.equals(atStart) ? unchanged + 1 : 0;
            history.add(m);
            options.onEpoch().accept(m);
        }
        int since = Convergence.of(cfg).since(history);
        return new TrainingResult(network, history, since > 0, since, totalFailed,
                (System.nanoTime() - start) / 1e9, firstFailure, recoveries);
    }

    /** True when the last {@code n} epochs of {@code history} report the same figures. */
    private static boolean repeatsLast(List<EpochMetrics> history, int n) {
        EpochMetrics last = history.get(history.size() - 1);
        for (int k = 2; k <= n; k++) {
            if (!last.sameOutcome(history.get(history.size() - k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One epoch's sample order: a Fisher-Yates shuffle drawn from {@code rng}. The backprop
     * baseline calls it with the same seed, so that both see the samples in the same order.
     */
    public static int[] sampleOrder(int n, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = idx[k];
            idx[k] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /** Running sums of one epoch: the outputs' tally, failed phases and updates. */
    private static final class EpochTally {
        private final OutputTally outputs;
        int failed;
        int updates;

        EpochTally(double tolerance) {
            this.outputs = new OutputTally(tolerance);
        }

        void add(double[] y, double[] o, double loss) {
            outputs.add(y, o, loss);
        }

        EpochMetrics metrics(int epoch, LayeredNetwork network, double seconds) {
            int solved = outputs.solved();
            return new EpochMetrics(epoch, outputs.meanLoss(), outputs.meanAbsError(),
                    solved == 0 ? 0 : (double) outputs.correct() / solved, failed, updates,
                    network.minConductance(), network.maxConductance(), seconds);
        }
    }
}
