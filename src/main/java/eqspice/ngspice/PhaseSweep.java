package eqspice.ngspice;

import eqspice.circuit.Circuit;
import eqspice.circuit.Element;
import eqspice.circuit.SpiceNumber;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.PhasePlan;
import eqspice.simulate.Recovery;
import eqspice.simulate.SimulationException;
import eqspice.simulate.SolvedSequence;
import eqspice.simulate.Solution;
import eqspice.simulate.StepFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sequence of phases solved as one {@code dc} sweep over a dummy source, with the circuit's
 * inputs and nudging currents as EXTERNAL sources whose values change from one sweep point to
 * the next. Within one analysis ngspice orders the matrix once and starts each point's Newton
 * iteration from the previous point's solution; a repeated {@code op} redoes both.
 *
 * <p>How a point learns its values (measured with ngspice 46, see {@code PhaseSweepTest}): ngspice
 * hands a point's values to {@code SendData} as soon as it has converged, before it loads the
 * matrix for the next point. So at every external-source callback, a change in the number of
 * points received means a new step has begun: its values are computed then (they may use the
 * solutions of the steps before, e.g. nudging currents from the free phase's outputs).
 *
 * <p>A point that does not converge stops ngspice's sweep (after its own retry with a full
 * operating point). The steps from there on are solved one {@code op} at a time with the
 * {@link RecoveryLadder}; the step that first failed is recorded as recovered ({@code op} when a
 * plain operating point solved it). A step that fails on every rung ends the sequence with a
 * {@link StepFailedException} naming it.
 */
final class PhaseSweep {
    /** The swept dummy source and its node: connected to nothing else, so it changes no solution. */
    static final String SWEPT_SOURCE = "vphasestep";
    static final String SWEPT_NODE = "phasestep";
    static final String SWEPT_SOURCE_LINE = SWEPT_SOURCE + " " + SWEPT_NODE + " 0 dc 0";

    private final NgspiceSession session;
    private final NgspiceLog log;
    private final PointCollector collector;
    private final ExternalSources externals;
    private int applied;
    private RuntimeException planError;

    PhaseSweep(NgspiceSession session, NgspiceLog log, PointCollector collector, ExternalSources externals) {
        this.session = session;
        this.log = log;
        this.collector = collector;
        this.externals = externals;
    }

    /** Refuses a circuit that already uses the dummy source's names. */
    static void checkFree(Circuit circuit) {
        for (Element e : circuit.elements()) {
            if (e.name().equals(SWEPT_SOURCE) || e.nodes().contains(SWEPT_NODE)) {
                throw new IllegalArgumentException("circuit '" + circuit.title() + "' uses the name " + SWEPT_SOURCE
                        + " or node " + SWEPT_NODE + ", which eqspice reserves for its phase sweep");
            }
        }
    }

    SolvedSequence run(int steps, PhasePlan plan) {
        apply(plan.values(0, List.of()));
        applied = 0;
        planError = null;
        List<Solution> solved = new ArrayList<>(steps);
        collector.startSequence();
        externals.beforeEachLoad(time -> nextStep(steps, plan));
        log.clear();
        try {
            session.sweepCommand("dc " + SWEPT_SOURCE + " 0 " + (steps - 1) + " 1");
        } catch (SimulationException e) {
            throw new StepFailedException(collector.points(), steps, collector.sequenceSolutions(), e);
        } finally {
            externals.beforeEachLoad(null);
            solved.addAll(collector.finishSequence());
            session.destroyPlots();
        }
        if (planError != null) {
            throw planError;
        }
        while (solved.size() > steps) {
            solved.remove(solved.size() - 1);
        }
        List<Recovery> rungs = new ArrayList<>(steps);
        solved.forEach(s -> rungs.add(Recovery.DIRECT));
        int reached = solved.size();
        for (int k = reached; k < steps; k++) {
            apply(plan.values(k, List.copyOf(solved)));
            try {
                solved.add(session.operatingPoint());
            } catch (SimulationException e) {
                List<String> why = new ArrayList<>(log.convergenceErrors());
                throw new StepFailedException(k, steps, solved, e instanceof ConvergenceException || why.isEmpty() ? e
                        : new ConvergenceException(e.getMessage(), why));
            }
            Recovery rung = session.lastRecovery();
            rungs.add(k == reached && rung == Recovery.DIRECT ? Recovery.OP : rung);
        }
        return new SolvedSequence(solved, rungs);
    }

    /** Called before every external value is handed over: switches to the next step's values once per step. */
    private void nextStep(int steps, PhasePlan plan) {
        int done = collector.points();
        if (done == applied || done >= steps || planError != null) {
            return;
        }
        applied = done;
        try {
            apply(plan.values(done, collector.sequenceSolutions()));
        } catch (RuntimeException e) {
            planError = e; // never into native code; rethrown when the sweep returns
        }
    }

    private void apply(Map<String, Double> values) {
        values.forEach((name, v) -> externals.set(name, SpiceNumber.finite("value of " + name, v)));
    }
}
