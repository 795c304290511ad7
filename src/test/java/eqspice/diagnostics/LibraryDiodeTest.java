package eqspice.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.Diode;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.VoltageSource;
import eqspice.network.ModelLibrary;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 1N4148 card read from the library: its current as ngspice solves it is the Shockley
 * junction behind RS, and the co-content's derivative along ngspice's solutions is that current.
 */
class LibraryDiodeTest {
    private static final SolverOptions TIGHT = new SolverOptions(false, 1e-12, 1e-18, 1e-15, 1e-12, 200);

    private static Circuit diode(double volts) {
        return new Circuit("d", List.of(new VoltageSource("v1", "a", "0", volts),
                new Diode("d1", "a", "0", ModelLibrary.D1N4148)), List.of(), TIGHT, List.of(),
                List.of(ModelLibrary.get(ModelLibrary.DIODES)));
    }

    /** Current from a through the diode to ground at {@code volts}: the source's current reversed. */
    private static double current(double volts) {
        Solution s = SharedSession.get().solve(diode(volts));
        return -s.current("v1");
    }

    @Test
    void cardMatchesNgspiceAndItsCoContentIntegratesTheCurrent() {
        LibraryDiode m = LibraryDiode.find(diode(0), ModelLibrary.D1N4148).orElseThrow();
        assertTrue(m.rs() > 0, "the 1N4148 has a series resistance: " + m);
        double gmin = TIGHT.gmin();
        double h = 1e-4;
        for (double v : new double[] {-2.0, -0.2, -0.1, 0.2, 0.5, 0.65, 0.8}) {
            double i = current(v);
            double junction = v - m.rs() * i;
            assertEquals(i, m.junctionCurrent(junction, gmin), 1e-7 * Math.abs(i) + 1e-18,
                    "ngspice's current at " + v + " V is the junction's behind RS");
            double up = m.coContent(v + h, current(v + h), gmin).orElseThrow();
            double down = m.coContent(v - h, current(v - h), gmin).orElseThrow();
            assertEquals(i, (up - down) / (2 * h), 1e-6 * Math.abs(i) + 1e-15, "dC/dv at " + v + " V");
        }
        assertEquals(0.0, m.coContent(0, 0, gmin).orElseThrow(), 0.0);
        // The two laws meet at -3 N Vt: current and co-content are continuous there.
        double knee = -3 * m.n() * ShockleyDiode.VT;
        assertEquals(m.junctionCurrent(knee * (1 - 1e-12), gmin), m.junctionCurrent(knee * (1 + 1e-12), gmin), 1e-20);
        assertEquals(m.junctionCoContent(knee * (1 - 1e-12), gmin), m.junctionCoContent(knee * (1 + 1e-12), gmin), 1e-19);
        assertTrue(m.coContent(-80, -1e-9, gmin).isEmpty(), "near breakdown (BV " + m.bv() + " V) it is not known");
    }

    @Test
    void cardsWithOtherParametersAreNotRead() {
        assertTrue(LibraryDiode.parse("d(is=1e-14 n=1 ikf=0.1)").isEmpty());
        assertTrue(LibraryDiode.parse("d(is=1p)").isEmpty());
        assertEquals(new LibraryDiode(2e-9, 1.5, 0.5, 100), LibraryDiode.parse("d(is=2e-9, n=1.5 rs=0.5 bv=100 cjo=1e-12)")
                .orElseThrow());
    }
}
