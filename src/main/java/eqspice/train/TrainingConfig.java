package eqspice.train;

import eqspice.task.Task;
import eqspice.circuit.SolverOptions;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.LayerScaling;
import eqspice.network.NetworkSpec;

/**
 * Everything one training run depends on. All randomness (initial conductances, sample
 * order) comes from {@code seed}. Build one with {@link #builder}, which holds the defaults an
 * experiment file gets for the fields it leaves out; {@link #toBuilder()} changes a few fields of
 * an existing one.
 *
 * @param spec          the network
 * @param task          the samples to learn
 * @param estimator     EqProp estimator
 * @param alpha         learning rate (S^2/V^2: conductance step per unit of dL/dg), &gt;= 0
 * @param beta          nudging strength (S), &gt; 0
 * @param epochs        passes over the task, &gt;= 1
 * @param batchSize     samples per update (1 = online), 1..task size
 * @param seed          seed of every random choice
 * @param initLow       lower end of the uniform initial conductance range (S)
 * @param initHigh      upper end of the uniform initial conductance range (S)
 * @param convergedLoss a run has converged when its final loss is at or below this (V^2) and its last epoch had no failed phase
 * @param solver        ngspice solver options
 * @param layerScaling  how each layer's estimate is scaled before the update (compensate: times (A/b)^k)
 */
public record TrainingConfig(NetworkSpec spec, Task task, Estimator estimator, double alpha, double beta, int epochs,
                             int batchSize, long seed, double initLow, double initHigh, double convergedLoss,
                             SolverOptions solver, LayerScaling layerScaling) {
    public TrainingConfig {
        if (spec == null || task == null || estimator == null || solver == null || layerScaling == null) {
            throw new IllegalArgumentException("network, task, estimator, solver and layer scaling must be given");
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("training.alpha must be a finite number >= 0, got " + alpha);
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("training.beta must be a finite number > 0, got " + beta);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("training.epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1 || batchSize > task.samples().size()) {
            throw new IllegalArgumentException("training.batch_size must be between 1 and the number of samples ("
                    + task.samples().size() + "), got " + batchSize);
        }
        if (task.inputs() != spec.inputs()) {
            throw new IllegalArgumentException("task '" + task.name() + "' has " + task.inputs()
                    + " inputs per sample but network.inputs is " + spec.inputs());
        }
        if (task.outputs() != spec.outputs()) {
            throw new IllegalArgumentException("task '" + task.name() + "' has " + task.outputs()
                    + " targets per sample but network.outputs is " + spec.outputs());
        }
        if (!(initLow > 0) || !(initHigh >= initLow) || !spec.bounds().contains(initLow)
                || !spec.bounds().contains(initHigh)) {
            throw new IllegalArgumentException("training.init [" + initLow + ", " + initHigh
                    + "] S must be a non-empty range inside [g_min, g_max] = [" + spec.bounds().gMin() + ", "
                    + spec.bounds().gMax() + "] S");
        }
        if (!(convergedLoss > 0) || !Double.isFinite(convergedLoss)) {
            throw new IllegalArgumentException("training.converged_loss must be a finite number > 0, got "
                    + convergedLoss);
        }
    }

    /** Default estimator: centered (bias O(beta^2)). */
    public static final Estimator DEFAULT_ESTIMATOR = Estimator.CENTERED;
    /** Default number of epochs. */
    public static final int DEFAULT_EPOCHS = 100;
    /** Default loss (V^2) at or below which a run has converged. */
    public static final double DEFAULT_CONVERGED_LOSS = 1e-3;

    /**
     * A configuration for {@code spec} and {@code task} with the defaults: centered estimator,
     * 100 epochs, online updates (batch 1), seed 1, initial conductances uniform in
     * [10 g_min, g_max / 10], converged below 1e-3 V^2, ngspice's default solver options, no layer scaling. alpha
     * and beta have no default: {@link Builder#build()} refuses a configuration without them.
     */
    public static Builder builder(NetworkSpec spec, Task task) {
        return new Builder(spec, task);
    }

    /** A builder holding this configuration, to change some of its fields. */
    public Builder toBuilder() {
        return new Builder(spec, task).estimator(estimator).alpha(alpha).beta(beta).epochs(epochs)
                .batchSize(batchSize).seed(seed).init(initLow, initHigh).convergedLoss(convergedLoss).solver(solver)
                .layerScaling(layerScaling);
    }

    /** Collects the fields of a {@link TrainingConfig}; {@link #build()} validates them. */
    public static final class Builder {
        private NetworkSpec spec;
        private Task task;
        private Estimator estimator = DEFAULT_ESTIMATOR;
        private double alpha = Double.NaN;
        private double beta = Double.NaN;
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = 1;
        private long seed = 1;
        private Double initLow;
        private Double initHigh;
        private double convergedLoss = DEFAULT_CONVERGED_LOSS;
        private SolverOptions solver = SolverOptions.DEFAULT;
        private LayerScaling layerScaling = LayerScaling.NONE;

        private Builder(NetworkSpec spec, Task task) {
            this.spec = spec;
            this.task = task;
        }

        public Builder spec(NetworkSpec network) {
            this.spec = network;
            return this;
        }

        public Builder task(Task samples) {
            this.task = samples;
            return this;
        }

        public Builder estimator(Estimator value) {
            this.estimator = value;
            return this;
        }

        /** Learning rate (S^2/V^2). */
        public Builder alpha(double value) {
            this.alpha = value;
            return this;
        }

        /** Nudging strength (S). */
        public Builder beta(double value) {
            this.beta = value;
            return this;
        }

        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The uniform range of the initial conductances (S). */
        public Builder init(double low, double high) {
            this.initLow = low;
            this.initHigh = high;
            return this;
        }

        public Builder convergedLoss(double value) {
            this.convergedLoss = value;
            return this;
        }

        public Builder solver(SolverOptions options) {
            this.solver = options;
            return this;
        }

        /** How each layer's estimate is scaled before the update (default none). */
        public Builder layerScaling(LayerScaling scaling) {
            this.layerScaling = scaling;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the first field that is missing or out of range
         */
        public TrainingConfig build() {
            if (spec == null) {
                throw new IllegalArgumentException("network, task, estimator and solver must be given");
            }
            return new TrainingConfig(spec, task, estimator, alpha, beta, epochs, batchSize, seed,
                    initLow != null ? initLow : spec.bounds().gMin() * 10,
                    initHigh != null ? initHigh : spec.bounds().gMax() / 10, convergedLoss, solver, layerScaling);
        }
    }
}
