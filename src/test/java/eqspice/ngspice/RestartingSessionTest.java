package eqspice.ngspice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.Resistor;
import eqspice.circuit.VoltageSource;
import eqspice.netlist.NetlistReader;
import eqspice.simulate.SimulatorUnavailableException;
import eqspice.simulate.SolvedSequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After ngspice's own exit, the next use runs on a fresh instance with the same circuit and values. */
class RestartingSessionTest {
    @Test
    void aControlledExitIsSurvivedWithTheStateRestored(@TempDir Path dir) throws Exception {
        // Its own copy of the library: the test JVM's shared instance stays untouched.
        Path lib = dir.resolve("libngspice-test.so");
        Files.copy(LibraryLocator.locate(), lib, StandardCopyOption.REPLACE_EXISTING);
        try (RestartingSession rs = new RestartingSession(lib)) {
            rs.load(Circuit.of("div", List.of(new VoltageSource("v1", "a", "0", 1), new Resistor("r1", "a", "m", 1000),
                    new Resistor("r2", "m", "0", 1000)), List.of()));
            rs.setSource("v1", 6);
            rs.setResistance("r2", 2000);
            assertEquals(4.0, rs.operatingPoint().voltage("m"), 1e-9);
            // An undefined parameter makes ngspice 46 call ControlledExit.
            assertThrows(SimulatorUnavailableException.class, () -> rs.current().loadLines(
                    NetlistReader.recheck("t", List.of(".param x={system(1)}", "v1 a 0 dc {x}", "r1 a 0 1k"))));
            assertTrue(rs.current().isDead());
            assertEquals(4.0, rs.operatingPoint().voltage("m"), 1e-9, "circuit, source and resistance restored");
            assertEquals(1, rs.restarts());
            rs.setSource("v1", 3);
            assertEquals(2.0, rs.operatingPoint().voltage("m"), 1e-9);
        }
    }

    @Test
    void aSequenceLeavesTheLastStepsValuesAndTheyAreRestoredAfterAnExit(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("libngspice-seq.so");
        Files.copy(LibraryLocator.locate(), lib, StandardCopyOption.REPLACE_EXISTING);
        try (RestartingSession rs = new RestartingSession(lib)) {
            rs.load(Circuit.of("div", List.of(new VoltageSource("v1", "a", "0", 1).asExternal(),
                    new Resistor("r1", "a", "m", 1000), new Resistor("r2", "m", "0", 1000)), List.of()));
            SolvedSequence seq = rs.solveSequence(2, (k, solved) -> Map.of("v1", k == 0 ? 2.0 : 6.0));
            assertEquals(List.of(1.0, 3.0), seq.solutions().stream().map(x -> x.voltage("m")).toList());
            assertEquals(3.0, rs.operatingPoint().voltage("m"), 1e-12, "the sources hold the last step's values");
            assertThrows(SimulatorUnavailableException.class, () -> rs.current().loadLines(
                    NetlistReader.recheck("t", List.of(".param x={system(1)}", "v1 a 0 dc {x}", "r1 a 0 1k"))));
            assertEquals(3.0, rs.operatingPoint().voltage("m"), 1e-12, "restored after the exit");
        }
    }
}
