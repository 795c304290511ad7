package eqspice.results;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * The report's gradient-fidelity map: how close the step training takes is to the true gradient
 * (central finite differences through the same simulator), from the {@code grad_*} columns that a
 * sweep writes with {@code study: {gradient_check: true}}. Per estimator, a map of the median cosine
 * on the initial network over the two plotted axes, and a table per beta with the cosine, the
 * relative error and the per-crossbar ratio at the start, and the cosine at the end on the points
 * that did not converge (at the end of a converged run the gradient is about zero and its cosine is
 * noise, so those points are left out of the end column).
 */
final class GradientFidelityMap {
    private final Path out;
    private final List<Map<String, String>> all;
    private final String x;
    private final String y;
    private final List<String> xs;
    private final List<String> ys;
    private final Consumer<String> line;

    /**
     * @param x the map's horizontal axis (a sweep field, e.g. {@code training.beta})
     * @param y its vertical axis, or null for one row
     */
    GradientFidelityMap(Path out, SweepTable t, String x, String y, Consumer<String> line) {
        this.out = out;
        this.all = t.rows();
        this.x = x;
        this.y = y;
        this.xs = t.values(x);
        this.ys = y == null ? List.of("all") : t.values(y);
        this.line = line;
    }

    /** True when the sweep measured gradient fidelity (its points.csv has the start cosine). */
    static boolean measured(SweepTable t) {
        return !t.rows().isEmpty() && t.rows().get(0).containsKey("grad_cos_start");
    }

    /** Writes the section for the rows of one estimator ({@code label} names it). */
    void section(String label, String suffix, List<Map<String, String>> rows) throws IOException {
        line.accept("### " + label);
        line.accept("");
        List<String> ratios = rows.isEmpty() ? List.of() : rows.get(0).keySet().stream()
                .filter(c -> c.startsWith("grad_ratio_start_l")).toList();
        StringBuilder head = new StringBuilder("| " + PlotStyle.axisTitle(x) + " | points | cosine at start | "
                + "relative error at start |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (String r : ratios) {
            head.append(" ratio crossbar ").append(r.substring("grad_ratio_start_l".length())).append(" at start |");
            rule.append("---|");
        }
        head.append(" cosine at end, points not converged |");
        rule.append("---|");
        line.accept(head.toString());
        line.accept(rule.toString());
        for (String xv : xs) {
            List<Map<String, String>> in = rows.stream().filter(r -> xv.equals(r.get(x))).toList();
            StringBuilder row = new StringBuilder("| " + PlotStyle.value(xv) + " | "
                    + in.size() + " | " + spread(in, "grad_cos_start") + " | " + spread(in, "grad_relerr_start") + " |");
            for (String r : ratios) {
                row.append(' ').append(spread(in, r)).append(" |");
            }
            List<Map<String, String>> failed = in.stream().filter(r -> !"true".equals(r.get("converged"))).toList();
            row.append(' ').append(failed.isEmpty() ? "- (all converged)" : spread(failed, "grad_cos_end")
                    + " over " + failed.size()).append(" |");
            line.accept(row.toString());
        }
        line.accept("");
        HeatMapChart chart = map(rows, label);
        if (chart != null) {
            Path png = PlotStyle.save(chart, out.resolve("gradient-fidelity" + suffix));
            line.accept("![gradient fidelity, " + label + "](" + png.getFileName() + ")");
            line.accept("");
        }
    }

    /** "median (q1..q3)" of a column over rows, "-" when no row has a number there. */
    private static String spread(List<Map<String, String>> rows, String column) {
        double[] v = rows.stream().mapToDouble(r -> SweepPlots.number(r.get(column))).filter(Double::isFinite).toArray();
        if (v.length == 0) {
            return "-";
        }
        double[] q = PlotStyle.quartiles(v);
        return readable(q[0]) + " (" + readable(q[1]) + ".." + readable(q[2]) + ")";
    }

    /** Three significant digits, plain between 1e-3 and 1e4 (cosines and ratios read better so), else scientific. */
    static String readable(double v) {
        if (v == 0 || !Double.isFinite(v) || Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4) {
            return PlotStyle.scientific(v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private HeatMapChart map(List<Map<String, String>> rows, String label) {
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                String xv = xs.get(i);
                String yv = ys.get(j);
                double[] v = rows.stream().filter(r -> xv.equals(r.get(x)) && (y == null || yv.equals(r.get(y))))
                        .mapToDouble(r -> SweepPlots.number(r.get("grad_cos_start"))).filter(Double::isFinite).toArray();
                if (v.length > 0) {
                    cells.add(new Number[] {i, j, PlotStyle.quartiles(v)[0]});
                }
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(600)
                .title("Step vs finite-difference gradient at the start, " + label + ": median cosine (1 exact, -1 uphill)")
                .xAxisTitle(PlotStyle.axisTitle(x)).yAxisTitle(y == null ? "" : PlotStyle.axisTitle(y)).build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(12f));
        // Diverging: red uphill, white orthogonal, dark blue along the gradient.
        chart.getStyler().setRangeColors(new Color[] {new Color(178, 24, 43), new Color(247, 247, 247),
                new Color(8, 48, 107)});
        chart.getStyler().setMin(-1).setMax(1);
        chart.addSeries("cosine", PlotStyle.tickLabels(xs), PlotStyle.tickLabels(ys), cells);
        return chart;
    }
}
