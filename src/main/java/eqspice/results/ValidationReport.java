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
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The files of {@code eqspice validate}: {@code validation.csv} (one row per fidelity level,
 * provenance as {@code #} comments), the same table as text, and
 * {@code validation-deviation.png} (|output - ideal output| per sample, one bar series per level).
 */
public final class ValidationReport {
    /** Columns of validation.csv, documented in results/README.md. */
    public static final String[] COLUMNS = {"level", "accuracy", "max_deviation_v", "mean_deviation_v",
        "mean_power_w", "mean_supply_power_w", "failures", "samples", "parts"};

    private ValidationReport() {
    }

    /** Writes validation.csv into {@code dir} and returns its path. */
    public static Path writeCsv(Path dir, List<LevelResult> levels, int samples, List<String> provenance)
            throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setCommentMarker('#')
                .setHeaderComments(provenance.toArray()).setHeader(COLUMNS).setRecordSeparator('\n').get())) {
            for (LevelResult r : levels) {
                p.printRecord(r.fidelity().id(), r.accuracy(), r.maxDeviation(), r.meanDeviation(),
                        r.meanPower(), r.meanSupplyPower(), r.failures(), samples, r.fidelity().label());
            }
        }
        Path csv = dir.resolve("validation.csv");
        AtomicFiles.write(csv, w.toString().getBytes(StandardCharsets.UTF_8));
        return csv;
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

    /** Writes validation-deviation.png: per sample, max over outputs of |output - ideal output|, per non-ideal level. */
    public static Path writePlot(Path dir, List<LevelResult> levels) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Output deviation from the ideal circuit").xAxisTitle("sample").yAxisTitle("|V_out - V_out,ideal| (V)")
                .build();
        List<double[]> ideal = levels.get(0).outputs();
        List<String> xs = new ArrayList<>();
        for (int s = 0; s < ideal.size(); s++) {
            xs.add(String.valueOf(s));
        }
        for (LevelResult r : levels.subList(1, levels.size())) {
            List<Double> ys = new ArrayList<>();
            for (int s = 0; s < ideal.size(); s++) {
                double[] o = r.outputs().get(s);
                double d = 0;
                if (o == null || ideal.get(s) == null) {
                    d = Double.NaN;
                } else {
                    for (int k = 0; k < o.length; k++) {
                        d = Math.max(d, Math.abs(o[k] - ideal.get(s)[k]));
                    }
                }
                ys.add(Double.isNaN(d) ? 0.0 : d);
            }
            chart.addSeries(r.fidelity().id(), xs, ys);
        }
        Path png = dir.resolve("validation-deviation.png");
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        return png;
    }
}
