package eqspice.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The pictures of one run ({@code eqspice plot results/<run>}): the loss and the accuracy per epoch,
 * and per crossbar the distribution of its conductances at the start and at the end, with the share
 * sitting at each bound (a crossbar whose conductances pile up at g_min has stopped learning).
 */
public final class RunPlots {
    private static final int BINS = 20;

    private RunPlots() {
    }

    /** Writes run-loss.png, run-accuracy.png and run-conductances.png into the run's folder. */
    public static List<Path> write(Path dir) throws IOException {
        Path metrics = dir.resolve(RunWriter.METRICS);
        if (!Files.isRegularFile(metrics)) {
            throw new IllegalArgumentException(dir + " is not a run's folder (no metrics.csv; a sweep's folder has "
                    + "points.csv)");
        }
        JsonNode config = RunWriter.JSON.readTree(dir.resolve("provenance.json").toFile()).path("config");
        List<Map<String, String>> rows = read(metrics);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(metrics + " has no epoch yet");
        }
        List<Path> out = new ArrayList<>();
        out.add(loss(dir, rows, config));
        out.add(accuracy(dir, rows));
        if (Files.isRegularFile(dir.resolve(RunWriter.CONDUCTANCES))
                && Files.isRegularFile(dir.resolve(RunWriter.INITIAL_CONDUCTANCES))) {
            out.add(conductances(dir, config));
        }
        return out;
    }

    private static Path loss(Path dir, List<Map<String, String>> rows, JsonNode config) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Loss per epoch (free phase, mean over samples)")
                .xAxisTitle("epoch").yAxisTitle("loss (V²), log scale; floor " + PlotStyle.floorLabel()).build();
        PlotStyle.logLossAxis(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<Integer> epochs = rows.stream().map(r -> Integer.parseInt(r.get("epoch"))).toList();
        PlotStyle.style(chart.addSeries("training loss", epochs, rows.stream()
                .map(r -> Math.log10(PlotStyle.floored(Double.parseDouble(r.get("loss_v2"))))).toList()), 0, 2f);
        if (rows.get(0).containsKey("test_loss_v2")) {
            PlotStyle.style(chart.addSeries("test loss", epochs, rows.stream()
                    .map(r -> Math.log10(PlotStyle.floored(Double.parseDouble(r.get("test_loss_v2"))))).toList()), 1, 2f);
        }
        double threshold = config.path("converged_loss_v2").asDouble(Double.NaN);
        if (config.path("converged_rule").asText("").startsWith("loss") && threshold > 0) {
            PlotStyle.style(chart.addSeries("convergence threshold " + PlotStyle.scientific(threshold) + " V²",
                    List.of(epochs.get(0), epochs.get(epochs.size() - 1)),
                    List.of(Math.log10(threshold), Math.log10(threshold))), 6, 1f);
        }
        return PlotStyle.save(chart, dir.resolve("run-loss"));
    }

    private static Path accuracy(Path dir, List<Map<String, String>> rows) throws IOException {
        boolean classes = rows.get(0).containsKey("train_accuracy");
        XYChart chart = new XYChartBuilder().width(900).height(500).title(classes
                ? "Accuracy per epoch (argmax of V+ - V-)" : "Training samples within the task's tolerance, per epoch")
                .xAxisTitle("epoch").yAxisTitle("share of samples").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendPosition(Styler.LegendPosition.InsideSE);
        List<Integer> epochs = rows.stream().map(r -> Integer.parseInt(r.get("epoch"))).toList();
        int k = 0;
        for (String column : classes ? List.of("train_accuracy", "test_accuracy") : List.of("correct_fraction")) {
            PlotStyle.style(chart.addSeries(column.replace('_', ' '), epochs, rows.stream()
                    .map(r -> Double.parseDouble(r.get(column))).toList()), k++, 2f);
        }
        return PlotStyle.save(chart, dir.resolve("run-accuracy"));
    }

    /** One histogram per crossbar (log10 g), start and end side by side, in one image. */
    private static Path conductances(Path dir, JsonNode config) throws IOException {
        Map<Integer, List<Double>> start = byLayer(dir.resolve(RunWriter.INITIAL_CONDUCTANCES));
        Map<Integer, List<Double>> end = byLayer(dir.resolve(RunWriter.CONDUCTANCES));
        double gMin = config.path("g_min_s").asDouble(Double.NaN);
        double gMax = config.path("g_max_s").asDouble(Double.NaN);
        double lo = Math.log10(Double.isFinite(gMin) ? gMin : start.values().stream().flatMap(List::stream)
                .mapToDouble(Double::doubleValue).min().orElse(1e-6));
        double hi = Math.log10(Double.isFinite(gMax) ? gMax : end.values().stream().flatMap(List::stream)
                .mapToDouble(Double::doubleValue).max().orElse(1e-3));
        int width = 700;
        int height = 380;
        BufferedImage image = new BufferedImage(width, height * end.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int row = 0;
        for (int layer : end.keySet()) {
            List<String> bins = new ArrayList<>();
            for (int b = 0; b < BINS; b++) {
                bins.add(PlotStyle.scientific(Math.pow(10, lo + (b + 0.5) * (hi - lo) / BINS)));
            }
            CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
                    .title(String.format(Locale.ROOT, "Crossbar %d (%d conductances): %s", layer, end.get(layer).size(),
                            bounds(end.get(layer), gMin, gMax)))
                    .xAxisTitle("conductance (S), log bins from g_min to g_max").yAxisTitle("conductances").build();
            chart.getStyler().setOverlapped(true);
            chart.getStyler().setXAxisLabelRotation(45);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.addSeries("start", bins, histogram(start.getOrDefault(layer, List.of()), lo, hi))
                    .setFillColor(new Color(0, 114, 178, 120));
            chart.addSeries("end", bins, histogram(end.get(layer), lo, hi)).setFillColor(new Color(213, 94, 0, 150));
            Graphics2D panel = (Graphics2D) g.create(0, row * height, width, height);
            chart.paint(panel, width, height);
            panel.dispose();
            row++;
        }
        g.dispose();
        Path png = dir.resolve("run-conductances.png");
        Path tmp = dir.resolve("run-conductances.png.tmp");
        ImageIO.write(image, "png", tmp.toFile());
        AtomicFiles.replace(tmp, png);
        return png;
    }

    /** "end: 12 % at g_min, 0 % at g_max" (within 0.1 % of a bound counts as at it). */
    static String bounds(List<Double> g, double gMin, double gMax) {
        long atMin = g.stream().filter(v -> v <= gMin * 1.001).count();
        long atMax = g.stream().filter(v -> v >= gMax * 0.999).count();
        return String.format(Locale.ROOT, "at the end %.0f %% at g_min, %.0f %% at g_max", 100.0 * atMin / g.size(),
                100.0 * atMax / g.size());
    }

    private static List<Integer> histogram(List<Double> g, double lo, double hi) {
        int[] counts = new int[BINS];
        for (double v : g) {
            int b = (int) Math.floor((Math.log10(v) - lo) / (hi - lo) * BINS);
            counts[Math.max(0, Math.min(BINS - 1, b))]++;
        }
        List<Integer> out = new ArrayList<>();
        for (int c : counts) {
            out.add(c);
        }
        return out;
    }

    private static Map<Integer, List<Double>> byLayer(Path csv) throws IOException {
        Map<Integer, List<Double>> m = new TreeMap<>();
        for (Map<String, String> r : read(csv)) {
            m.computeIfAbsent(Integer.parseInt(r.get("layer")), k -> new ArrayList<>())
                    .add(Double.parseDouble(r.get("g_siemens")));
        }
        return m;
    }

    private static List<Map<String, String>> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                rows.add(rec.toMap());
            }
            return rows;
        }
    }
}
