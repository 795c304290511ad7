package eqspice.bench;

import eqspice.experiment.Experiment;
import eqspice.ngspice.NgspiceSession;
import eqspice.train.EpochMetrics;
import eqspice.train.Trainer;
import eqspice.train.TrainingConfig;
import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code eqspice bench soak --minutes N}: trains without pause (one run after another, a new
 * seed each) on one ngspice instance and prints, every minute, resident memory, open file
 * descriptors and the median phase time of that minute: what a night-long sweep worker does.
 */
public final class SoakBench {
    private SoakBench() {
    }

    public static void run(PrintStream out, Experiment exp, double minutes) {
        TrainingConfig base = exp.config();
        int phasesPerSample = base.estimator().needsPositive() && base.estimator().needsNegative() ? 3 : 2;
        out.printf(Locale.ROOT, "bench soak: %s for %.1f min, %d phases per sample%n", exp.name(), minutes,
                phasesPerSample);
        out.printf(Locale.ROOT, "%-7s %-9s %-10s %-6s %-16s %s%n", "minute", "runs", "RSS KiB", "fds", "phase ms (median)",
                "phases this minute");
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long[] nextReport = {start + 60_000_000_000L};
        List<Double> phaseMs = new ArrayList<>();
        int[] runs = {0};
        long[] phases = {0};
        try (NgspiceSession ng = new NgspiceSession()) {
            for (long seed = 1; System.nanoTime() < end; seed++) {
                TrainingConfig cfg = base.toBuilder().seed(seed).build();
                Trainer.train(ng, cfg, Trainer.Options.defaults().withOnEpoch((EpochMetrics m) -> {
                    int n = cfg.task().samples().size() * phasesPerSample;
                    phaseMs.add(m.seconds() * 1e3 / n);
                    phases[0] += n;
                    long now = System.nanoTime();
                    if (now >= nextReport[0]) {
                        double[] t = phaseMs.stream().mapToDouble(Double::doubleValue).toArray();
                        out.printf(Locale.ROOT, "%-7d %-9d %-10d %-6d %-16.4f %d%n",
                                Math.round((now - start) / 60e9), runs[0], BenchStats.rssKib(), openFds(),
                                BenchStats.median(t), phases[0]);
                        out.flush();
                        phaseMs.clear();
                        phases[0] = 0;
                        nextReport[0] += 60_000_000_000L;
                    }
                }));
                runs[0]++;
            }
        }
    }

    private static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }
}
