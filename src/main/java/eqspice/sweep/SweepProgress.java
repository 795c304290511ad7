package eqspice.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a sweep: on a terminal a bar redrawn in place; otherwise (a log file, a batch
 * job) a plain line at most every few seconds, so overnight logs stay readable.
 */
public final class SweepProgress {
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long logEveryNanos;
    private int total;
    private int done;
    private int failed;
    private int ranNow;
    private long start;
    private long lastLog;

    /**
     * @param terminal      redraw a bar in place (use {@code System.console() != null})
     * @param logEverySeconds interval between plain lines when not on a terminal
     */
    public SweepProgress(PrintStream out, boolean terminal, double logEverySeconds) {
        this.out = out;
        this.terminal = terminal;
        this.logEveryNanos = (long) (logEverySeconds * 1e9);
    }

    synchronized void start(int total, int alreadyDone) {
        this.total = total;
        this.done = alreadyDone;
        this.start = System.nanoTime();
        this.lastLog = start;
        out.printf(Locale.ROOT, "%d points, %d already done, %d to run%n", total, alreadyDone, total - alreadyDone);
    }

    synchronized void point(PointOutcome o) {
        done++;
        ranNow++;
        if (PointOutcome.FAILED.equals(o.status())) {
            failed++;
        }
        long now = System.nanoTime();
        if (terminal) {
            out.print("\r" + line(now));
        } else if (now - lastLog >= logEveryNanos || done == total) {
            out.println(line(now));
            lastLog = now;
        }
        out.flush();
    }

    /** A message between progress lines (a retried point). */
    synchronized void note(String message) {
        out.println((terminal ? "\n" : "") + message);
        out.flush();
    }

    synchronized void finish() {
        if (terminal && ranNow > 0) {
            out.println();
        }
    }

    private String line(long now) {
        double elapsed = (now - start) / 1e9;
        double eta = ranNow == 0 ? 0 : elapsed / ranNow * (total - done);
        int filled = total == 0 ? BAR : (int) Math.round((double) BAR * done / total);
        String bar = terminal ? "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " : "";
        return String.format(Locale.ROOT, "%s%d/%d points, %d failed, %s elapsed, %s left", bar, done, total, failed,
                duration(elapsed), duration(eta));
    }

    private static String duration(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
