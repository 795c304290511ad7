package eqspice.ngspice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.SolverOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the record says about the solver, from the banners the two tested libraries print for
 * {@code version} (copied from Debian's 46 from backports and bookworm's 39.3) and their op logs.
 */
class LinearSolverRecordTest {
    private static final List<String> BANNER_46 = List.of("******", "** ngspice-46 shared library",
            "** Creation Date: Wed Apr 15 15:18:29 UTC 2026", "******", "******",
            "** ngspice-46 : Circuit level simulation program", "** Compiled with KLU Direct Linear Solver",
            "** The U. C. Berkeley CAD Group", "******");
    private static final List<String> BANNER_39 = List.of("******", "** ngspice-39 shared library",
            "** Creation Date: Sun Feb  5 13:44:35 UTC 2023", "******", "******",
            "** ngspice-39 : Circuit level simulation program", "** The U. C. Berkeley CAD Group", "******");

    @Test
    void theBannerGivesVersionAndKlu() {
        assertEquals(new LibraryBuild("46", true), LibraryBuild.parse(BANNER_46));
        assertEquals(new LibraryBuild("39", false), LibraryBuild.parse(BANNER_39));
        assertEquals(new LibraryBuild("unknown", false), LibraryBuild.parse(List.of("nothing here")));
    }

    @Test
    void withKluTheRequestIsMarkedUntilNgspiceReportsTheSolver() {
        LinearSolverRecord r = new LinearSolverRecord(LibraryBuild.parse(BANNER_46));
        r.circuitLoaded(SolverOptions.DEFAULT);
        assertEquals("klu (requested)", r.describe());
        r.noteFrom(log("Doing analysis at TEMP = 27.000000 and TNOM = 27.000000", "Using KLU as Direct Linear Solver"));
        assertEquals("klu", r.describe());
        r.circuitLoaded(SolverOptions.DEFAULT.withKlu(false));
        r.noteFrom(log("Using SPARSE 1.3 as Direct Linear Solver"));
        assertEquals("sparse 1.3", r.describe());
        assertEquals(Optional.empty(), r.kluUnavailable());
    }

    @Test
    void withoutKluSparseIsNamedAndTheMissingKluSaid() {
        LinearSolverRecord r = new LinearSolverRecord(LibraryBuild.parse(BANNER_39));
        r.circuitLoaded(SolverOptions.DEFAULT);
        // 39.3's op log names no solver: the record must not fall back to "klu (requested)"
        r.noteFrom(log("Doing analysis at TEMP = 27.000000 and TNOM = 27.000000", "No. of Data Rows : 1"));
        assertEquals("sparse; klu not available in ngspice 39", r.describe());
        assertEquals(Optional.of("not available in ngspice 39 (sparse used)"), r.kluUnavailable());
        r.circuitLoaded(SolverOptions.DEFAULT.withKlu(false));
        assertEquals("sparse", r.describe());
        r.rawLoaded(List.of("t", "r1 a 0 1", ".options klu", ".end"));
        assertEquals("sparse; klu not available in ngspice 39", r.describe());
        r.rawLoaded(List.of("t", "r1 a 0 1", ".end"));
        assertEquals("sparse", r.describe());
        assertFalse(r.describe().contains("requested"));
        assertTrue(r.kluUnavailable().isPresent());
    }

    private static NgspiceLog log(String... lines) {
        NgspiceLog log = new NgspiceLog();
        for (String l : lines) {
            log.add(l);
        }
        return log;
    }
}
