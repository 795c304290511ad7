package eqspice.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What every eqspice plot shares: axis titles with units, one tick style for numbers on log-ranged
 * axes, the loss floor, line styles that stay apart in black and white, and atomic PNG writing.
 */
final class PlotStyle {
    /** Losses below this (V^2) are drawn at it: {@link LossFloor}. */
    static final double LOSS_FLOOR_V2 = LossFloor.V2;

    private static final Map<String, String> TITLES = Map.of(
            "training.alpha", "learning rate alpha (S²/V²)",
            "training.beta", "nudging strength beta (S)",
            "training.seed", "seed",
            "training.estimator", "estimator",
            "training.epochs", "epochs",
            "network.amplifier.forward", "amplifier forward gain A",
            "network.amplifier.backward", "amplifier backward gain b");

    private static final Color[] COLORS = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0), new Color(0, 0, 0)};
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {4f, 4f}};

    private PlotStyle() {
    }

    /** An axis title for an experiment field: its meaning and unit where eqspice knows them, else the field. */
    static String axisTitle(String field) {
        return TITLES.getOrDefault(field, field);
    }

    /**
     * Tick labels for the values of one axis. Numbers spanning two decades or more, or all far from 1,
     * are written in one scientific style (1e-7, 3.16e-6, 1e-4), others with three significant digits;
     * text stays as it is.
     */
    static List<String> tickLabels(List<String> values) {
        boolean numeric = values.stream().allMatch(SweepTable::isNumber);
        if (!numeric) {
            return values;
        }
        double[] v = values.stream().mapToDouble(Double::parseDouble).toArray();
        double min = Arrays.stream(v).filter(d -> d > 0).min().orElse(0);
        double max = Arrays.stream(v).max().orElse(0);
        double largest = Arrays.stream(v).map(Math::abs).max().orElse(0);
        boolean scientific = Arrays.stream(v).allMatch(d -> d > 0) && max / min >= 100
                || largest > 0 && (largest < 1e-2 || largest >= 1e4);
        return Arrays.stream(v).mapToObj(d -> scientific ? scientific(d) : plain(d)).toList();
    }

    /** One axis value for a table cell: a number in {@link #scientific} style, text (e.g. a list {@code [2,2]}) as it is. */
    static String value(String axisValue) {
        return SweepTable.isNumber(axisValue) ? scientific(Double.parseDouble(axisValue)) : axisValue;
    }

    /** 3.16e-6 style: up to three significant digits, no "+" and no leading zeros in the exponent. */
    static String scientific(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return plain(v);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        double mant = v / Math.pow(10, exp);
        String m = new BigDecimal(mant).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        if (m.equals("10")) { // rounding carried into the next decade
            m = "1";
            exp++;
        }
        return exp == 0 ? m : m + "e" + exp;
    }

    static String plain(double v) {
        return Double.isFinite(v) ? new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString()
                : String.valueOf(v);
    }

    /** The symbol of a known field ("beta"), else its last path element. */
    static String shortName(String field) {
        String t = axisTitle(field);
        return t.equals(field) ? field.substring(field.lastIndexOf('.') + 1) : t.replaceAll(" \\(.*", "")
                .replaceAll("^.* (alpha|beta)$", "$1");
    }

    /**
     * Makes the y axis show log10 of a loss from the floor to 1 V^2 (series carry log10 values): ticks
     * on whole decades labelled 1e-20 .. 1, one grid line per tick, where XChart's own log axis draws
     * a grid line for every sub-decade.
     */
    static void logLossAxis(org.knowm.xchart.XYChart chart) {
        chart.getStyler().setYAxisMin(Math.log10(LOSS_FLOOR_V2)).setYAxisMax(0.0);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        chart.setCustomYAxisTickLabelsFormatter(v -> Math.abs(v - Math.rint(v)) < 1e-9
                ? (Math.rint(v) == 0 ? "1" : "1e" + (long) Math.rint(v)) : "");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("#");
    }

    /** A loss for a log axis: at least the floor (zeros and round-off drawn on it). */
    static double floored(double lossV2) {
        return Math.max(LOSS_FLOOR_V2, lossV2);
    }

    /** "1e-20" as text, for titles that name the floor. */
    static String floorLabel() {
        return String.format(Locale.ROOT, "%s V²", scientific(LOSS_FLOOR_V2));
    }

    /** The k-th series' look: colour and dash pattern both change, so lines differ without colour too. */
    static void style(XYSeries s, int k, float width) {
        s.setLineColor(COLORS[k % COLORS.length]);
        float[] dash = DASHES[k % DASHES.length];
        s.setLineStyle(dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        s.setMarker(SeriesMarkers.NONE);
    }

    /** A faint companion of the k-th series (its quartiles): same colour, thin, translucent, not in the legend. */
    static void faint(XYSeries s, int k) {
        Color c = COLORS[k % COLORS.length];
        s.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
        s.setLineStyle(new BasicStroke(0.8f));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** Writes the chart as base.png through a temporary file, so a reader never sees half a PNG. */
    static Path save(Chart<?, ?> chart, Path base) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path png = base.resolveSibling(base.getFileName() + ".png");
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        return png;
    }

    /** Median, lower and upper quartile (linear interpolation between order statistics); NaN when empty. */
    static double[] quartiles(double[] values) {
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return new double[] {quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75)};
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
