package eqspice.bench;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.PhaseStrategy;
import eqspice.network.CrossbarCircuit;
import eqspice.network.NetworkSpec;
import eqspice.ngspice.NgspiceSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The scaling part of {@code eqspice bench phases}: time per phase (default strategy) and the
 * {@code ngspice -b} analysis of the same netlist against the circuit's element count, from
 * about 1k to 160k elements, on a log-log PNG with the fitted slope of each.
 */
public final class ScalingBench {
    /** Networks from ~1k to ~160k elements (inputs applied once, see {@link PhaseWorkload#spec}). */
    static final int[][] SHAPES = {{8, 32, 10}, {32, 64, 10}, {98, 100, 10}, {196, 100, 10}, {392, 100, 10},
        {784, 100, 10}, {1568, 100, 10}};

    private ScalingBench() {
    }

    public static void run(PrintStream out, Path png, double budgetSeconds) throws IOException {
        out.printf(Locale.ROOT, "%nscaling: time per phase (%s) and ngspice -b op analysis against elements%n",
                PhaseStrategy.FASTEST.label());
        out.printf(Locale.ROOT, "%-12s %-10s %-14s %-14s%n", "network", "elements", "per phase", "ngspice -b");
        List<Double> elements = new ArrayList<>();
        List<Double> phase = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        try (NgspiceSession ng = new NgspiceSession()) {
            for (int[] s : SHAPES) {
                NetworkSpec spec = PhaseWorkload.spec(s[0], s[1], s[2]);
                PhaseWorkload w = PhaseWorkload.of(spec, 16);
                CrossbarSession session = w.session(ng, SolverOptions.DEFAULT, PhaseStrategy.FASTEST);
                long t0 = BenchStats.cpuNanos();
                w.step(session, 0);
                int n = (int) Math.max(3, Math.min(50, budgetSeconds / ((BenchStats.cpuNanos() - t0) / 1e9)));
                double[] t = new double[n];
                for (int k = 0; k < n; k++) {
                    long a = BenchStats.cpuNanos();
                    w.step(session, k + 1);
                    t[k] = (BenchStats.cpuNanos() - a) / 1e9 / PhaseWorkload.PHASES;
                }
                CrossbarCircuit builder = new CrossbarCircuit(spec);
                var circuit = builder.build(w.network(), w.xs()[0], SolverOptions.DEFAULT, List.of());
                double b = BatchBaseline.measure(circuit, 3).analysisSeconds();
                elements.add((double) circuit.elements().size());
                phase.add(BenchStats.median(t));
                raw.add(b);
                out.printf(Locale.ROOT, "%-12s %-10d %-14s %-14s%n", CrossbarCircuit.shape(spec),
                        circuit.elements().size(), BenchStats.ms(BenchStats.median(t)), BenchStats.ms(b));
                out.flush();
            }
        }
        double slope = slope(elements, phase);
        double rawSlope = slope(elements, raw);
        out.printf(Locale.ROOT, "log-log slope: per phase %.2f, ngspice -b %.2f (1 = linear in the element count)%n",
                slope, rawSlope);
        XYChart chart = new XYChartBuilder().width(900).height(600).title("eqspice: time per EqProp phase vs circuit size")
                .xAxisTitle("circuit elements").yAxisTitle("seconds").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.addSeries(String.format(Locale.ROOT, "per phase, %s (slope %.2f)", PhaseStrategy.FASTEST.label(), slope),
                elements, phase);
        chart.addSeries(String.format(Locale.ROOT, "ngspice -b op analysis (slope %.2f)", rawSlope), elements, raw);
        Files.createDirectories(png.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        out.println("plot: " + png);
    }

    /** Least-squares slope of log10(y) against log10(x). */
    static double slope(List<Double> x, List<Double> y) {
        int n = x.size();
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            mx += Math.log10(x.get(k)) / n;
            my += Math.log10(y.get(k)) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < n; k++) {
            double dx = Math.log10(x.get(k)) - mx;
            sxy += dx * (Math.log10(y.get(k)) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
