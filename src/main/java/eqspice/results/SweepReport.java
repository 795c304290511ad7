package eqspice.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * {@code eqspice report}: the morning report of a sweep, as {@code report/report.md} beside its PNGs
 * in the sweep's folder. Markdown beside PNG files rather than one HTML file with embedded images,
 * because it reads as text in any viewer and renders on a forge, and a re-run report diffs line by
 * line. It states the answer in words and numbers: converged fraction per estimator over alpha x
 * beta (each a fraction of its runs with a 95 % Wilson interval), where and why points fail (the
 * {@code outcome} shares per beta when the sweep had a {@code study:} section), the gradient-fidelity map
 * (with {@code study: {gradient_check: true}}, {@link GradientFidelityMap}), one example loss
 * curve per outcome, and Kiraz et al.'s Fig. 2 in its form (median loss per epoch for each beta at
 * the sweep's alpha closest to the paper's).
 */
public final class SweepReport {
    /** The paper's learning rate 5e-4, read as mS-weight units, in S^2/V^2. */
    static final double PAPER_ALPHA = 5e-10;
    private static final String ALPHA = "training.alpha";
    private static final String BETA = "training.beta";
    private static final String ESTIMATOR = "training.estimator";
    private static final double Z95 = 1.959963984540054;

    private SweepReport() {
    }

    /** Writes {@code dir/report/report.md} and its PNGs; returns the report's path. */
    public static Path write(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such folder (give a sweep's results folder, e.g. results/"
                    + "kiraz-alpha-beta-small)");
        }
        if (!Files.isRegularFile(dir.resolve("points.csv"))) {
            throw new IllegalArgumentException(dir + " has no points.csv: it is not a finished sweep's results folder"
                    + (Files.isRegularFile(dir.resolve("metrics.csv")) ? " (it is a single run; report covers sweeps:"
                    + " run 'eqspice sweep' with the experiment)" : ""));
        }
        SweepTable t = SweepTable.read(dir);
        if (t.rows().isEmpty()) {
            throw new IllegalArgumentException(dir.resolve("points.csv") + " has no points yet");
        }
        Path out = dir.resolve("report");
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder();
        new Writer(dir, out, t, md).all();
        Path report = out.resolve("report.md");
        Path tmp = out.resolve("report.md.tmp");
        Files.writeString(tmp, md);
        AtomicFiles.replace(tmp, report);
        return report;
    }

    /** The 95 % Wilson score interval of k successes in n trials: {low, high}. */
    static double[] wilson(long k, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = k / (double) n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** "3/4 (0.30-0.95)": the count, and the 95 % Wilson interval of the fraction. */
    static String fraction(long k, long n) {
        double[] ci = wilson(k, n);
        return String.format(Locale.ROOT, "%d/%d (%.2f-%.2f)", k, n, ci[0], ci[1]);
    }

    /** The value among {@code alphas} closest to the paper's alpha on a log scale. */
    static String paperAlpha(List<String> alphas) {
        String best = alphas.get(0);
        for (String a : alphas) {
            if (Math.abs(Math.log(Double.parseDouble(a) / PAPER_ALPHA))
                    < Math.abs(Math.log(Double.parseDouble(best) / PAPER_ALPHA))) {
                best = a;
            }
        }
        return best;
    }

    private static final class Writer {
        private final Path dir;
        private final Path out;
        private final SweepTable t;
        private final StringBuilder md;
        private final boolean study;
        private final List<String> estimators;
        private final String x;
        private final String y;

        Writer(Path dir, Path out, SweepTable t, StringBuilder md) {
            this.dir = dir;
            this.out = out;
            this.t = t;
            this.md = md;
            this.study = t.rows().get(0).containsKey("outcome");
            this.estimators = t.axes().contains(ESTIMATOR) ? t.values(ESTIMATOR) : Arrays.asList((String) null);
            List<String> plain = new ArrayList<>(t.axes());
            plain.remove(ESTIMATOR);
            this.x = plain.contains(BETA) ? BETA : plain.isEmpty() ? null : plain.get(0);
            this.y = plain.contains(ALPHA) ? ALPHA : plain.stream().filter(a -> !a.equals(x)).findFirst().orElse(null);
        }

        void all() throws IOException {
            header();
            answer();
            convergedTables();
            failures();
            gradientFidelity();
            examples();
            figure2();
            List<Path> plots = SweepPlots.write(dir, out);
            line("## All plots");
            line("");
            for (Path p : plots) {
                line("- [" + p.getFileName() + "](" + p.getFileName() + ")");
            }
        }

        private void header() throws IOException {
            line("# Report: " + dir.toAbsolutePath().normalize().getFileName());
            line("");
            String simulator = sweepSimulator();
            line("Generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by `eqspice report` from `points.csv` ("
                    + t.rows().size() + " points; axes " + String.join(", ", t.axes().stream().map(a -> "`" + a + "`")
                    .toList()) + (simulator == null ? "" : "; simulator " + simulator) + "). A fraction is written "
                    + "k/n (95 % Wilson interval); a point counts as converged when its `converged` column is true "
                    + "(failed points count as not converged). Losses below " + PlotStyle.floorLabel()
                    + " are drawn at that floor.");
            line("");
        }

        private String sweepSimulator() throws IOException {
            Path prov = dir.resolve("provenance.json");
            if (!Files.isRegularFile(prov)) {
                return null;
            }
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(prov.toFile())
                    .path("provenance").path("simulator");
            return node.isTextual() ? node.asText() : null;
        }

        private List<Map<String, String>> rows(String estimator) {
            return t.rows().stream().filter(r -> estimator == null || estimator.equals(r.get(ESTIMATOR))).toList();
        }

        private static long converged(List<Map<String, String>> rows) {
            return rows.stream().filter(r -> "true".equals(r.get("converged"))).count();
        }

        private String label(String estimator) {
            return estimator == null ? "all points" : estimator + " estimator";
        }

        private void answer() {
            line("## The answer");
            line("");
            String alpha = y != null && y.equals(ALPHA) ? paperAlpha(t.values(ALPHA)) : null;
            for (String e : estimators) {
                List<Map<String, String>> rows = rows(e);
                StringBuilder s = new StringBuilder("- **" + label(e) + "**: " + fraction(converged(rows), rows.size())
                        + " of the points converged");
                if (alpha != null && x != null) {
                    s.append("; at alpha ").append(PlotStyle.scientific(Double.parseDouble(alpha)))
                            .append(" S²/V² (the sweep's closest to the paper's 5e-10) by ").append(PlotStyle.shortName(x))
                            .append(": ");
                    List<String> cells = new ArrayList<>();
                    for (String xv : t.values(x)) {
                        List<Map<String, String>> in = rows.stream()
                                .filter(r -> alpha.equals(r.get(ALPHA)) && xv.equals(r.get(x))).toList();
                        cells.add(PlotStyle.value(xv) + ": " + converged(in) + "/" + in.size());
                    }
                    s.append(String.join(", ", cells));
                }
                if (study) {
                    Map<String, Long> failed = outcomeCounts(rows.stream()
                            .filter(r -> !"converged".equals(r.get("outcome"))).toList());
                    long nFailed = failed.values().stream().mapToLong(Long::longValue).sum();
                    if (nFailed > 0) {
                        String top = failed.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                        s.append(String.format(Locale.ROOT, "; of the %d that did not converge, %d ended `%s`",
                                nFailed, failed.get(top), top));
                    }
                }
                line(s + ".");
            }
            if (!study) {
                line("- This sweep has **no `study:` section**, so points.csv has no `outcome` and no mechanism "
                        + "columns: the report can say where points fail, not why (add `study:` to the experiment and "
                        + "run the sweep again).");
            }
            line("");
        }

        private void convergedTables() {
            if (x == null) {
                line("## Converged fraction per estimator");
                line("");
                line("The sweep has no numeric axis besides the estimator.");
                line("");
                return;
            }
            line("## Converged fraction per estimator over " + (y == null ? "" : PlotStyle.shortName(y) + " x ")
                    + PlotStyle.shortName(x));
            line("");
            List<String> pooled = t.axes().stream().filter(a -> !a.equals(x) && !a.equals(y) && !a.equals(ESTIMATOR))
                    .toList();
            if (!pooled.isEmpty()) {
                line("Each cell pools the points of every value of " + String.join(", ", pooled.stream()
                        .map(a -> "`" + a + "`").toList()) + ".");
                line("");
            }
            List<String> xs = t.values(x);
            List<String> ys = y == null ? Arrays.asList((String) null) : t.values(y);
            for (String e : estimators) {
                List<Map<String, String>> rows = rows(e);
                line("### " + label(e));
                line("");
                line("| " + (y == null ? "" : PlotStyle.axisTitle(y) + " \\ ") + PlotStyle.axisTitle(x) + " | "
                        + String.join(" | ", PlotStyle.tickLabels(xs)) + " |");
                line("|---" + "|---".repeat(xs.size()) + "|");
                List<String> yLabels = y == null ? List.of("all") : PlotStyle.tickLabels(ys);
                for (int j = 0; j < ys.size(); j++) {
                    String yv = ys.get(j);
                    StringBuilder row = new StringBuilder("| " + yLabels.get(j) + " |");
                    for (String xv : xs) {
                        List<Map<String, String>> in = rows.stream()
                                .filter(r -> xv.equals(r.get(x)) && (yv == null || yv.equals(r.get(y)))).toList();
                        row.append(' ').append(in.isEmpty() ? "-" : fraction(converged(in), in.size())).append(" |");
                    }
                    line(row.toString());
                }
                line("");
                String suffix = e == null ? "" : "-" + e;
                line("![converged fraction, " + label(e) + "](converged-fraction" + suffix + ".png)");
                line("");
            }
        }

        private static Map<String, Long> outcomeCounts(List<Map<String, String>> rows) {
            Map<String, Long> m = new TreeMap<>();
            for (Map<String, String> r : rows) {
                m.merge(r.get("outcome").isEmpty() ? "(none)" : r.get("outcome"), 1L, Long::sum);
            }
            return m;
        }

        private void failures() {
            line("## Where and why points fail");
            line("");
            if (!study) {
                long failed = t.rows().stream().filter(r -> !"ok".equals(r.get("status"))).count();
                line("No `study:` section in this sweep: no outcome per point and no mechanism columns, so why the "
                        + "points fail is not measured here. " + failed + " of " + t.rows().size()
                        + " points failed to run (status not ok); the rest ran and either converged or not, as above.");
                line("");
                return;
            }
            List<String> outcomes = new ArrayList<>(outcomeCounts(t.rows()).keySet());
            line("Outcome of each point by the fixed rules of docs/studies.md (first match wins), per " 
                    + (x == null ? "point" : PlotStyle.shortName(x)) + "; each cell k/n over the points with that "
                    + (x == null ? "estimator" : PlotStyle.shortName(x)) + ", whatever their "
                    + String.join(", ", t.axes().stream().filter(a -> !a.equals(x) && !a.equals(ESTIMATOR))
                            .map(a -> "`" + a + "`").toList()) + ".");
            line("");
            for (String e : estimators) {
                List<Map<String, String>> rows = rows(e);
                line("### " + label(e));
                line("");
                line("| " + (x == null ? "" : PlotStyle.axisTitle(x)) + " | " + String.join(" | ", outcomes) + " |");
                line("|---" + "|---".repeat(outcomes.size()) + "|");
                for (String xv : x == null ? List.of("all") : t.values(x)) {
                    List<Map<String, String>> in = rows.stream().filter(r -> x == null || xv.equals(r.get(x))).toList();
                    Map<String, Long> c = outcomeCounts(in);
                    StringBuilder row = new StringBuilder("| " + (x == null ? xv
                            : PlotStyle.value(xv)) + " |");
                    for (String o : outcomes) {
                        row.append(' ').append(c.getOrDefault(o, 0L)).append('/').append(in.size()).append(" |");
                    }
                    line(row.toString());
                }
                line("");
            }
            mechanisms(outcomes);
        }

        /** Medians of the mechanism columns per outcome: what each kind of ending looked like. */
        private void mechanisms(List<String> outcomes) {
            Map<String, String> first = t.rows().get(0);
            List<String> cols = new ArrayList<>();
            for (String c : first.keySet()) {
                if (c.startsWith("at_gmin_l") || c.startsWith("at_gmax_l") || c.startsWith("grad_cos_")
                        || c.startsWith("grad_ratio_") || c.startsWith("beta_bias_") || c.equals("amp_power_share_end")) {
                    cols.add(c);
                }
            }
            if (cols.isEmpty()) {
                return;
            }
            line("Mechanisms per outcome, all estimators: median of each column over the points with that outcome "
                    + "(columns: docs/studies.md; `at_gmin_l<k>` is the share of crossbar k's conductances at g_min at "
                    + "the end, `beta_bias_start` the positive estimate's distance from the centered one, relative).");
            line("");
            line("| outcome | points | " + String.join(" | ", cols) + " | recovery rungs |");
            line("|---|---" + "|---".repeat(cols.size()) + "|---|");
            for (String o : outcomes) {
                List<Map<String, String>> in = t.rows().stream().filter(r -> o.equals(r.get("outcome"))).toList();
                StringBuilder row = new StringBuilder("| `" + o + "` | " + in.size() + " |");
                for (String c : cols) {
                    double[] v = in.stream().mapToDouble(r -> SweepPlots.number(r.get(c))).filter(Double::isFinite)
                            .toArray();
                    row.append(' ').append(v.length == 0 ? "-" : PlotStyle.scientific(PlotStyle.quartiles(v)[0]))
                            .append(" |");
                }
                Map<String, Long> rungs = new TreeMap<>();
                in.forEach(r -> rungs.merge(r.getOrDefault("recovery_rung", ""), 1L, Long::sum));
                row.append(' ').append(rungs.toString().replaceAll("[{}]", "").replace("=", ": ")).append(" |");
                line(row.toString());
            }
            line("");
        }

        private void gradientFidelity() throws IOException {
            line("## Gradient fidelity");
            line("");
            if (!GradientFidelityMap.measured(t) || x == null) {
                line("Not measured: " + (study ? "the sweep's `study:` section has no `gradient_check: true`"
                        : "the sweep has no `study:` section") + ". With `study: {gradient_check: true}` each point "
                        + "compares the step training takes with central finite differences through the same simulator,"
                        + " on the initial and on the final network (docs/studies.md).");
                line("");
                return;
            }
            line("The step training takes (its estimator, beta and layer scaling) against central finite differences "
                    + "through the same simulator. Each cell: median (quartiles) over the points. The ratio of crossbar "
                    + "k is the per-conductance estimate / finite difference, median over the crossbar: 1 is exact, "
                    + "(b/A)^k is Kendall's pair k amplifier stages from the output (docs/studies.md).");
            line("");
            GradientFidelityMap map = new GradientFidelityMap(out, t, x, y, this::line);
            for (String e : estimators) {
                map.section(label(e), e == null ? "" : "-" + e, rows(e));
            }
        }

        /** One example run per outcome (without study: converged / not converged): its loss per epoch. */
        private void examples() throws IOException {
            line("## Example loss curves per outcome");
            line("");
            Map<String, Map<String, String>> example = new LinkedHashMap<>();
            for (Map<String, String> r : t.rows()) {
                String kind = study ? r.get("outcome") : "true".equals(r.get("converged")) ? "converged" : "not converged";
                if (Files.isRegularFile(metrics(r))) {
                    example.putIfAbsent(kind, r);
                }
            }
            if (example.isEmpty()) {
                line("No point has a metrics.csv (every point failed before its first epoch).");
                line("");
                return;
            }
            XYChart chart = new XYChartBuilder().width(1000).height(600).xAxisTitle("epoch")
                    .yAxisTitle("loss (V²), log scale; floor " + PlotStyle.floorLabel())
                    .title("One example run per " + (study ? "outcome" : "result") + " (the first in points.csv)").build();
            PlotStyle.logLossAxis(chart);
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
            line("| " + (study ? "outcome" : "result") + " | point | " + String.join(" | ", t.axes())
                    + " | final loss (V²) |");
            line("|---|---" + "|---".repeat(t.axes().size()) + "|---|");
            int k = 0;
            for (var en : example.entrySet()) {
                Map<String, String> r = en.getValue();
                TreeMap<Integer, List<Double>> byEpoch = new TreeMap<>();
                SweepPlots.epochLosses(metrics(r), byEpoch);
                if (!byEpoch.isEmpty()) {
                    List<Integer> epochs = new ArrayList<>(byEpoch.keySet());
                    List<Double> loss = byEpoch.values().stream()
                            .map(l -> Math.log10(PlotStyle.floored(l.get(0)))).toList();
                    PlotStyle.style(chart.addSeries(en.getKey() + " (" + r.get("point_id") + ")", epochs, loss), k++, 2f);
                }
                line("| `" + en.getKey() + "` | " + r.get("point_id") + " | " + String.join(" | ",
                        t.axes().stream().map(r::get).toList()) + " | "
                        + LossFloor.text(SweepPlots.number(r.get("final_loss_v2"))).replace(" V^2", "") + " |");
            }
            line("");
            if (k > 0) {
                Path png = PlotStyle.save(chart, out.resolve("examples-per-outcome"));
                line("![example loss curves](" + png.getFileName() + ")");
                line("");
            }
        }

        private Path metrics(Map<String, String> r) {
            return dir.resolve("points").resolve(r.get("point_id")).resolve("metrics.csv");
        }

        /** Kiraz et al. Fig. 2: median loss per epoch for each beta at the paper's alpha. */
        private void figure2() throws IOException {
            line("## Kiraz et al. Fig. 2: loss per epoch for each beta at the paper's alpha");
            line("");
            if (x == null || !BETA.equals(x)) {
                line("The sweep has no `training.beta` axis: no figure.");
                line("");
                return;
            }
            String alpha = t.axes().contains(ALPHA) ? paperAlpha(t.values(ALPHA)) : null;
            String at = alpha == null ? "the experiment's alpha (not an axis)"
                    : "alpha " + PlotStyle.scientific(Double.parseDouble(alpha)) + " S²/V², the sweep's value closest to "
                    + "the paper's 5e-4 read in mS-weight units (5e-10 S²/V²)";
            line("Median loss per epoch (quartiles faint) for each beta, at " + at + "; one figure per estimator "
                    + "(the paper nudges positively). The table gives the median final loss and mean absolute error.");
            line("");
            double threshold = SweepPlots.convergenceThreshold(dir, t);
            List<String> rest = t.axes().stream().filter(a -> !a.equals(BETA) && !a.equals(ALPHA) && !a.equals(ESTIMATOR))
                    .map(a -> a.substring(a.lastIndexOf('.') + 1)).toList();
            String over = rest.isEmpty() ? "runs" : String.join(" x ", rest);
            for (String e : estimators) {
                List<Map<String, String>> rows = rows(e).stream()
                        .filter(r -> alpha == null || alpha.equals(r.get(ALPHA))).toList();
                String suffix = e == null ? "" : "-" + e;
                Path png = SweepPlots.lossCurves(dir, out, rows, t, BETA, threshold, "kiraz-fig2" + suffix,
                        "Kiraz Fig. 2" + (e == null ? "" : ", " + e) + (alpha == null ? ""
                                : ", alpha " + PlotStyle.scientific(Double.parseDouble(alpha)) + " S²/V²"), over);
                line("### " + label(e));
                line("");
                line("| beta (S) | runs | converged | median final loss (V²) | median final mean abs. error (V) |");
                line("|---|---|---|---|---|");
                for (String b : t.values(BETA)) {
                    List<Map<String, String>> in = rows.stream().filter(r -> b.equals(r.get(BETA))).toList();
                    double[] loss = in.stream().mapToDouble(r -> SweepPlots.number(r.get("final_loss_v2")))
                            .filter(Double::isFinite).toArray();
                    List<Double> errors = new ArrayList<>();
                    for (Map<String, String> r : in) {
                        double err = lastError(metrics(r));
                        if (Double.isFinite(err)) {
                            errors.add(err);
                        }
                    }
                    double medLoss = PlotStyle.quartiles(loss)[0];
                    double medErr = PlotStyle.quartiles(errors.stream().mapToDouble(Double::doubleValue).toArray())[0];
                    line("| " + PlotStyle.scientific(Double.parseDouble(b)) + " | " + in.size() + " | "
                            + fraction(converged(in), in.size()) + " | "
                            + (Double.isFinite(medLoss) ? LossFloor.text(medLoss).replace(" V^2", "") : "-") + " | "
                            + (Double.isFinite(medErr) ? PlotStyle.scientific(medErr) : "-") + " |");
                }
                line("");
                if (png != null) {
                    line("![Kiraz Fig. 2, " + label(e) + "](" + png.getFileName() + ")");
                    line("");
                }
            }
        }

        /** The last epoch's mean_abs_error_v of a point's metrics, NaN when there is none. */
        private static double lastError(Path metrics) throws IOException {
            if (!Files.isRegularFile(metrics)) {
                return Double.NaN;
            }
            double last = Double.NaN;
            try (Reader r = Files.newBufferedReader(metrics);
                 CSVParser p = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                         .get().parse(r)) {
                if (!p.getHeaderNames().contains("mean_abs_error_v")) {
                    return Double.NaN;
                }
                for (CSVRecord rec : p) {
                    last = SweepPlots.number(rec.get("mean_abs_error_v"));
                }
            }
            return last;
        }

        private void line(String s) {
            md.append(s).append('\n');
        }
    }
}
