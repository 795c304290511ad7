package eqspice.experiment;

import static eqspice.experiment.FieldChecks.atLeastOne;
import static eqspice.experiment.FieldChecks.escape;
import static eqspice.experiment.FieldChecks.nonNegative;
import static eqspice.experiment.FieldChecks.or;
import static eqspice.experiment.FieldChecks.positive;
import static eqspice.experiment.FieldChecks.require;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.LayerScaling;
import eqspice.experiment.ExperimentDoc.SolverDoc;
import eqspice.experiment.ExperimentDoc.TrainingDoc;
import eqspice.network.NetworkLimits;
import eqspice.network.NetworkSpec;
import eqspice.task.Task;
import eqspice.train.TrainingConfig;
import java.util.List;
import java.util.Optional;

/**
 * Turns a parsed {@link ExperimentDoc} into a {@link TrainingConfig}: fills defaults (from the
 * network preset where one is named) and lets the records' constructors validate the result.
 * The {@code network:} and {@code task:} sections have their own resolvers
 * ({@link NetworkResolver}, {@link TaskResolver}); this one checks the name and reads the
 * {@code training:} and {@code solver:} sections. Errors are {@link IllegalArgumentException}s
 * that name the YAML field.
 */
final class ConfigResolver {
    // The training section's defaults are TrainingConfig.builder's, documented in experiments/README.md.

    private ConfigResolver() {
    }

    /** What an experiment name may be: it becomes a folder under results/, so no separators and no "." or "..". */
    static final String NAME_PATTERN = "[a-z0-9][a-z0-9_.-]{0,63}";

    static TrainingConfig resolve(ExperimentDoc doc) {
        if (doc.name() != null && !doc.name().matches(NAME_PATTERN)) {
            // Escaped so that a name with line breaks stays on the one line of the error message.
            throw new IllegalArgumentException("field 'name': '" + escape(doc.name())
                    + "' is not allowed; use lower-case letters, digits, '_', '.', '-' (it names the results folder)");
        }
        checkNumbers(doc);
        NetworkSpec spec = NetworkResolver.resolve(require(doc.network(), "network"));
        // before anything is allocated for the network, and before a data set is read
        NetworkLimits.fromEnvironment().check(spec.inputs(), spec.doubledInputs(), spec.biasVoltages().size(),
                spec.hidden(), spec.outputs());
        Task task = TaskResolver.resolve(doc.task());
        TrainingDoc t = require(doc.training(), "training");
        List<Double> init = t.init() != null ? t.init() : List.of(spec.bounds().gMin() * 10, spec.bounds().gMax() / 10);
        if (init.size() != 2) {
            throw new IllegalArgumentException("field 'training.init' must be a list of two conductances [low, high] in S");
        }
        Estimator estimator;
        try {
            estimator = Estimator.parse(or(t.estimator(), TrainingConfig.DEFAULT_ESTIMATOR.id()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'training.estimator': " + e.getMessage(), e);
        }
        LayerScaling scaling;
        try {
            scaling = LayerScaling.parse(or(t.layerScaling(), LayerScaling.NONE.id()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'training.layer_scaling': " + e.getMessage(), e);
        }
        TrainingConfig.Builder b = TrainingConfig.builder(spec, task).estimator(estimator).layerScaling(scaling)
                .alpha(require(t.alpha(), "training.alpha")).beta(require(t.beta(), "training.beta"))
                .init(init.get(0), init.get(1)).solver(solver(doc.solver()));
        Optional.ofNullable(t.epochs()).ifPresent(b::epochs);
        Optional.ofNullable(t.batchSize()).ifPresent(b::batchSize);
        Optional.ofNullable(t.seed()).ifPresent(b::seed);
        Optional.ofNullable(t.convergedLoss()).ifPresent(b::convergedLoss);
        return b.build();
    }

    private static SolverOptions solver(SolverDoc s) {
        SolverOptions d = SolverOptions.DEFAULT;
        if (s == null) {
            return d;
        }
        return new SolverOptions(or(s.klu(), d.klu()), or(s.reltol(), d.reltol()), or(s.abstol(), d.abstol()),
                or(s.vntol(), d.vntol()), or(s.gmin(), d.gmin()), or(s.itl1(), d.itl1()));
    }

    /**
     * Checks the numbers whose records would otherwise report them without their YAML field
     * ({@code g_min must be > 0}, {@code reltol must be > 0}): the message must name the field a
     * user has to edit. The records' own checks stay as the last line of defence.
     */
    private static void checkNumbers(ExperimentDoc doc) {
        if (doc.network() != null) {
            NetworkResolver.checkNumbers(doc.network());
        }
        if (doc.task() != null) {
            positive("task.tolerance", doc.task().tolerance(), "V");
        }
        SolverDoc s = doc.solver();
        if (s != null) {
            positive("solver.reltol", s.reltol(), "");
            positive("solver.abstol", s.abstol(), "A");
            positive("solver.vntol", s.vntol(), "V");
            nonNegative("solver.gmin", s.gmin(), "S");
            atLeastOne("solver.itl1", s.itl1());
        }
    }
}
