package eqspice.ngspice;

import eqspice.circuit.SolverOptions;
import eqspice.circuit.SpiceNumber;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.Recovery;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an operating point that did not converge is retried with, rung by rung, before the
 * phase is given up: each rung changes ngspice options for one attempt only, and the circuit's
 * own options are put back afterwards whatever happened.
 *
 * <ol>
 *   <li>{@code iterations}: the DC iteration limit {@code itl1} raised to 10x (at least 1000);</li>
 *   <li>{@code gmin}: gmin stepping with 100 steps ({@code gminsteps}, ngspice's default is 10);</li>
 *   <li>{@code source}: source stepping with 100 steps ({@code srcsteps});</li>
 *   <li>{@code relaxed}: {@code reltol} 10x looser (at most 0.1), with the raised iteration limit.</li>
 * </ol>
 */
final class RecoveryLadder {
    private record Rung(Recovery recovery, String options) {
    }

    private RecoveryLadder() {
    }

    /** The message without the log lines the exception appends. */
    private static String headline(ConvergenceException e) {
        return e.getMessage().lines().findFirst().orElse("");
    }

    private static List<Rung> rungs(SolverOptions o) {
        String itl1 = "itl1=" + Math.max(1000, 10 * o.itl1());
        String reltol = "reltol=" + SpiceNumber.format("reltol", Math.min(0.1, 10 * o.reltol()));
        return List.of(new Rung(Recovery.ITERATIONS, itl1), new Rung(Recovery.GMIN, "gminsteps=100"),
                new Rung(Recovery.SOURCE, "srcsteps=100"), new Rung(Recovery.RELAXED, reltol + " " + itl1));
    }

    /**
     * Retries {@code attempt} rung by rung after a first failure.
     *
     * @param option  runs an ngspice {@code option} command (validated text only)
     * @param attempt one operating point with the current options
     * @param onRung  told which rung solved it
     * @throws ConvergenceException with every rung's first log line when all rungs fail
     */
    static Solution climb(SolverOptions base, ConvergenceException first, Consumer<String> option,
                          Supplier<Solution> attempt, Consumer<Recovery> onRung) {
        List<String> tried = new ArrayList<>(List.of(Recovery.DIRECT.label() + ": " + headline(first)));
        String restore = String.format(Locale.ROOT, "itl1=%d gminsteps=1 srcsteps=1 reltol=%s", base.itl1(),
                SpiceNumber.format("reltol", base.reltol()));
        for (Rung r : rungs(base)) {
            option.accept(r.options());
            try {
                Solution s = attempt.get();
                onRung.accept(r.recovery());
                return s;
            } catch (ConvergenceException e) {
                tried.add(r.recovery().label() + " (" + r.options() + "): " + headline(e));
            } finally {
                option.accept(restore);
            }
        }
        List<String> log = new ArrayList<>(tried);
        log.addAll(first.log());
        throw new ConvergenceException("operating point did not converge on any rung of the recovery ladder", log);
    }
}
