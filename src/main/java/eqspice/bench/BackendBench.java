package eqspice.bench;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.CrossbarSession;
import eqspice.network.LayeredNetwork;
import eqspice.network.NetworkSpec;
import eqspice.network.Presets;
import eqspice.simulate.Simulator;
import eqspice.simulate.Solution;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * {@code eqspice bench backends}: the time of each EqProp phase (free, +beta, -beta: set the
 * phase's sources, solve, read the solution) on Kendall networks of growing size, for each
 * backend in one run; the first backend is the baseline of the ratios. The backends are
 * parameters, so another ngspice strategy is one more entry. Every backend solves the same
 * network and samples, and the largest node-voltage difference from the baseline is printed,
 * so a fast wrong answer shows.
 */
public final class BackendBench {
    /** A backend under test: a name for the table and how to open it (opened once, reused across networks). */
    public record Backend(String name, Supplier<Simulator> open) {
    }

    /** The backends the CLI knows, by name: how a phase reaches the solver. Another strategy is one more entry. */
    public static final Map<String, Supplier<Simulator>> KNOWN = new java.util.TreeMap<>(Map.of(
            "ngspice-alter-op", eqspice.ngspice.NgspiceSession::new, "embedded", eqspice.embedded.EmbeddedSimulator::new));

    private static final String[] PHASES = {"free", "+beta", "-beta"};
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private BackendBench() {
    }

    /** Default networks: 64-32-10, 196-100-10, 784-100-10 (Kendall preset). */
    public static List<NetworkSpec> defaultNetworks() {
        return List.of(Presets.kendall(64, 32, 10), Presets.kendall(196, 100, 10), Presets.kendall(784, 100, 10));
    }

    public static void run(PrintStream out, List<Backend> backends, List<NetworkSpec> networks, SolverOptions options,
                           int samples) {
        out.printf(Locale.ROOT, "bench backends: median time per phase (set the phase's sources, solve, read) over %d samples (after at least one warm-up sample and %.0f s); "
                + "solver options %s; load %s%n", samples, TrainingPathBench.WARM_UP_SECONDS, options.label(), load());
        out.println("wall: elapsed time; cpu: this thread's CPU time (ngspice runs in-process on the calling thread), "
                + "which other processes' load does not inflate");
        out.printf(Locale.ROOT, "%-12s %-18s %-8s %10s %10s %10s %10s %10s %10s %9s %9s %10s%n", "network", "backend",
                "unknowns", "free", "+beta", "-beta", "free cpu", "+beta cpu", "-beta cpu", "x (wall)", "x (cpu)",
                "max |dV|");
        List<Simulator> open = new ArrayList<>();
        try {
            for (Backend b : backends) {
                open.add(b.open().get());
            }
            for (NetworkSpec spec : networks) {
                measureNetwork(out, backends, open, spec, options, samples);
            }
            out.println();
            int batches = Math.max(3, samples / 3);
            out.printf(Locale.ROOT, "training path: mini-batches of %d samples through EqPropStep.runBatch (centered, "
                    + "3 phases per sample), median wall and thread CPU time per phase over at least %d mini-batches and "
                    + "%.0f s (after at least one warm-up mini-batch and %.0f s); ngspice with each phase strategy, so the "
                    + "embedded solver is also compared with ngspice's fastest, measured in the same run%n",
                    TrainingPathBench.BATCH, batches, TrainingPathBench.MIN_TIMED_SECONDS,
                    TrainingPathBench.WARM_UP_SECONDS);
            for (NetworkSpec spec : networks) {
                TrainingPathBench.measure(out, backends, open, spec, options, batches);
            }
            for (int k = 0; k < backends.size(); k++) {
                out.println(backends.get(k).name() + ": " + open.get(k).info().label());
            }
        } finally {
            open.forEach(Simulator::close);
        }
        out.flush();
    }

    private static void measureNetwork(PrintStream out, List<Backend> backends, List<Simulator> sims, NetworkSpec spec,
                                       SolverOptions options, int samples) {
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-6, 1e-4, 7);
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] xs = new double[samples + 1][spec.inputs()];
        double[][] ys = new double[samples + 1][spec.outputs()];
        for (int s = 0; s <= samples; s++) {
            for (int i = 0; i < spec.inputs(); i++) {
                xs[s][i] = rnd.nextDouble(-1, 1);
            }
            for (int k = 0; k < spec.outputs(); k++) {
                ys[s][k] = rnd.nextDouble(-0.5, 0.5);
            }
        }
        double[] baseline = null;
        Solution reference = null;
        String shape = eqspice.network.CrossbarCircuit.shape(spec);
        for (int b = 0; b < backends.size(); b++) {
            // alter + op per phase, the strategy the "ngspice-alter-op" label names (the default is now a sweep)
            CrossbarSession session = CrossbarSession.builder(sims.get(b), net).options(options)
                    .strategy(eqspice.eqprop.PhaseStrategy.ALTER_OP).open();
            double[][] times = new double[PHASES.length][samples];
            double[][] cpuTimes = new double[PHASES.length][samples];
            double[] seconds = new double[2 * PHASES.length];
            // Warm-up: at least one sample and as long as the training path's, so that a JIT-compiled backend is timed compiled.
            long warm = System.nanoTime() + (long) (TrainingPathBench.WARM_UP_SECONDS * 1e9);
            for (int w = 0; w == 0 || (System.nanoTime() < warm && w < 10_000); w++) {
                phases(session, xs[w % xs.length], ys[w % ys.length], 1e-6, seconds);
            }
            Solution last = null;
            for (int s = 0; s < samples; s++) {
                last = phases(session, xs[s + 1], ys[s + 1], 1e-6, seconds);
                for (int p = 0; p < PHASES.length; p++) {
                    times[p][s] = seconds[p];
                    cpuTimes[p][s] = seconds[PHASES.length + p];
                }
            }
            double[] med = new double[2 * PHASES.length];
            for (int p = 0; p < PHASES.length; p++) {
                med[p] = BenchStats.median(times[p]);
                med[PHASES.length + p] = BenchStats.median(cpuTimes[p]);
            }
            String ratio = "baseline";
            String cpuRatio = "baseline";
            String diff = "-";
            if (baseline == null) {
                baseline = med;
                reference = last;
            } else {
                ratio = String.format(Locale.ROOT, "%.0fx", (baseline[0] + baseline[1] + baseline[2])
                        / (med[0] + med[1] + med[2]));
                cpuRatio = String.format(Locale.ROOT, "%.0fx", (baseline[3] + baseline[4] + baseline[5])
                        / (med[3] + med[4] + med[5]));
                diff = String.format(Locale.ROOT, "%.1e V", maxDifference(reference, last));
            }
            String unknowns = sims.get(b) instanceof eqspice.embedded.EmbeddedSimulator e ? String.valueOf(e.unknowns())
                    : "-";
            out.printf(Locale.ROOT, "%-12s %-18s %-8s %10s %10s %10s %10s %10s %10s %9s %9s %10s%n", shape,
                    backends.get(b).name(), unknowns, BenchStats.ms(med[0]), BenchStats.ms(med[1]),
                    BenchStats.ms(med[2]), BenchStats.ms(med[3]), BenchStats.ms(med[4]), BenchStats.ms(med[5]), ratio,
                    cpuRatio, diff);
            out.flush();
        }
    }

    /**
     * Free, +beta and -beta phases of one sample, timed each: wall seconds in {@code seconds[0..2]},
     * thread CPU seconds in {@code seconds[3..5]}; returns the last (-beta) solution.
     */
    private static Solution phases(CrossbarSession session, double[] x, double[] y, double beta, double[] seconds) {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        session.setInputs(x);
        session.setNudge(new double[y.length]);
        Solution free = session.solve();
        double[] o = session.outputs(free);
        seconds[0] = (System.nanoTime() - t0) / 1e9;
        seconds[3] = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        Solution s = null;
        for (int p = 1; p <= 2; p++) {
            double sign = p == 1 ? 1 : -1;
            double[] nudge = new double[y.length];
            for (int k = 0; k < y.length; k++) {
                nudge[k] = sign * beta * (y[k] - o[k]);
            }
            long t = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            session.setNudge(nudge);
            s = session.solve();
            seconds[p] = (System.nanoTime() - t) / 1e9;
            seconds[3 + p] = (CPU.getCurrentThreadCpuTime() - c) / 1e9;
        }
        return s;
    }

    private static double maxDifference(Solution a, Solution b) {
        double worst = 0;
        for (Map.Entry<String, Double> e : a.voltages().entrySet()) {
            worst = Math.max(worst, Math.abs(e.getValue() - b.voltage(e.getKey())));
        }
        return worst;
    }

    /** The 1-minute load average, for the header line (figures measured under load are noisy). */
    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The named backends of {@link #KNOWN} in the order given, for the CLI. */
    public static List<Backend> select(List<String> names) {
        List<Backend> out = new ArrayList<>();
        for (String n : names) {
            Supplier<Simulator> s = KNOWN.get(n);
            if (s == null) {
                throw new IllegalArgumentException("unknown backend '" + n + "'; allowed: " + String.join(", ",
                        KNOWN.keySet()));
            }
            out.add(new Backend(n, s));
        }
        return out;
    }
}
