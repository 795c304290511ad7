package eqspice.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.Recovery;
import eqspice.simulate.Solution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Circuits the embedded solver cannot solve raise {@link ConvergenceException} with the
 * iteration history, and the simulator stays usable afterwards; the values it does return
 * satisfy the element laws (checked by hand here, independently of ngspice).
 */
class EmbeddedFailureTest {
    private static final DiodeModel D = new DiodeModel("d1n", 1e-12, 1.0, 0.0);

    /** 1 mA pushed into a reverse-biased diode with nothing else at the node and gmin 0: no DC solution exists. */
    @Test
    void currentIntoAReverseDiodeHasNoSolution() {
        SolverOptions noGmin = new SolverOptions(true, 1e-3, 1e-12, 1e-6, 0.0, 100);
        Circuit c = new Circuit("no solution", List.of(new CurrentSource("i1", "0", "a", 1e-3),
                new Diode("d1", "0", "a", "d1n")), List.of(D), noGmin, List.of());
        EmbeddedSimulator sim = new EmbeddedSimulator();
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> sim.solve(c));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
        assertTrue(e.log().stream().anyMatch(l -> l.contains("iteration") || l.contains("singular")), e.log().toString());
    }

    /**
     * A diode forward-biased through 10 ohm from 50 V cannot converge in two iterations, not even
     * by source stepping: the history shows why.
     */
    @Test
    void iterationLimitReportsTheHistory() {
        SolverOptions two = new SolverOptions(true, 1e-3, 1e-12, 1e-6, 1e-12, 2);
        Circuit c = new Circuit("too few iterations", List.of(new VoltageSource("v1", "in", "0", 50.0),
                new Resistor("r1", "in", "a", 10), new Diode("d1", "a", "0", "d1n")), List.of(D), two, List.of());
        EmbeddedSimulator sim = new EmbeddedSimulator();
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> sim.solve(c));
        assertTrue(e.log().stream().anyMatch(l -> l.contains("itl1 = 2")), e.log().toString());
        assertEquals(2, e.log().stream().filter(l -> l.contains("iteration ")).count(), e.log().toString());

        // The same circuit with the default limit converges, and satisfies Shockley's law and Ohm's law.
        Solution s = sim.solve(c.withOptions(SolverOptions.DEFAULT.withTolerances(1e-12, 1e-15, 1e-12)));
        double va = s.voltage("a");
        double vt = 1.38064852e-23 * 300.15 / 1.6021766208e-19;
        double diode = 1e-12 * Math.expm1(va / vt) + 1e-12 * va;
        assertEquals((50.0 - va) / 10, diode, 1e-12);
        assertEquals(-(50.0 - va) / 10, s.current("v1"), 1e-12); // delivering power: negative, as in ngspice
        assertTrue(e.log().stream().anyMatch(l -> l.startsWith("source stepping: stalled")), e.log().toString());
    }

    /**
     * 50 V through 10 ohm into a diode: from zero, Newton needs 8 iterations; with itl1 = 4 it
     * fails, and source stepping (each step converging within 4) finds the same answer.
     */
    @Test
    void sourceSteppingRescuesWhatNewtonFromZeroCannot() {
        Circuit c = new Circuit("hard", List.of(new VoltageSource("v1", "in", "0", 50.0), new Resistor("r1", "in", "a", 10),
                new Diode("d1", "a", "0", "d1n")), List.of(D), new SolverOptions(true, 1e-3, 1e-12, 1e-6, 1e-12, 100),
                List.of());
        EmbeddedSimulator plain = new EmbeddedSimulator();
        double reference = plain.solve(c).voltage("a");
        assertEquals(Recovery.DIRECT, plain.lastRecovery());
        EmbeddedSimulator few = new EmbeddedSimulator();
        Solution s = few.solve(c.withOptions(new SolverOptions(true, 1e-3, 1e-12, 1e-6, 1e-12, 4)));
        assertEquals(Recovery.SOURCE_STEPPING, few.lastRecovery());
        assertEquals(reference, s.voltage("a"), 1e-6);
        assertEquals(50.0, s.voltage("in"), 0.0); // the sources are back at full value
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> few.solve(c.withOptions(new SolverOptions(true, 1e-3, 1e-12, 1e-6, 1e-12, 2))));
        assertTrue(e.log().stream().anyMatch(l -> l.startsWith("source stepping: stalled")), e.log().toString());
    }

    /** Two different sources on one node: the matrix is singular, which is reported, not solved around. */
    @Test
    void conflictingSourcesAreSingular() {
        Circuit c = Circuit.of("conflict", List.of(new VoltageSource("v1", "a", "0", 1.0),
                new VoltageSource("v2", "a", "0", 2.0), new Resistor("r1", "a", "0", 100)), List.of());
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> new EmbeddedSimulator().solve(c));
        assertTrue(e.log().stream().anyMatch(l -> l.contains("singular")), e.log().toString());
    }

    /** An element the embedded solver does not model is refused by name when the circuit is loaded. */
    @Test
    void otherElementsAreRefusedByName() {
        Circuit c = Circuit.of("sinh", List.of(new VoltageSource("v1", "a", "0", 1.0),
                new eqspice.circuit.SinhConductor("bs1", "a", "0", 1e-4, 1.0)), List.of());
        eqspice.simulate.NetlistException e = assertThrows(eqspice.simulate.NetlistException.class,
                () -> new EmbeddedSimulator().load(c));
        assertTrue(e.getMessage().startsWith("the embedded backend cannot simulate element bs1 (SinhConductor)"),
                e.getMessage());
    }

    @Test
    void unknownNamesAreRefused() {
        EmbeddedSimulator sim = new EmbeddedSimulator();
        sim.load(Circuit.of("divider", List.of(new VoltageSource("v1", "a", "0", 1.0), new Resistor("r1", "a", "m", 1),
                new Resistor("r2", "m", "0", 1)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> sim.setSource("v9", 1.0));
        assertThrows(IllegalArgumentException.class, () -> sim.setResistance("r9", 1.0));
        sim.setResistance("r2", 3.0);
        sim.setSource("v1", 4.0);
        assertEquals(3.0, sim.operatingPoint().voltage("m"), 1e-12);
    }
}
