package eqspice.bench;

import eqspice.circuit.SolverOptions;
import eqspice.eqprop.ConductanceUpdate;
import eqspice.eqprop.CrossbarSession;
import eqspice.eqprop.EqPropStep;
import eqspice.eqprop.Estimator;
import eqspice.eqprop.PhaseStrategy;
import eqspice.network.LayeredNetwork;
import eqspice.ngspice.NgspiceSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The memory soak of {@code eqspice bench phases}: training phases on the 64-32-10 network
 * (default strategy, mini-batches of 8, an update after each) in a child JVM whose heap is
 * fixed and pre-touched, so that resident-memory growth is ngspice's or the binding's. Goal: RSS
 * at the end within 10 % of RSS after warm-up.
 */
public final class PhaseSoak {
    static final int WARMUP_PHASES = 600;
    static final int BATCH = 8;

    private PhaseSoak() {
    }

    /** Runs {@link #soak} in a child JVM and prints its report. */
    public static void inChild(PrintStream out, int phases) throws IOException {
        List<String> cmd = eqspice.run.ChildJvm.command(List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"),
                List.of("bench", "phase-soak", "--phases", Integer.toString(phases)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("the soak failed: " + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        out.print(text);
    }

    /** The soak itself (run by the hidden {@code eqspice bench phase-soak}). */
    public static void soak(PrintStream out, int phases) {
        PhaseWorkload w = PhaseWorkload.of(PhaseWorkload.spec(64, 32, 10), 64);
        long rssWarm = -1;
        long t0 = System.nanoTime();
        int done = 0;
        int failed = 0;
        List<Long> trace = new ArrayList<>();
        try (NgspiceSession ng = new NgspiceSession()) {
            CrossbarSession session = w.session(ng, SolverOptions.DEFAULT, PhaseStrategy.FASTEST);
            LayeredNetwork net = w.network();
            for (int b = 0; done < phases; b++) {
                List<double[]> xs = new ArrayList<>();
                List<double[]> ys = new ArrayList<>();
                for (int s = 0; s < BATCH; s++) {
                    xs.add(w.xs()[(b * BATCH + s) % w.xs().length]);
                    ys.add(w.ys()[(b * BATCH + s) % w.ys().length]);
                }
                List<double[]> grads = new ArrayList<>();
                for (EqPropStep.Outcome o : EqPropStep.runBatch(session, xs, ys, Estimator.CENTERED, PhaseWorkload.BETA)) {
                    if (o.failure() == null) {
                        grads.add(o.result().gradient());
                    } else {
                        failed++;
                    }
                }
                net = ConductanceUpdate.apply(net, ConductanceUpdate.mean(grads), 1e-12);
                session.setNetwork(net);
                int before = done;
                done += BATCH * PhaseWorkload.PHASES;
                if (before < WARMUP_PHASES && done >= WARMUP_PHASES) {
                    rssWarm = BenchStats.rssKib();
                }
                if (done / 1000 != before / 1000) {
                    trace.add(BenchStats.rssKib());
                }
            }
        }
        long end = BenchStats.rssKib();
        double change = 100.0 * (end - rssWarm) / rssWarm;
        out.printf(Locale.ROOT, "soak: %d phases of 64-32-10 (%s, mini-batches of %d, an update after each) in %.1f s, "
                + "%d failed; JVM heap fixed at 256 MiB%n", done, PhaseStrategy.FASTEST.label(), BATCH,
                (System.nanoTime() - t0) / 1e9, failed);
        out.printf(Locale.ROOT, "RSS after %d phases (warm-up): %d KiB; at the end: %d KiB (%+.1f %%; goal within 10 %%: %s)%n",
                WARMUP_PHASES, rssWarm, end, change, Math.abs(change) <= 10 ? "met" : "NOT met");
        out.println("RSS every 1000 phases (KiB): " + Arrays.toString(trace.toArray()));
    }
}
