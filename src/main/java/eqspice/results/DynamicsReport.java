package eqspice.results;

import eqspice.dynamics.CutShort;
import eqspice.dynamics.PhaseDynamics;
import eqspice.dynamics.Settling;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The files and tables of {@code eqspice transient}: {@code phases.csv} (per phase: settling
 * verdict and time, energy by source group, then by source), {@code cut-short.csv} and {@code cut-short.png}
 * (the gradient estimate with every phase cut to T, against the DC estimate).
 */
public final class DynamicsReport {
    public static final String PHASES = "phases.csv";
    public static final String CUT_SHORT = "cut-short.csv";
    public static final String PLOT = "cut-short.png";

    private DynamicsReport() {
    }

    /** The phase table as aligned text lines, then the energy per training step of each sample. */
    public static List<String> phaseTable(PhaseDynamics.Report r) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-12s %-52s %11s %11s %11s %11s", "phase", "outcome", "energy (J)",
                "supply (J)", "inputs (J)", "end P (W)"));
        for (PhaseDynamics.PhaseReport p : r.phases()) {
            out.add(String.format(Locale.ROOT, "%-12s %-52s %11.4g %11.4g %11.4g %11.4g", p.step().label(),
                    p.settling().describe(), p.total(), p.groups().get("supply"), p.groups().get("inputs"), p.endPower()));
        }
        for (int s = 0; s < r.stepEnergy().size(); s++) {
            out.add(String.format(Locale.ROOT, "energy per training step, sample %d: %.4g J", r.phases().get(s * (r.phases()
                    .size() / r.stepEnergy().size())).step().sample(), r.stepEnergy().get(s)));
        }
        return out;
    }

    /** The cut-short table as aligned text lines. */
    public static List<String> cutTable(List<CutShort.Row> rows) {
        List<String> out = new ArrayList<>();
        int layers = rows.isEmpty() ? 0 : rows.get(0).layerScale().length;
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-10s %10s", "T", "cosine"));
        for (int l = 0; l < layers; l++) {
            h.append(String.format(Locale.ROOT, " %12s", "scale L" + l));
        }
        out.add(h.append(String.format(Locale.ROOT, " %14s", "|dout| (V)")).toString());
        for (CutShort.Row r : rows) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s %10.6f", seconds(r.time()), r.cosine()));
            for (double s : r.layerScale()) {
                sb.append(String.format(Locale.ROOT, " %12.6g", s));
            }
            sb.append(String.format(Locale.ROOT, " %14.3g", r.outputError()));
            if (!r.failure().isEmpty()) {
                sb.append("  failed: ").append(r.failure());
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Writes phases.csv into {@code dir}. */
    public static Path writePhases(Path dir, PhaseDynamics.Report r, List<String> provenance) throws IOException {
        List<String> header = new ArrayList<>(List.of("sample", "phase", "start_s", "verdict", "settling_time_s",
                "deviation_v", "node", "amplitude_v", "frequency_hz", "rail_v"));
        PhaseDynamics.GROUPS.forEach(g -> header.add("energy_" + g.replace(' ', '_') + "_j"));
        header.addAll(List.of("energy_total_j", "stored_change_j", "end_power_w"));
        List<String> sources = r.phases().isEmpty() ? List.of() : List.copyOf(r.phases().get(0).energy().keySet());
        sources.forEach(name -> header.add("energy_" + name + "_j"));
        StringWriter w = new StringWriter();
        try (CSVPrinter p = printer(w, provenance, header)) {
            for (PhaseDynamics.PhaseReport ph : r.phases()) {
                Settling.Result s = ph.settling();
                List<Object> row = new ArrayList<>(List.of(ph.step().sample(), ph.step().phase().label(), ph.start(),
                        s.verdict().id(), s.settlingTime(), s.deviation(), s.node(), s.amplitude(), s.frequency(), s.rail()));
                PhaseDynamics.GROUPS.forEach(g -> row.add(ph.groups().get(g)));
                row.addAll(List.of(ph.total(), ph.stored(), ph.endPower()));
                sources.forEach(name -> row.add(ph.energy().get(name)));
                p.printRecord(row);
            }
        }
        return write(dir, PHASES, w.toString());
    }

    /** Writes cut-short.csv into {@code dir}. */
    public static Path writeCutShort(Path dir, List<CutShort.Row> rows, List<String> provenance) throws IOException {
        int layers = rows.isEmpty() ? 0 : rows.get(0).layerScale().length;
        List<String> header = new ArrayList<>(List.of("phase_time_s", "cosine"));
        for (int l = 0; l < layers; l++) {
            header.add("scale_layer" + l);
        }
        for (int l = 0; l < layers; l++) {
            header.add("cosine_layer" + l);
        }
        header.addAll(List.of("output_error_v", "failure"));
        StringWriter w = new StringWriter();
        try (CSVPrinter p = printer(w, provenance, header)) {
            for (CutShort.Row r : rows) {
                List<Object> row = new ArrayList<>(List.of(r.time(), r.cosine()));
                for (double s : r.layerScale()) {
                    row.add(s);
                }
                for (double c : r.layerCosine()) {
                    row.add(c);
                }
                row.add(r.outputError());
                row.add(r.failure());
                p.printRecord(row);
            }
        }
        return write(dir, CUT_SHORT, w.toString());
    }

    /**
     * Writes cut-short.png: the cosine and each layer's scale against T (log axis). The y axis is
     * held to [-0.5, 1.5] so that the approach to 1 stays readable; wilder values at the shortest
     * T leave the plot (the CSV has them).
     */
    public static Path writePlot(Path dir, List<CutShort.Row> rows, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
                .xAxisTitle("phase length T (s), every phase cut at T").yAxisTitle("estimate at T vs DC estimate (held to -0.5 .. 1.5)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(1.5);
        chart.getStyler().setXAxisDecimalPattern("0.#E0");
        List<CutShort.Row> ok = rows.stream().filter(r -> !Double.isNaN(r.cosine())).toList();
        if (!ok.isEmpty()) {
            List<Double> t = ok.stream().map(CutShort.Row::time).toList();
            chart.addSeries("cosine", t, ok.stream().map(r -> clip(r.cosine())).toList()).setMarker(SeriesMarkers.CIRCLE);
            for (int l = 0; l < ok.get(0).layerScale().length; l++) {
                final int layer = l;
                chart.addSeries("scale, weight layer " + l, t, ok.stream().map(r -> clip(r.layerScale()[layer])).toList())
                        .setMarker(SeriesMarkers.DIAMOND);
            }
        }
        Path tmp = dir.resolve("cut-short.tmp");
        BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG); // appends .png
        Path png = dir.resolve(PLOT);
        AtomicFiles.replace(tmp.resolveSibling("cut-short.tmp.png"), png);
        return png;
    }

    /** Keeps a value just outside the plotted range so that it shows as leaving the plot, not as a huge axis. */
    private static double clip(double v) {
        return Math.max(-0.6, Math.min(1.6, v));
    }

    private static CSVPrinter printer(StringWriter w, List<String> provenance, List<String> header) throws IOException {
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeaderComments(provenance.toArray())
                .setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get());
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        AtomicFiles.replace(tmp, out);
        return out;
    }

    static String seconds(double s) {
        double a = Math.abs(s);
        return a >= 1e-3 ? String.format(Locale.ROOT, "%.3g ms", s * 1e3) : a >= 1e-6
                ? String.format(Locale.ROOT, "%.3g us", s * 1e6) : String.format(Locale.ROOT, "%.3g ns", s * 1e9);
    }
}
