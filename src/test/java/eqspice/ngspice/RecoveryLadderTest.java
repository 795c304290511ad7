package eqspice.ngspice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eqspice.circuit.SolverOptions;
import eqspice.simulate.Recovery;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryLadderTest {
    private static final SolverOptions BASE = new SolverOptions(true, 1e-3, 1e-12, 1e-6, 1e-12, 100);
    private static final ConvergenceException FIRST = new ConvergenceException("no convergence", List.of("ngspice: x"));
    private static final String RESTORE = "itl1=100 gminsteps=1 srcsteps=1 reltol=0.001";

    @Test
    void stopsAtTheFirstRungThatSolvesAndRestoresTheOptions() {
        List<String> options = new ArrayList<>();
        Solution ok = new Solution(Map.of("a", 1.0), Map.of());
        Recovery[] rung = new Recovery[1];
        Solution s = RecoveryLadder.climb(BASE, FIRST, options::add, () -> {
            if (!options.get(options.size() - 1).equals("gminsteps=100")) {
                throw new ConvergenceException("still no convergence", List.of());
            }
            return ok;
        }, r -> rung[0] = r);
        assertSame(ok, s);
        assertEquals(Recovery.GMIN, rung[0]);
        assertEquals(List.of("itl1=1000", RESTORE, "gminsteps=100", RESTORE), options);
    }

    @Test
    void whenEveryRungFailsTheErrorListsThemAll() {
        List<String> options = new ArrayList<>();
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> RecoveryLadder.climb(BASE, FIRST,
                options::add, () -> {
                    throw new ConvergenceException("nope", List.of());
                }, r -> { }));
        assertEquals(List.of("direct: no convergence", "iterations (itl1=1000): nope", "gmin (gminsteps=100): nope",
                "source (srcsteps=100): nope", "relaxed (reltol=0.01 itl1=1000): nope", "ngspice: x"), e.log());
        assertEquals(8, options.size(), "four rungs, each followed by a restore");
        assertEquals(RESTORE, options.get(7));
    }
}
