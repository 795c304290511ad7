package eqspice.train;

import eqspice.task.Task;
import eqspice.circuit.SolverOptions;
import eqspice.eqprop.Estimator;
import eqspice.network.NetworkSpec;

/**
 * Everything one training run depends on. All randomness (initial conductances, sample
 * order) comes from {@code seed}.
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
 */
public record TrainingConfig(NetworkSpec spec, Task task, Estimator estimator, double alpha, double beta, int epochs,
                             int batchSize, long seed, double initLow, double initHigh, double convergedLoss,
                             SolverOptions solver) {
    public TrainingConfig {
        if (spec == null || task == null || estimator == null || solver == null) {
            throw new IllegalArgumentException("network, task, estimator and solver must be given");
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
}
