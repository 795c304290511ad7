package eqspice.experiment;

import static eqspice.experiment.FieldChecks.escape;
import static eqspice.experiment.FieldChecks.or;

import eqspice.experiment.ExperimentDoc.TaskDoc;
import eqspice.task.Sample;
import eqspice.task.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@code task:} section into a {@link Task}: a built-in task by name, explicit
 * samples, or a real data set ({@link DatasetResolver}). Errors name the YAML field, down to
 * the sample and value ({@code task.samples[1].x[0]}); {@link ExperimentLoader} adds the file
 * and line.
 */
final class TaskResolver {
    private TaskResolver() {
    }

    /**
     * The task of {@code task:}: the data set when one is given, else the explicit samples
     * (named by {@code task.name} when given), else the built-in task {@code task.name}.
     */
    static Task resolve(TaskDoc t) {
        if (t == null) {
            throw new IllegalArgumentException("field 'task' is missing; give a built-in task (name: kiraz-case1 | xor), "
                    + "samples: [{x: [...], y: [...]}] or a dataset: {name: iris | digits | fashion-mnist}");
        }
        if (t.dataset() != null) {
            return DatasetResolver.task(t);
        }
        if (t.samples() != null) {
            if (t.name() != null && !t.name().matches("[a-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("field 'task.name': '" + escape(t.name())
                        + "' is not allowed; use lower-case letters, digits, '_' and '-' (at most 64)");
            }
            if (t.samples().isEmpty()) {
                throw new IllegalArgumentException("field 'task.samples' is empty; give at least one {x: [...], y: [...]}");
            }
            List<Sample> samples = new ArrayList<>();
            for (int k = 0; k < t.samples().size(); k++) {
                ExperimentDoc.SampleDoc s = t.samples().get(k);
                String field = "task.samples[" + k + "]";
                if (s == null || s.x() == null || s.y() == null) {
                    throw new IllegalArgumentException("field '" + field + "' needs x: [...] and y: [...]");
                }
                // Named per sample: the Sample record cannot know which entry of the file it came from.
                if (s.x().isEmpty() || s.y().isEmpty()) {
                    throw new IllegalArgumentException("field '" + field + "' needs at least one value in x and in y");
                }
                samples.add(new Sample(toArray(field + ".x", s.x()), toArray(field + ".y", s.y())));
                if (k > 0 && (s.x().size() != t.samples().get(0).x().size() || s.y().size() != t.samples().get(0).y().size())) {
                    throw new IllegalArgumentException("field '" + field + "' has " + s.x().size() + " inputs and "
                            + s.y().size() + " targets; task.samples[0] has " + t.samples().get(0).x().size() + " and "
                            + t.samples().get(0).y().size() + " (every sample needs the same widths)");
                }
            }
            return new Task(or(t.name(), "samples"), samples, or(t.tolerance(), 0.05));
        }
        if (t.name() == null) {
            throw new IllegalArgumentException("field 'task' needs name: (kiraz-case1 | xor), samples: [{x: [...], y: [...]}] "
                    + "or dataset: {name: iris | digits | fashion-mnist}");
        }
        Task builtIn = switch (t.name()) {
            case "kiraz-case1" -> Task.kirazCase1();
            case "xor" -> Task.xor();
            default -> throw new IllegalArgumentException("field 'task.name': unknown task '" + escape(t.name())
                    + "'; allowed: kiraz-case1, xor (or give samples, or a dataset)");
        };
        return t.tolerance() == null ? builtIn : new Task(builtIn.name(), builtIn.samples(), t.tolerance());
    }

    private static double[] toArray(String field, List<Double> values) {
        double[] a = new double[values.size()];
        for (int k = 0; k < a.length; k++) {
            if (values.get(k) == null) {
                throw new IllegalArgumentException("field '" + field + "[" + k + "]' is empty (null); give a number in V");
            }
            a[k] = values.get(k);
        }
        return a;
    }
}
