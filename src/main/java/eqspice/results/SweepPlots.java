package eqspice.results;

import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The morning pictures of a sweep, as PNG files in its results folder: the fraction of
 * converged points and the median final loss over the two main axes (beta across, alpha up,
 * when the sweep has them), and the median loss curve per value of the first. One set per
 * estimator when the estimator is an axis.
 */
public final class SweepPlots {
    private static final String ESTIMATOR = "training.estimator";
    /** Losses below this (V^2) are numerically zero; they are drawn at its log, -40. */
    static final double LOSS_FLOOR = 1e-40;

    private SweepPlots() {
    }

    /** Writes the plots and returns their paths (a plot without any data is left out). */
    public static List<Path> write(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        SweepTable t = SweepTable.read(dir);
        List<String> plain = new ArrayList<>(t.axes());
        plain.remove(ESTIMATOR);
        String x = plain.contains("training.beta") ? "training.beta" : plain.isEmpty() ? null : plain.get(0);
        String y = plain.contains("training.alpha") ? "training.alpha"
                : plain.stream().filter(a -> !a.equals(x)).findFirst().orElse(null);
        if (x == null) {
            throw new IllegalArgumentException(dir + ": the sweep has no axis to plot over");
        }
        // every chart is made (and every file it reads checked) before the first is written
        Map<Path, org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts = new java.util.LinkedHashMap<>();
        List<String> facets = t.axes().contains(ESTIMATOR) ? t.values(ESTIMATOR) : Arrays.asList((String) null);
        for (String facet : facets) {
            List<Map<String, String>> rows = t.rows().stream()
                    .filter(r -> facet == null || facet.equals(r.get(ESTIMATOR))).toList();
            String suffix = facet == null ? "" : "-" + facet;
            String label = facet == null ? "" : " (" + facet + " estimator)";
            for (String name : List.of("converged-fraction", "median-final-loss", "loss-curves")) {
                var chart = switch (name) {
                    case "converged-fraction" -> heatmap(rows, t, x, y, name + suffix, "Converged fraction" + label, false);
                    case "median-final-loss" -> heatmap(rows, t, x, y, name + suffix, "log10 median final loss (V^2)"
                            + label, true);
                    default -> lossCurves(dir, rows, t, x, "Median loss per epoch" + label);
                };
                if (chart != null) {
                    charts.put(dir.resolve(name + suffix + ".png"), chart);
                }
            }
        }
        List<Path> out = new ArrayList<>();
        for (Map.Entry<Path, org.knowm.xchart.internal.chartpart.Chart<?, ?>> c : charts.entrySet()) {
            AtomicFiles.write(c.getKey(), o -> BitmapEncoder.saveBitmap(c.getValue(), o, BitmapEncoder.BitmapFormat.PNG));
            out.add(c.getKey());
        }
        return out;
    }

    private static HeatMapChart heatmap(List<Map<String, String>> rows, SweepTable t, String x, String y,
                                        String name, String title, boolean loss) {
        List<String> xs = t.values(x);
        List<String> ys = y == null ? List.of("all") : t.values(y);
        double[][] grid = grid(rows, x, xs, y, ys, loss);
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                if (Double.isFinite(grid[i][j])) {
                    cells.add(new Number[] {i, j, grid[i][j]});
                }
            }
        }
        if (cells.isEmpty()) {
            return null; // e.g. every point of this estimator failed: no loss to show
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(600).title(title).xAxisTitle(x)
                .yAxisTitle(y == null ? "" : y).build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern(loss ? "0.0" : "0.00");
        chart.getStyler().setXAxisLabelRotation(45);
        // Light = bad, dark = good, on both maps: a low loss is as good as a high converged fraction.
        Color light = new Color(247, 251, 255);
        Color dark = new Color(8, 48, 107);
        chart.getStyler().setRangeColors(loss ? new Color[] {dark, light} : new Color[] {light, dark});
        if (!loss) {
            chart.getStyler().setMin(0).setMax(1);
        } else {
            chart.getStyler().setMin(cells.stream().mapToDouble(c -> c[2].doubleValue()).min().orElse(0))
                    .setMax(cells.stream().mapToDouble(c -> c[2].doubleValue()).max().orElse(1));
        }
        chart.addSeries(name, label(xs), label(ys), cells);
        return chart;
    }

    /**
     * Cell values over x by y: the fraction of rows whose {@code converged} is true (failed points
     * count as not converged), or log10 of the median finite final loss (at least {@link #LOSS_FLOOR});
     * NaN for an empty cell.
     */
    static double[][] grid(List<Map<String, String>> rows, String x, List<String> xs, String y, List<String> ys,
                           boolean loss) {
        double[][] g = new double[xs.size()][ys.size()];
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                String xv = xs.get(i);
                String yv = ys.get(j);
                List<Map<String, String>> in = rows.stream()
                        .filter(r -> xv.equals(r.get(x)) && (y == null || yv.equals(r.get(y)))).toList();
                g[i][j] = in.isEmpty() ? Double.NaN : loss
                        ? Math.log10(Math.max(LOSS_FLOOR, median(in.stream()
                                .mapToDouble(r -> number(r.get("final_loss_v2"))).filter(Double::isFinite).toArray())))
                        : in.stream().filter(r -> "true".equals(r.get("converged"))).count() / (double) in.size();
            }
        }
        return g;
    }

    private static XYChart lossCurves(Path dir, List<Map<String, String>> rows, SweepTable t, String x, String title)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle("epoch")
                .yAxisTitle("loss (V^2)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        boolean any = false;
        for (String xv : t.values(x)) {
            TreeMap<Integer, List<Double>> byEpoch = new TreeMap<>();
            for (Map<String, String> r : rows) {
                if (xv.equals(r.get(x))) {
                    epochLosses(dir.resolve("points").resolve(r.get("point_id")).resolve("metrics.csv"), byEpoch);
                }
            }
            List<Integer> epochs = new ArrayList<>();
            List<Double> medians = new ArrayList<>();
            byEpoch.forEach((e, ls) -> {
                double m = median(ls.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).toArray());
                if (m > 0) {
                    epochs.add(e);
                    medians.add(m);
                }
            });
            if (!epochs.isEmpty()) {
                any = true;
                chart.addSeries(x + "=" + label(List.of(xv)).get(0), epochs, medians).setMarker(SeriesMarkers.NONE);
            }
        }
        return any ? chart : null;
    }

    /** Axis labels: numbers with 3 significant digits (log ranges make long decimals), other values as they are. */
    private static List<String> label(List<String> values) {
        return values.stream().map(v -> SweepTable.isNumber(v) && Double.isFinite(Double.parseDouble(v))
                ? new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toString() : v)
                .toList();
    }

    /** Adds a point's losses per epoch; a metrics.csv that is not one eqspice wrote is named with its line. */
    private static void epochLosses(Path metrics, Map<Integer, List<Double>> byEpoch) throws IOException {
        if (!Files.exists(metrics)) {
            return;
        }
        if (Files.size(metrics) > PointRows.MAX_TABLE_BYTES) {
            throw new IllegalArgumentException(metrics + ": " + Files.size(metrics) + " bytes, more than a metrics "
                    + "table eqspice writes");
        }
        try (Reader r = Files.newBufferedReader(metrics);
             CSVParser p = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                     .get().parse(r)) {
            if (!p.getHeaderNames().contains("epoch") || !p.getHeaderNames().contains("loss_v2")) {
                throw new IllegalArgumentException(metrics + ": no epoch and loss_v2 columns; not a metrics table "
                        + "eqspice wrote");
            }
            for (CSVRecord rec : p) {
                String where = metrics + " line " + p.getCurrentLineNumber() + ": ";
                if (!rec.isConsistent()) {
                    throw new IllegalArgumentException(where + rec.size() + " cells, expected "
                            + p.getHeaderNames().size() + " (a cut or garbled row)");
                }
                int epoch;
                try {
                    epoch = Integer.parseInt(rec.get("epoch"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "epoch '" + PointRows.shorten(rec.get("epoch"))
                            + "' is not an integer");
                }
                byEpoch.computeIfAbsent(epoch, k -> new ArrayList<>()).add(number(rec.get("loss_v2")));
            }
        } catch (java.io.UncheckedIOException e) { // commons-csv: a quote that does not end, a bad character
            throw new IllegalArgumentException(metrics + ": not a CSV table (" + e.getCause().getMessage() + ")");
        }
    }

    private static double number(String s) {
        return SweepTable.isNumber(s) ? Double.parseDouble(s) : Double.NaN;
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
