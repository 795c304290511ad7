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
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The morning pictures of a sweep, as PNG files in its results folder: the fraction of
 * converged points and the median final loss over the two main axes (beta across, alpha up,
 * when the sweep has them), and the loss curves per value of the first (median and quartiles
 * over every other axis). One set per estimator when the estimator is an axis. Every title says
 * how many runs a cell or a curve holds.
 */
public final class SweepPlots {
    private static final String ESTIMATOR = "training.estimator";

    private SweepPlots() {
    }

    /** Writes the plots and returns their paths (a plot without any data is left out). */
    public static List<Path> write(Path dir) throws IOException {
        return write(dir, dir);
    }

    /** Writes the plots of the sweep in {@code dir} into {@code out} (e.g. its report folder). */
    static List<Path> write(Path dir, Path out) throws IOException {
        SweepTable t = SweepTable.read(dir);
        List<String> plain = new ArrayList<>(t.axes());
        plain.remove(ESTIMATOR);
        String x = plain.contains("training.beta") ? "training.beta" : plain.isEmpty() ? null : plain.get(0);
        String y = plain.contains("training.alpha") ? "training.alpha"
                : plain.stream().filter(a -> !a.equals(x)).findFirst().orElse(null);
        if (x == null) {
            throw new IllegalArgumentException(dir + ": the sweep has no axis to plot over");
        }
        double threshold = convergenceThreshold(dir, t);
        // every chart is made (and every file it reads checked) before the first is written
        Map<Path, org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts = new java.util.LinkedHashMap<>();
        List<String> facets = t.axes().contains(ESTIMATOR) ? t.values(ESTIMATOR) : Arrays.asList((String) null);
        for (String facet : facets) {
            List<Map<String, String>> rows = t.rows().stream()
                    .filter(r -> facet == null || facet.equals(r.get(ESTIMATOR))).toList();
            String suffix = facet == null ? "" : "-" + facet;
            String label = facet == null ? "" : ", " + facet + " estimator";
            String cells = perCell(rows, x, y);
            charts.put(out.resolve("converged-fraction" + suffix), heatmap(rows, t, x, y, "converged-fraction" + suffix,
                    "Converged fraction" + label + " (" + cells + ")", false));
            charts.put(out.resolve("median-final-loss" + suffix), heatmap(rows, t, x, y, "median-final-loss" + suffix,
                    "log10 of the median final loss in V²" + label + " (" + cells + "; " + PlotStyle.floorLabel()
                    + " or less drawn as " + (int) Math.log10(PlotStyle.LOSS_FLOOR_V2) + ")", true));
            charts.put(out.resolve("loss-curves" + suffix), lossCurveChart(dir, rows, t, x, threshold,
                    "Loss per epoch" + label, others(t, x)));
            charts.values().removeIf(java.util.Objects::isNull);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, org.knowm.xchart.internal.chartpart.Chart<?, ?>> c : charts.entrySet()) {
            written.add(PlotStyle.save(c.getValue(), c.getKey()));
        }
        return written;
    }

    /** "4 runs per cell" (or "3-4 runs per cell" when cells differ, e.g. after failures were left out). */
    private static String perCell(List<Map<String, String>> rows, String x, String y) {
        Map<String, Long> counts = rows.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.get(x) + "|" + (y == null ? "" : r.get(y)), java.util.stream.Collectors.counting()));
        long lo = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long hi = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return (lo == hi ? String.valueOf(lo) : lo + "-" + hi) + (hi == 1 ? " run" : " runs") + " per cell";
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
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(600).title(title)
                .xAxisTitle(PlotStyle.axisTitle(x)).yAxisTitle(y == null ? "" : PlotStyle.axisTitle(y)).build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern(loss ? "0.0" : "0.00");
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        // Light = bad, dark = good, on both maps: a low loss is as good as a high converged fraction.
        Color light = new Color(247, 251, 255);
        Color dark = new Color(8, 48, 107);
        chart.getStyler().setRangeColors(loss ? new Color[] {dark, light} : new Color[] {light, dark});
        if (!loss) {
            chart.getStyler().setMin(0).setMax(1);
        } else { // whole decades at both ends, so that the colour bar reads as decades, not as raw doubles
            chart.getStyler().setMin(Math.floor(cells.stream().mapToDouble(c -> c[2].doubleValue()).min().orElse(0)))
                    .setMax(Math.ceil(cells.stream().mapToDouble(c -> c[2].doubleValue()).max().orElse(1)) + 0.0);
        }
        chart.addSeries(name, PlotStyle.tickLabels(xs), PlotStyle.tickLabels(ys), cells);
        return chart;
    }

    /**
     * Cell values over x by y: the fraction of rows whose {@code converged} is true (failed points
     * count as not converged), or log10 of the median finite final loss, drawn at
     * {@link PlotStyle#LOSS_FLOOR_V2} when below it; NaN for an empty cell.
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
                        ? Math.log10(PlotStyle.floored(PlotStyle.quartiles(in.stream()
                                .mapToDouble(r -> number(r.get("final_loss_v2"))).filter(Double::isFinite).toArray())[0]))
                        : in.stream().filter(r -> "true".equals(r.get("converged"))).count() / (double) in.size();
            }
        }
        return g;
    }

    /** The loss curves of {@code rows} saved as {@code out/name.png} (null when no point has a metrics table). */
    static Path lossCurves(Path dir, Path out, List<Map<String, String>> rows, SweepTable t, String x, double threshold,
                           String name, String title, String over) throws IOException {
        XYChart chart = lossCurveChart(dir, rows, t, x, threshold, title, over);
        return chart == null ? null : PlotStyle.save(chart, out.resolve(name));
    }

    /**
     * Medians closer than this at every epoch (decades of loss; about the 2-pixel line width on the loss axis)
     * are drawn as one curve: otherwise the last one drawn hides the others and the legend lists
     * lines that cannot be seen.
     */
    static final double COINCIDE_DECADES = 0.1;

    /** One value's curve: log10 of the median and quartile losses per epoch. */
    private record Curve(String label, int runs, List<Integer> epochs, List<Double> median, List<Double> q1,
                         List<Double> q3) {
    }

    private static XYChart lossCurveChart(Path dir, List<Map<String, String>> rows, SweepTable t, String x,
                                          double threshold, String title, String over) throws IOException {
        // wide enough that the title, centred over the plot area, is not cut by a legend of coinciding values
        XYChart chart = new XYChartBuilder().width(1150).height(600).xAxisTitle("epoch")
                .yAxisTitle("loss (V²), log scale; floor " + PlotStyle.floorLabel()).build();
        PlotStyle.logLossAxis(chart);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        List<String> labels = PlotStyle.tickLabels(t.values(x));
        List<Curve> curves = new ArrayList<>();
        List<Integer> styles = new ArrayList<>();
        int k = 0;
        for (String xv : t.values(x)) {
            TreeMap<Integer, List<Double>> byEpoch = new TreeMap<>();
            int n = 0;
            for (Map<String, String> r : rows) {
                if (xv.equals(r.get(x)) && epochLosses(dir.resolve("points").resolve(r.get("point_id"))
                        .resolve("metrics.csv"), byEpoch)) {
                    n++;
                }
            }
            if (!byEpoch.isEmpty()) {
                List<Double> median = new ArrayList<>();
                List<Double> q1 = new ArrayList<>();
                List<Double> q3 = new ArrayList<>();
                for (List<Double> ls : byEpoch.values()) {
                    double[] q = PlotStyle.quartiles(ls.stream().mapToDouble(PlotStyle::floored).toArray());
                    median.add(Math.log10(q[0]));
                    q1.add(Math.log10(q[1]));
                    q3.add(Math.log10(q[2]));
                }
                curves.add(new Curve(labels.get(k), n, new ArrayList<>(byEpoch.keySet()), median, q1, q3));
                styles.add(k);
            }
            k++;
        }
        if (curves.isEmpty()) {
            return null;
        }
        int lastEpoch = 0;
        for (List<Integer> group : coinciding(curves.stream().map(c -> c.median()).toList(),
                curves.stream().map(c -> c.epochs()).toList())) {
            Curve first = curves.get(group.get(0));
            Curve last = curves.get(group.get(group.size() - 1));
            int style = styles.get(group.get(0));
            String label = PlotStyle.shortName(x) + " " + first.label() + (group.size() == 1
                    ? " (" + first.runs() + ")"
                    : " .. " + last.label() + " (" + group.stream().mapToInt(i -> curves.get(i).runs()).sum()
                    + ", " + group.size() + " values coincide)");
            PlotStyle.style(chart.addSeries(label, first.epochs(), first.median()), style, 2f);
            PlotStyle.faint(chart.addSeries(label + " q1", first.epochs(), first.q1()), style);
            PlotStyle.faint(chart.addSeries(label + " q3", first.epochs(), first.q3()), style);
            lastEpoch = Math.max(lastEpoch, first.epochs().get(first.epochs().size() - 1));
        }
        if (Double.isFinite(threshold) && threshold > 0) {
            var line = chart.addSeries("convergence threshold " + PlotStyle.scientific(threshold) + " V²",
                    List.of(1, lastEpoch), List.of(Math.log10(threshold), Math.log10(threshold)));
            line.setLineColor(Color.GRAY);
            line.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f));
            line.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        chart.setTitle(title + ": median over " + over + " (runs per curve in brackets), thin lines: quartiles");
        return chart;
    }

    /**
     * Neighbouring curves (in axis order) whose medians stay within {@link #COINCIDE_DECADES}
     * of the group's first curve at every epoch, over the same epochs: index groups in order,
     * each drawn as one line.
     */
    static List<List<Integer>> coinciding(List<List<Double>> medians, List<List<Integer>> epochs) {
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < medians.size(); i++) {
            List<Integer> current = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (current != null && epochs.get(i).equals(epochs.get(current.get(0)))
                    && within(medians.get(i), medians.get(current.get(0)))) {
                current.add(i);
            } else {
                groups.add(new ArrayList<>(List.of(i)));
            }
        }
        return groups;
    }

    private static boolean within(List<Double> a, List<Double> b) {
        for (int e = 0; e < a.size(); e++) {
            if (!(Math.abs(a.get(e) - b.get(e)) <= COINCIDE_DECADES)) {
                return false;
            }
        }
        return true;
    }

    /** The axes a curve aggregates over, in words: "alpha x seed". */
    private static String others(SweepTable t, String x) {
        List<String> o = t.axes().stream().filter(a -> !a.equals(x) && !a.equals(ESTIMATOR))
                .map(a -> a.substring(a.lastIndexOf('.') + 1)).toList();
        return o.isEmpty() ? "runs" : String.join(" x ", o);
    }

    /** The convergence threshold the points were trained with (config.converged_loss_v2), if all share one. */
    static double convergenceThreshold(Path dir, SweepTable t) {
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (Map<String, String> r : t.rows()) {
            Path prov = dir.resolve("points").resolve(r.get("point_id")).resolve("provenance.json");
            if (!Files.isRegularFile(prov)) {
                continue;
            }
            try {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(prov.toFile())
                        .path("config").path("converged_loss_v2");
                if (node.isNumber()) {
                    seen.add(node.asDouble());
                }
            } catch (IOException e) {
                // an unreadable provenance file only costs the threshold line
            }
            if (seen.size() > 1) {
                return Double.NaN;
            }
        }
        return seen.size() == 1 ? seen.iterator().next() : Double.NaN;
    }

    /**
     * Adds a point's losses per epoch; false when it has no metrics file (a failed point). A
     * metrics.csv that is not one eqspice wrote is named with its line.
     */
    static boolean epochLosses(Path metrics, Map<Integer, List<Double>> byEpoch) throws IOException {
        if (!Files.exists(metrics)) {
            return false;
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
                double v = number(rec.get("loss_v2"));
                if (Double.isFinite(v)) {
                    byEpoch.computeIfAbsent(epoch, k -> new ArrayList<>()).add(v);
                }
            }
        } catch (java.io.UncheckedIOException e) { // commons-csv: a quote that does not end, a bad character
            throw new IllegalArgumentException(metrics + ": not a CSV table (" + e.getCause().getMessage() + ")");
        }
        return true;
    }

    static double number(String s) {
        return SweepTable.isNumber(s) ? Double.parseDouble(s) : Double.NaN;
    }
}
