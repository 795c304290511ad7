package eqspice.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import eqspice.baseline.BaselineTrainer;
import eqspice.train.EpochMetrics;
import eqspice.train.TrainingResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one training run's results into its folder: {@code provenance.json} first,
 * {@code metrics.csv} one whole row per epoch (a run killed half-way keeps what it did; a full
 * disk never leaves half a row),
 * and at the end {@code summary.json} and the trained network's {@code conductances.csv}
 * (the export's conductance table, which {@code eqspice validate} and {@code export} read back).
 * {@code eqspice run} also keeps a copy of the experiment file as {@code experiment.yaml}.
 */
public final class RunWriter implements AutoCloseable {
    /** Columns of metrics.csv, in order; documented in results/README.md. */
    public static final String[] METRICS_COLUMNS = {"epoch", "loss_v2", "mean_abs_error_v", "correct_fraction",
        "failed_phases", "updates", "g_min_s", "g_max_s", "seconds", "recovered_phases"};
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The trained network's conductances, columns {@code layer,i,j,element,g_siemens}. */
    public static final String CONDUCTANCES = "conductances.csv";
    /** The copy of the experiment file the run was made from. */
    public static final String EXPERIMENT = "experiment.yaml";
    /** One row per epoch. */
    public static final String METRICS = "metrics.csv";
    /** The outcome in a few numbers, written when training ends. */
    public static final String SUMMARY = "summary.json";
    /** The backprop baseline's epochs. */
    public static final String BASELINE = "baseline.csv";

    private final Path dir;
    private final Provenance provenance;
    /** The convergence rule the run was judged by (from the configuration), repeated in summary.json. */
    private final String convergedRule;
    private final RowAppender metrics;
    private final List<String> extra;
    private BaselineTrainer.Result baseline;

    /**
     * Creates (or overwrites) the run's files in {@code dir}.
     *
     * @param config a flat description of the run's configuration for provenance.json
     */
    public RunWriter(Path dir, Provenance provenance, Map<String, Object> config) {
        this(dir, provenance, config, List.of());
    }

    /**
     * Creates (or overwrites) the run's files, with extra per-epoch columns after the standard
     * ones (the diagnostics of {@code eqspice run --diagnostics}). What an earlier run in the
     * folder finished (summary.json, conductances.csv, baseline.csv) is removed first, so the
     * folder never shows a finished run that this one did not finish.
     */
    public RunWriter(Path dir, Provenance provenance, Map<String, Object> config, List<String> extraColumns) {
        this.dir = dir;
        this.extra = List.copyOf(extraColumns);
        this.provenance = provenance;
        this.convergedRule = String.valueOf(config.getOrDefault("converged_rule", ""));
        try {
            Files.createDirectories(dir);
            for (String finished : List.of(SUMMARY, CONDUCTANCES, BASELINE)) {
                Files.deleteIfExists(dir.resolve(finished));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("provenance", provenance);
            doc.put("config", config);
            AtomicFiles.writeJson(JSON, dir.resolve("provenance.json"), doc);
            metrics = RowAppender.create(dir.resolve(METRICS), false);
            // The header is the first line, so pandas and R read the file without options; the
            // provenance lives beside it in provenance.json.
            metrics.append(row(List.of(header(extra))));
        } catch (IOException e) {
            throw IoFailures.writing("results into " + dir, e);
        }
    }

    private static String[] header(List<String> extra) {
        List<String> h = new ArrayList<>(List.of(METRICS_COLUMNS));
        h.addAll(extra);
        return h.toArray(String[]::new);
    }

    /** The folder the results go to. */
    public Path dir() {
        return dir;
    }

    /** Appends one epoch's row, whole or not at all. */
    public void epoch(EpochMetrics m) {
        List<Object> row = new ArrayList<>(List.of(m.epoch(), m.loss(), m.meanAbsError(), m.correctFraction(),
                m.failedPhases(), m.updates(), m.gMin(), m.gMax(), m.seconds(), m.recoveredPhases()));
        extra.forEach(c -> row.add(m.diagnostics().getOrDefault(c, Double.NaN)));
        try {
            metrics.append(row(row));
        } catch (IOException e) {
            throw IoFailures.writing(dir.resolve(METRICS), e);
        }
    }

    /** One CSV row, with its line break. */
    private static String row(List<?> cells) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(cells);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    /** Columns of baseline.csv, in order; documented in results/README.md. */
    public static final String[] BASELINE_COLUMNS = {"epoch", "loss_v2", "train_accuracy", "test_accuracy",
        "test_loss_v2", "seconds"};

    /**
     * Writes baseline.csv (one row per epoch of the backprop baseline) and keeps the result for
     * summary.json.
     */
    public void baseline(BaselineTrainer.Result r) {
        this.baseline = r;
        Path target = dir.resolve(BASELINE);
        try {
            AtomicFiles.write(target, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(BASELINE_COLUMNS).get());
                for (BaselineTrainer.Epoch e : r.epochs()) {
                    p.printRecord(e.epoch(), e.loss(), e.trainAccuracy(), e.testAccuracy(), e.testLoss(), e.seconds());
                }
                p.flush();
            });
        } catch (IOException e) {
            throw IoFailures.writing(target, e);
        }
    }

    /** Writes summary.json: the outcome in a few numbers, with the provenance repeated. */
    public void summary(TrainingResult r) {
        summary(r, Map.of());
    }

    /** Writes summary.json with extra sections (e.g. {@code cosimulation}) before the provenance. */
    public void summary(TrainingResult r, Map<String, Object> extra) {
        Map<String, Object> doc = new LinkedHashMap<>();
        EpochMetrics last = r.epochs().get(r.epochs().size() - 1);
        if (last.diagnostics().containsKey("test_accuracy")) {
            doc.put("train_accuracy", last.diagnostics().get("train_accuracy"));
            doc.put("test_accuracy", last.diagnostics().get("test_accuracy"));
            doc.put("best_test_accuracy", r.epochs().stream().mapToDouble(m -> m.diagnostics().get("test_accuracy"))
                    .filter(Double::isFinite).max().orElse(Double.NaN));
            double[] sec = r.epochs().stream().mapToDouble(EpochMetrics::seconds).sorted().toArray();
            int n = sec.length;
            doc.put("seconds_per_epoch", n % 2 == 1 ? sec[n / 2] : (sec[n / 2 - 1] + sec[n / 2]) / 2); // median
        } else { // every task has an accuracy: here the share of training samples within the task's tolerance
            doc.put("train_accuracy", last.correctFraction());
        }
        if (baseline != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("train_accuracy", baseline.last().trainAccuracy());
            b.put("test_accuracy", baseline.last().testAccuracy());
            b.put("best_test_accuracy", baseline.epochs().stream().mapToDouble(BaselineTrainer.Epoch::testAccuracy)
                    .filter(Double::isFinite).max().orElse(Double.NaN));
            b.put("final_loss_v2", baseline.last().loss());
            b.put("parameters", baseline.parameters());
            b.put("seconds", baseline.seconds());
            doc.put("baseline", b);
        }
        doc.put("initial_loss_v2", r.initialLoss());
        doc.put("final_loss_v2", r.finalLoss());
        doc.put("converged", r.converged());
        if (!convergedRule.isEmpty()) {
            doc.put("converged_rule", convergedRule);
        }
        doc.put("epochs_to_converge", r.epochsToConverge());
        doc.put("epochs", r.epochs().size());
        doc.put("failed_phases", r.failedPhases());
        doc.put("first_failure", r.firstFailure());
        doc.put("recovered_phases_by_rung", r.recoveries());
        doc.put("seconds", r.seconds());
        doc.putAll(extra);
        doc.put("provenance", provenance);
        try {
            AtomicFiles.writeJson(JSON, dir.resolve(SUMMARY), doc);
            StringBuilder csv = new StringBuilder();
            eqspice.network.NetlistExport.writeConductances(csv, r.finalNetwork());
            AtomicFiles.write(dir.resolve(CONDUCTANCES), csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw IoFailures.writing(dir.resolve(SUMMARY) + " or " + CONDUCTANCES, e);
        }
    }

    /** Keeps the experiment file's bytes as {@code experiment.yaml}, so the folder says what was run. */
    public void experiment(byte[] yaml) {
        try {
            AtomicFiles.write(dir.resolve(EXPERIMENT), yaml);
        } catch (IOException e) {
            throw IoFailures.writing(dir.resolve(EXPERIMENT), e);
        }
    }

    @Override
    public void close() {
        try {
            metrics.close();
        } catch (IOException e) {
            throw IoFailures.writing(dir.resolve(METRICS), e);
        }
    }
}
