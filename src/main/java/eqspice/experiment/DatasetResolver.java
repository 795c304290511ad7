package eqspice.experiment;

import eqspice.baseline.BaselineConfig;
import eqspice.baseline.SoftClip;
import eqspice.data.DataException;
import eqspice.data.Dataset;
import eqspice.data.DatasetCache;
import eqspice.data.DatasetTask;
import eqspice.data.Encoding;
import eqspice.experiment.ExperimentDoc.BaselineDoc;
import eqspice.experiment.ExperimentDoc.DatasetDoc;
import eqspice.experiment.ExperimentDoc.TaskDoc;
import eqspice.task.Task;
import java.util.List;
import java.util.Optional;

/**
 * The experiment fields of real data sets: {@code task.dataset} (which data set, its encoding
 * into voltages, sizes, pooling) and {@code baseline} (the backprop network trained beside the
 * circuit). Errors name the field; a data set that is not provisioned says how to fetch it.
 */
final class DatasetResolver {
    static final List<Double> DEFAULT_INPUT_RANGE = List.of(-1.0, 1.0);
    static final double DEFAULT_TARGET_HIGH = 1.0;
    static final double DEFAULT_TARGET_LOW = 0.0;
    /** A classification output is "correct" (correct_fraction column) within half the target swing by default. */
    static final double DEFAULT_TOLERANCE_SHARE = 0.5;

    /** A data set built from its spec. */
    private record Built(DatasetTask spec, Task task) {
    }

    /** The last data set built, so that the points of a sweep do not read the files once each. */
    private static volatile Built last;

    private DatasetResolver() {
    }

    /** The task of {@code task.dataset}; the caller has checked that {@code t.dataset()} is set. */
    static Task task(TaskDoc t) {
        DatasetDoc d = t.dataset();
        if (t.name() != null || t.samples() != null) {
            throw new IllegalArgumentException("field 'task.dataset': give either task.name, task.samples or "
                    + "task.dataset, not several");
        }
        if (d.name() == null) {
            throw new IllegalArgumentException("field 'task.dataset.name' is missing; allowed: " + Dataset.names());
        }
        Dataset set;
        try {
            set = Dataset.of(d.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'task.dataset.name': unknown data set '"
                    + FieldChecks.escape(d.name()) + "'; allowed: " + Dataset.names(), e);
        }
        List<Double> range = d.inputRange() != null ? d.inputRange() : DEFAULT_INPUT_RANGE;
        if (range.size() != 2 || range.stream().anyMatch(java.util.Objects::isNull) || !(range.get(0) < range.get(1))
                || !Double.isFinite(range.get(0)) || !Double.isFinite(range.get(1))) {
            throw new IllegalArgumentException("field 'task.dataset.input_range' must be two finite voltages [low, high] "
                    + "with low < high, got " + range);
        }
        double high = d.targetHigh() != null ? d.targetHigh() : DEFAULT_TARGET_HIGH;
        double low = d.targetLow() != null ? d.targetLow() : DEFAULT_TARGET_LOW;
        if (!Double.isFinite(high) || !Double.isFinite(low) || !(low < high)) {
            throw new IllegalArgumentException("field 'task.dataset.target_low' (" + low
                    + " V) must be below task.dataset.target_high (" + high + " V), both finite");
        }
        int train = size("task.dataset.train_size", d.trainSize());
        int test = size("task.dataset.test_size", d.testSize());
        int pool = d.pool() != null ? d.pool() : 1;
        if (set == Dataset.FASHION_MNIST ? !(pool == 1 || pool == 2 || pool == 4) : pool != 1) {
            throw new IllegalArgumentException("field 'task.dataset.pool': " + pool + " is not allowed; "
                    + (set == Dataset.FASHION_MNIST ? "allowed: 1 (28x28), 2 (14x14), 4 (7x7)"
                    : "pooling applies to fashion-mnist only (leave it out)"));
        }
        double tolerance = t.tolerance() != null ? t.tolerance() : DEFAULT_TOLERANCE_SHARE * (high - low);
        DatasetTask spec = new DatasetTask(set, new Encoding(range.get(0), range.get(1), high, low), train, test, pool,
                tolerance);
        return build(spec);
    }

    private static Task build(DatasetTask spec) {
        Built memo = last;
        if (memo != null && memo.spec().equals(spec)) {
            return memo.task();
        }
        try {
            Task task = spec.build(DatasetCache.fromEnvironment());
            last = new Built(spec, task);
            return task;
        } catch (DataException e) {
            throw new IllegalArgumentException("field 'task.dataset.name': " + e.getMessage(), e);
        }
    }

    private static int size(String field, Integer v) {
        if (v == null) {
            return 0;
        }
        if (v < 1) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer >= 1 (leave it out for all), got "
                    + v);
        }
        return v;
    }

    /**
     * The baseline of an experiment: on by default for data-set tasks, off otherwise;
     * {@code baseline.enabled} decides when given.
     */
    static Optional<BaselineConfig> baseline(BaselineDoc b, boolean datasetTask) {
        boolean on = b != null && b.enabled() != null ? b.enabled() : datasetTask;
        if (b != null) {
            positive("baseline.learning_rate", b.learningRate());
            positive("baseline.limit", b.limit());
            positive("baseline.softness", b.softness());
        }
        if (!on) {
            return Optional.empty();
        }
        SoftClip d = SoftClip.DEFAULT;
        double rate = b != null && b.learningRate() != null ? b.learningRate() : BaselineConfig.DEFAULT_RATE;
        double limit = b != null && b.limit() != null ? b.limit() : d.limit();
        double softness = b != null && b.softness() != null ? b.softness() : d.softness();
        return Optional.of(new BaselineConfig(rate, new SoftClip(limit, softness)));
    }

    private static void positive(String field, Double v) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("field '" + field + "' must be a finite number > 0, got " + v);
        }
    }
}
