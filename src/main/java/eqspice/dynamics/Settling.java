package eqspice.dynamics;

import eqspice.simulate.Solution;
import eqspice.simulate.Trajectory;
import java.util.List;
import java.util.Locale;

/**
 * Whether one phase of a transient run reached the DC operating point of its source values, and
 * how. Judged on the given nodes (the network's top-level nodes) against a voltage tolerance:
 * <ul>
 *   <li>{@link Verdict#SETTLED}: at the phase's end every node is within the tolerance of the
 *       DC point; the settling time is when the last node entered that band for good
 *       (interpolated between points), from the phase's start;</li>
 *   <li>{@link Verdict#OSCILLATING}: over the last {@value #WINDOW_FRACTION} of the phase some
 *       node swings by more than twice the tolerance and crosses its mean at least
 *       {@value #MIN_CROSSINGS} times, without dying down (the second half of the window swings at
 *       least {@value #SUSTAINED} of the first half): amplitude (half the peak-to-peak) and frequency (from
 *       the times of its first and last crossing) of the node that swings most;</li>
 *   <li>{@link Verdict#LATCHED}: not oscillating, off the DC point, and the node furthest from
 *       it sits within {@value #RAIL_MARGIN} of a rail (V): the rail it latched to;</li>
 *   <li>{@link Verdict#ELSEWHERE}: not oscillating and still (it moved less than a tenth of its
 *       distance to the DC point over the last window), but off the DC point: another
 *       equilibrium;</li>
 *   <li>{@link Verdict#SLOW}: still moving at the phase's end (a ringing that dies down
 *       included): the phase is too short.</li>
 * </ul>
 */
public final class Settling {
    static final double WINDOW_FRACTION = 0.2;
    static final int MIN_CROSSINGS = 4;
    static final double RAIL_MARGIN = 0.5;
    static final double SUSTAINED = 0.8;

    /** How a phase ended. */
    public enum Verdict {
        SETTLED, OSCILLATING, LATCHED, ELSEWHERE, SLOW;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One phase's outcome.
     *
     * @param verdict       how it ended
     * @param settlingTime  from the phase's start until every node stayed within the tolerance (s), NaN if not settled
     * @param deviation     largest |V - V_dc| over the nodes at the phase's end (V)
     * @param node          the node furthest from its DC value at the end (or swinging most, when oscillating)
     * @param amplitude     half the peak-to-peak swing over the last window of that node (V)
     * @param frequency     its oscillation frequency (Hz), NaN unless oscillating
     * @param rail          the rail it latched to (V), NaN unless latched
     */
    public record Result(Verdict verdict, double settlingTime, double deviation, String node, double amplitude,
                         double frequency, double rail) {
        /** One phrase for tables, e.g. {@code settled in 1.23 us} or {@code oscillates 0.2 V at 3.1 MHz}. */
        public String describe() {
            return switch (verdict) {
                case SETTLED -> "settled in " + seconds(settlingTime);
                case OSCILLATING -> String.format(Locale.ROOT, "oscillates %.3g V at %s (%s)", amplitude, hertz(frequency),
                        node);
                case LATCHED -> String.format(Locale.ROOT, "latched to the %+.3g V rail (%s)", rail, node);
                case ELSEWHERE -> String.format(Locale.ROOT, "still at another point, %.3g V off (%s)", deviation, node);
                case SLOW -> String.format(Locale.ROOT, "not settled yet, %.3g V off (%s)", deviation, node);
            };
        }
    }

    private Settling() {
    }

    /**
     * Analyses points {@code from} (the phase's start) to {@code to} (its end) of {@code t}.
     *
     * @param dc        the DC operating point of the phase's source values
     * @param nodes     the nodes to judge
     * @param tolerance the settling band (V), &gt; 0
     * @param rails     the supply rails' voltages (empty at the ideal level)
     */
    public static Result analyse(Trajectory t, int from, int to, Solution dc, List<String> nodes, double tolerance,
                                 List<Double> rails) {
        if (!(tolerance > 0) || to < from) {
            throw new IllegalArgumentException("settling needs a tolerance > 0 and a phase of at least one point");
        }
        double[] time = t.time();
        double t0 = time[from];
        double worst = 0;
        String worstNode = nodes.get(0);
        int lastOutside = -1;
        for (String n : nodes) {
            double[] v = t.voltage(n);
            double target = dc.voltage(n);
            double d = Math.abs(v[to] - target);
            if (d > worst) {
                worst = d;
                worstNode = n;
            }
            for (int k = to; k >= from && k > lastOutside; k--) {
                if (Math.abs(v[k] - target) > tolerance) {
                    lastOutside = k;
                    break;
                }
            }
        }
        if (worst <= tolerance) {
            double settled = lastOutside < 0 ? 0 : crossing(t, nodes, dc, tolerance, lastOutside) - t0;
            return new Result(Verdict.SETTLED, settled, worst, worstNode, 0, Double.NaN, Double.NaN);
        }
        int window = windowStart(time, from, to);
        String swinging = worstNode;
        double swing = 0;
        double frequency = 0;
        for (String n : nodes) {
            double[] v = t.voltage(n);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = window; k <= to; k++) {
                min = Math.min(min, v[k]);
                max = Math.max(max, v[k]);
            }
            if (max - min > swing) {
                swing = max - min;
                swinging = n;
                frequency = frequency(time, v, window, to, (max + min) / 2, (max - min) / 4);
            }
        }
        if (swing > 2 * tolerance && frequency > 0 && sustained(t.voltage(swinging), window, to)) {
            return new Result(Verdict.OSCILLATING, Double.NaN, worst, swinging, swing / 2, frequency, Double.NaN);
        }
        double end = t.voltage(worstNode)[to];
        for (double rail : rails) {
            if (Math.abs(end - rail) <= RAIL_MARGIN) {
                return new Result(Verdict.LATCHED, Double.NaN, worst, worstNode, swing / 2, Double.NaN, rail);
            }
        }
        double moved = range(t.voltage(worstNode), window, to);
        return new Result(moved < worst / 10 ? Verdict.ELSEWHERE : Verdict.SLOW, Double.NaN, worst, worstNode, swing / 2,
                Double.NaN, Double.NaN);
    }

    /** The time, interpolated between point k and k+1, at which the node deviation last fell to the tolerance. */
    private static double crossing(Trajectory t, List<String> nodes, Solution dc, double tolerance, int k) {
        double[] time = t.time();
        if (k + 1 >= time.length) {
            return time[k];
        }
        double at = time[k];
        for (String n : nodes) {
            double[] v = t.voltage(n);
            double a = Math.abs(v[k] - dc.voltage(n));
            double b = Math.abs(v[k + 1] - dc.voltage(n));
            if (a > tolerance && b <= tolerance) {
                at = Math.max(at, time[k] + (a - tolerance) / (a - b) * (time[k + 1] - time[k]));
            }
        }
        return at;
    }

    private static int windowStart(double[] time, int from, int to) {
        double start = time[to] - WINDOW_FRACTION * (time[to] - time[from]);
        int k = to;
        while (k > from && time[k - 1] >= start) {
            k--;
        }
        return k;
    }

    /**
     * The frequency of {@code v} over points from..to from its crossings of {@code mean} (with a
     * hysteresis band of {@code band} either side, so that noise does not count): half the number
     * of crossings between the first and the last, over the time between them (each crossing time
     * interpolated); 0 with fewer than {@value #MIN_CROSSINGS} crossings.
     */
    private static double frequency(double[] time, double[] v, int from, int to, double mean, double band) {
        int side = 0;
        int count = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        for (int k = from; k <= to; k++) {
            int s = v[k] > mean + band ? 1 : v[k] < mean - band ? -1 : 0;
            if (s != 0 && side != 0 && s != side) {
                int j = k;
                while (j > from && (v[j - 1] - mean) * (v[k] - mean) > 0) {
                    j--; // back to the point before the sign of v - mean changed
                }
                double a = v[j - 1] - mean;
                double at = time[j - 1] + a / (a - (v[j] - mean)) * (time[j] - time[j - 1]);
                first = count == 0 ? at : first;
                last = at;
                count++;
            }
            if (s != 0) {
                side = s;
            }
        }
        return count < MIN_CROSSINGS || !(last > first) ? 0 : (count - 1) / (2 * (last - first));
    }

    /** Whether the swing over the second half of points from..to is at least {@value #SUSTAINED} of the first half's. */
    private static boolean sustained(double[] v, int from, int to) {
        int mid = (from + to) / 2;
        return range(v, mid, to) >= SUSTAINED * range(v, from, mid);
    }

    private static double range(double[] v, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k <= to; k++) {
            min = Math.min(min, v[k]);
            max = Math.max(max, v[k]);
        }
        return max - min;
    }

    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        double a = Math.abs(s);
        return a >= 1e-3 ? String.format(Locale.ROOT, "%.3g ms", s * 1e3) : a >= 1e-6 ? String.format(Locale.ROOT,
                "%.3g us", s * 1e6) : String.format(Locale.ROOT, "%.3g ns", s * 1e9);
    }

    static String hertz(double f) {
        return f >= 1e6 ? String.format(Locale.ROOT, "%.3g MHz", f / 1e6) : f >= 1e3
                ? String.format(Locale.ROOT, "%.3g kHz", f / 1e3) : String.format(Locale.ROOT, "%.3g Hz", f);
    }
}
