package eqspice.results;

import eqspice.diagnostics.FidelityValidation.LevelResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The files of {@code eqspice validate}: {@code validation.csv} (one row per fidelity level,
 * provenance as {@code #} comments), the same table as text, and
 * {@code validation-deviation.png} (the distribution of |output - ideal output| over the samples, per level).
 */
public final class ValidationReport {
    /** Columns of validation.csv, documented in results/README.md. */
    public static final String[] COLUMNS = {"level", "accuracy", "max_deviation_v", "mean_deviation_v",
        "mean_power_w", "mean_supply_power_w", "failures", "samples", "parts"};

    private ValidationReport() {
    }

    /**
     * Writes validation.csv into {@code dir} (its header on the first line, so that pandas and R read it
     * without options) and the provenance lines beside it in validation-provenance.txt; returns the CSV's path.
     */
    public static Path writeCsv(Path dir, List<LevelResult> levels, int samples, List<String> provenance)
            throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).setRecordSeparator('\n')
                .get())) {
            for (LevelResult r : levels) {
                p.printRecord(r.fidelity().id(), r.accuracy(), r.maxDeviation(), r.meanDeviation(),
                        r.meanPower(), r.meanSupplyPower(), r.failures(), samples, r.fidelity().label());
            }
        }
        writeAtomically(dir.resolve("validation-provenance.txt"), String.join("\n", provenance) + "\n");
        return writeAtomically(dir.resolve("validation.csv"), w.toString());
    }

    private static Path writeAtomically(Path target, String text) throws IOException {
        AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8)); // no .tmp left when it fails
        return target;
    }

    /** The table as aligned text lines. */
    public static List<String> table(List<LevelResult> levels, int samples) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-30s %9s %14s %15s %13s %9s", "level", "accuracy", "max |dV| (V)",
                "mean |dV| (V)", "power (W)", "failures"));
        for (LevelResult r : levels) {
            out.add(String.format(Locale.ROOT, "%-30s %9s %14.4g %15.4g %13.4g %6d/%d", r.fidelity().id(),
                    String.format(Locale.ROOT, "%.0f%%", 100 * r.accuracy()), r.maxDeviation(), r.meanDeviation(),
                    r.meanPower(), r.failures(), samples));
        }
        return out;
    }

    /** Deviations below this (V) are drawn at it: under the solvers' own tolerance, not a difference of circuits. */
    static final double DEVIATION_FLOOR_V = 1e-12;

    /**
     * Writes validation-deviation.png: for each non-ideal level, the share of samples whose largest
     * output deviation from the ideal circuit is at most d, over d on a log axis (a cumulative
     * distribution, readable for 4 samples and for 10,000); samples that found no operating point are
     * counted in the legend and never reach 100 %.
     */
    public static Path writePlot(Path dir, List<LevelResult> levels) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(560)
                .title("Output deviation from the ideal circuit, per sample (max over outputs)")
                .xAxisTitle("|V_out - V_out,ideal| (V), log scale").yAxisTitle("share of samples at or below").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.setCustomXAxisTickLabelsFormatter(v -> Math.abs(v - Math.rint(v)) < 1e-9
                ? PlotStyle.scientific(Math.pow(10, Math.rint(v))) : "");
        List<double[]> ideal = levels.get(0).outputs();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (LevelResult r : levels.subList(1, levels.size())) {
            double[] d = deviations(ideal, r.outputs());
            long failed = Arrays.stream(d).filter(Double::isNaN).count();
            double[] ok = Arrays.stream(d).filter(v -> !Double.isNaN(v))
                    .map(v -> Math.log10(Math.max(DEVIATION_FLOOR_V, v))).sorted().toArray();
            if (ok.length == 0) {
                k++;
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < ok.length; i++) { // a staircase: the share steps up at each sample's deviation
                xs.add(ok[i]);
                ys.add(i / (double) d.length);
                xs.add(ok[i]);
                ys.add((i + 1) / (double) d.length);
            }
            lo = Math.min(lo, ok[0]);
            hi = Math.max(hi, ok[ok.length - 1]);
            String label = r.fidelity().id() + (failed > 0 ? " (" + failed + " failed)" : "");
            PlotStyle.style(chart.addSeries(label, xs, ys), k++, 2f);
        }
        if (lo <= hi) { // whole decades at both ends (one decade at least), so that the ticks are decades
            chart.getStyler().setXAxisMin(Math.floor(lo)).setXAxisMax(Math.max(Math.ceil(hi), Math.floor(lo) + 1) + 0.0);
        }
        return PlotStyle.save(chart, dir.resolve("validation-deviation"));
    }

    /** Per sample, the largest |output - ideal output| over the outputs; NaN where either circuit failed. */
    static double[] deviations(List<double[]> ideal, List<double[]> outputs) {
        double[] d = new double[ideal.size()];
        for (int s = 0; s < ideal.size(); s++) {
            double[] o = outputs.get(s);
            if (o == null || ideal.get(s) == null) {
                d[s] = Double.NaN;
                continue;
            }
            for (int k = 0; k < o.length; k++) {
                d[s] = Math.max(d[s], Math.abs(o[k] - ideal.get(s)[k]));
            }
        }
        return d;
    }
}
