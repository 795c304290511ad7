package eqspice.experiment;

import eqspice.circuit.DiodeModel;
import eqspice.circuit.SolverOptions;
import eqspice.eqprop.Estimator;
import eqspice.experiment.ExperimentDoc.ActivationDoc;
import eqspice.experiment.ExperimentDoc.AmplifierDoc;
import eqspice.experiment.ExperimentDoc.NetworkDoc;
import eqspice.experiment.ExperimentDoc.SolverDoc;
import eqspice.experiment.ExperimentDoc.TaskDoc;
import eqspice.experiment.ExperimentDoc.TrainingDoc;
import eqspice.network.Amplifier;
import eqspice.network.ConductanceBounds;
import eqspice.network.DiodePair;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.train.Sample;
import eqspice.train.Task;
import eqspice.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a parsed {@link ExperimentDoc} into a {@link TrainingConfig}: fills defaults (from the
 * network preset where one is named) and lets the records' constructors validate the result.
 * Errors are {@link IllegalArgumentException}s that name the YAML field.
 */
final class ConfigResolver {
    /** Defaults of the training section, documented in experiments/README.md. */
    static final String DEFAULT_ESTIMATOR = "centered";
    static final int DEFAULT_EPOCHS = 100;
    static final double DEFAULT_CONVERGED_LOSS = 1e-3;

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
        NetworkSpec spec = network(require(doc.network(), "network"));
        Task task = task(doc.task(), spec);
        TrainingDoc t = require(doc.training(), "training");
        List<Double> init = t.init() != null ? t.init() : List.of(spec.bounds().gMin() * 10, spec.bounds().gMax() / 10);
        if (init.size() != 2) {
            throw new IllegalArgumentException("field 'training.init' must be a list of two conductances [low, high] in S");
        }
        Estimator estimator;
        try {
            estimator = Estimator.parse(or(t.estimator(), DEFAULT_ESTIMATOR));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'training.estimator': " + e.getMessage(), e);
        }
        return new TrainingConfig(spec, task, estimator,
                require(t.alpha(), "training.alpha"), require(t.beta(), "training.beta"),
                or(t.epochs(), DEFAULT_EPOCHS), or(t.batchSize(), 1), or(t.seed(), 1L), init.get(0), init.get(1),
                or(t.convergedLoss(), DEFAULT_CONVERGED_LOSS), solver(doc.solver()));
    }

    private static NetworkSpec network(NetworkDoc n) {
        String preset = or(n.preset(), "custom").toLowerCase(Locale.ROOT);
        NetworkSpec base = switch (preset) {
            case "kiraz-case1" -> Presets.kirazCase1();
            case "kendall" -> Presets.kendall(require(n.inputs(), "network.inputs"),
                    require(n.hidden(), "network.hidden").size() == 1 ? n.hidden().get(0) : oneHidden(),
                    require(n.outputs(), "network.outputs"));
            case "custom" -> new NetworkSpec(require(n.inputs(), "network.inputs"), true, List.of(1.0),
                    require(n.hidden(), "network.hidden"), require(n.outputs(), "network.outputs"),
                    Optional.of(DiodePair.DEFAULT), Optional.of(Amplifier.KENDALL), ConductanceBounds.DEFAULT);
            default -> throw new IllegalArgumentException("field 'network.preset': unknown preset '" + escape(n.preset())
                    + "'; allowed: kiraz-case1, kendall, custom");
        };
        ConductanceBounds bounds = new ConductanceBounds(or(n.gMin(), base.bounds().gMin()),
                or(n.gMax(), base.bounds().gMax()));
        return new NetworkSpec(or(n.inputs(), base.inputs()), or(n.doubledInputs(), base.doubledInputs()),
                or(n.bias(), base.biasVoltages()), or(n.hidden(), base.hidden()), or(n.outputs(), base.outputs()),
                activation(n.activation(), base.activation()), amplifier(n.amplifier(), base.amplifier()), bounds);
    }

    private static int oneHidden() {
        throw new IllegalArgumentException("field 'network.hidden': the kendall preset has exactly one hidden layer");
    }

    private static Optional<DiodePair> activation(ActivationDoc a, Optional<DiodePair> base) {
        if (a == null) {
            return base;
        }
        if (Boolean.FALSE.equals(a.enabled())) {
            return Optional.empty();
        }
        DiodePair d = base.orElse(DiodePair.DEFAULT);
        DiodeModel m = d.model();
        DiodeModel model = new DiodeModel(m.name(), or(a.is(), m.is()), or(a.n(), m.n()), or(a.rs(), m.rs()));
        DiodePair.Orientation orientation = d.orientation();
        if (a.orientation() != null) {
            orientation = switch (a.orientation().toLowerCase(Locale.ROOT)) {
                case "clipping" -> DiodePair.Orientation.CLIPPING;
                case "reversed" -> DiodePair.Orientation.REVERSED;
                default -> throw new IllegalArgumentException("field 'network.activation.orientation': '"
                        + escape(a.orientation()) + "' is not allowed; allowed: clipping, reversed");
            };
        }
        return Optional.of(new DiodePair(model, or(a.upperBias(), d.upperBias()), or(a.lowerBias(), d.lowerBias()),
                orientation));
    }

    private static Optional<Amplifier> amplifier(AmplifierDoc a, Optional<Amplifier> base) {
        if (a == null) {
            return base;
        }
        if (Boolean.FALSE.equals(a.enabled())) {
            return Optional.empty();
        }
        Amplifier d = base.orElse(Amplifier.KENDALL);
        return Optional.of(new Amplifier(or(a.forward(), d.forwardGain()), or(a.backward(), d.backwardGain())));
    }

    private static Task task(TaskDoc t, NetworkSpec spec) {
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

    private static SolverOptions solver(SolverDoc s) {
        SolverOptions d = SolverOptions.DEFAULT;
        if (s == null) {
            return d;
        }
        return new SolverOptions(or(s.klu(), d.klu()), or(s.reltol(), d.reltol()), or(s.abstol(), d.abstol()),
                or(s.vntol(), d.vntol()), or(s.gmin(), d.gmin()), or(s.itl1(), d.itl1()));
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

    /**
     * Checks the numbers whose records would otherwise report them without their YAML field
     * ({@code g_min must be > 0}, {@code reltol must be > 0}): the message must name the field a
     * user has to edit. The records' own checks stay as the last line of defence.
     */
    private static void checkNumbers(ExperimentDoc doc) {
        NetworkDoc n = doc.network();
        if (n != null) {
            atLeastOne("network.inputs", n.inputs());
            atLeastOne("network.outputs", n.outputs());
            if (n.hidden() != null) {
                for (int k = 0; k < n.hidden().size(); k++) {
                    if (n.hidden().get(k) == null) {
                        throw new IllegalArgumentException("field 'network.hidden[" + k + "]' is empty (null); give a layer size >= 1");
                    }
                    atLeastOne("network.hidden[" + k + "]", n.hidden().get(k));
                }
            }
            if (n.bias() != null && n.bias().contains(null)) {
                throw new IllegalArgumentException("field 'network.bias' has an empty (null) value; give voltages in V");
            }
            positive("network.g_min", n.gMin(), "S");
            positive("network.g_max", n.gMax(), "S");
            ActivationDoc a = n.activation();
            if (a != null) {
                positive("network.activation.is", a.is(), "A");
                positive("network.activation.n", a.n(), "");
                nonNegative("network.activation.rs", a.rs(), "ohm");
                if (a.upperBias() != null && a.lowerBias() != null && !(a.lowerBias() < a.upperBias())) {
                    throw new IllegalArgumentException("field 'network.activation.lower_bias' (" + a.lowerBias()
                            + " V) must be below network.activation.upper_bias (" + a.upperBias() + " V)");
                }
            }
            AmplifierDoc amp = n.amplifier();
            if (amp != null) {
                positive("network.amplifier.forward", amp.forward(), "");
                positive("network.amplifier.backward", amp.backward(), "");
            }
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

    private static void positive(String field, Double v, String unit) {
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("field '" + field + "' must be a finite number > 0" + unitSuffix(unit)
                    + ", got " + v);
        }
    }

    private static void nonNegative(String field, Double v, String unit) {
        if (v != null && !(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("field '" + field + "' must be a finite number >= 0" + unitSuffix(unit)
                    + ", got " + v);
        }
    }

    private static void atLeastOne(String field, Integer v) {
        if (v != null && v < 1) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer >= 1, got " + v);
        }
    }

    private static String unitSuffix(String unit) {
        return unit.isEmpty() ? "" : " (" + unit + ")";
    }

    /** A user's text quoted in a message: control characters escaped, so the message stays one line. */
    static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
