package eqspice.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.netlist.NetlistReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden text of the subcircuit instance, the sinh conductor and library files, and what they refuse. */
class LibraryElementsTest {
    private static final LibraryFile LIB = new LibraryFile("amp_test.lib", List.of(
            "* a test library",
            ".model dx d(is=1e-14)",
            ".subckt ampx in out gain=2",
            "e1 out 0 in 0 {gain}",
            ".ends ampx"));

    @Test
    void subcircuitCallWritesNodesNameAndParametersInOrder() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("gain", 4.0);
        p.put("a0", 1e4);
        assertEquals("xa1_0 h1_0 ao1_0 vdd vss eqs_amp_beh gain=4.0 a0=10000.0",
                new SubcircuitCall("xa1_0", List.of("h1_0", "ao1_0", "vdd", "vss"), "eqs_amp_beh", p).spiceLine());
        assertEquals("x1 a 0 sub", new SubcircuitCall("x1", List.of("a", "0"), "sub", Map.of()).spiceLine());
    }

    @Test
    void sinhConductorWritesAGeneratedExpression() {
        SinhConductor b = new SinhConductor("br0_1_2", "in1", "h1_2", 1e-4, 0.5);
        assertEquals("br0_1_2 in1 h1_2 i = 5.0e-5 * eqs_sinh((v(in1) - v(h1_2)) / 0.5)", b.spiceLine());
        assertEquals(".func eqs_sinh(x) {sinh(min(max(x, -30), 30)) + 5.343237290762231e12 * (x - min(max(x, -30), 30))}",
                SinhConductor.functionLines().get(1));
        assertEquals(1e-4 * 0.5 * Math.sinh(0.3 / 0.5), b.current(0.3), 1e-18);
        // Beyond 30 V0 = 15 V: the tangent at 15 V, continuous with the sinh there.
        double at = 1e-4 * 0.5 * Math.sinh(30);
        assertEquals(at, b.current(15), at * 1e-15);
        assertEquals(at + 1e-4 * Math.cosh(30) * 5, b.current(20), at * 1e-12);
        assertEquals(-b.current(20), b.current(-20), 0);
    }

    @Test
    void refusesWhatCouldCarryText() {
        assertThrows(IllegalArgumentException.class, () -> new SubcircuitCall("x1", List.of("a b"), "sub", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SubcircuitCall("x1", List.of("a"), "sub x", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SubcircuitCall("x1", List.of("a"), "sub",
                Map.of("g=1 .control", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> new SubcircuitCall("x1", List.of("a"), "sub",
                Map.of("g", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new SubcircuitCall("r1", List.of("a"), "sub", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SinhConductor("b1", "a", "b", 1e-4, 0));
        assertThrows(IllegalArgumentException.class, () -> new SinhConductor("b1", "a", "b", -1e-4, 1));
        assertThrows(IllegalArgumentException.class, () -> new SinhConductor("r1", "a", "b", 1e-4, 1));
    }

    @Test
    void libraryFilesMayDefineModelsAndSubcircuitsOnly() {
        assertEquals(List.of("dx"), LIB.models());
        assertEquals(List.of("ampx"), LIB.subcircuits());
        assertEquals("lib/amp_test.lib", LIB.includePath());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LibraryFile("bad.lib",
                List.of(".control", "shell ls", ".endc")));
        assertTrue(e.getMessage().contains("library bad.lib"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LibraryFile("x.lib", List.of(".include /etc/passwd")));
        for (String name : new String[] {"../x.lib", "/tmp/x.lib", "x.cir", "X.lib", "a b.lib"}) {
            assertThrows(IllegalArgumentException.class, () -> new LibraryFile(name, List.of()), name);
        }
    }

    @Test
    void circuitWritesLibrariesInlinedForTheSessionAndIncludedForExport() {
        Circuit c = new Circuit("lib test", List.of(new VoltageSource("v1", "a", "0", 1.0),
                new SubcircuitCall("x1", List.of("a", "b"), "ampx", Map.of("gain", 3.0)),
                new Diode("d1", "b", "0", "dx")), List.of(), SolverOptions.DEFAULT, List.of("note"), List.of(LIB));
        List<String> options = SolverOptions.DEFAULT.spiceLines();
        StringBuilder tail = new StringBuilder();
        options.forEach(o -> tail.append(o).append('\n'));
        tail.append("v1 a 0 dc 1.0\nx1 a b ampx gain=3.0\nd1 b 0 dx\n.op\n.end\n");
        assertEquals("lib test\n* note\n.include lib/amp_test.lib\n" + tail,
                NgspiceWriter.write(c, NgspiceWriter.Libraries.INCLUDE));
        assertEquals("lib test\n* note\n* begin library amp_test.lib\n* a test library\n.model dx d(is=1e-14)\n"
                + ".subckt ampx in out gain=2\ne1 out 0 in 0 {gain}\n.ends ampx\n* end library amp_test.lib\n" + tail,
                NgspiceWriter.write(c));
        // What a session loads passes the reader's rules (the title aside, which is generated).
        NetlistReader.checkLibrary("inlined", NgspiceWriter.lines(c).subList(1, NgspiceWriter.lines(c).size()));
    }

    @Test
    void circuitRefusesUndefinedSubcircuitsAndLibraryModels() {
        List<Element> els = List.of(new VoltageSource("v1", "a", "0", 1.0),
                new SubcircuitCall("x1", List.of("a", "b"), "nosuch", Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Circuit("t", els, List.of(), SolverOptions.DEFAULT, List.of(), List.of(LIB)));
        assertTrue(e.getMessage().contains("'nosuch'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Circuit("t", List.of(new VoltageSource("v1", "a", "0", 1),
                new Diode("d1", "a", "0", "dx")), List.of(), SolverOptions.DEFAULT, List.of())); // dx only in LIB
        assertThrows(IllegalArgumentException.class, () -> new Circuit("t", List.of(new VoltageSource("v1", "a", "0", 1)),
                List.of(), SolverOptions.DEFAULT, List.of(), List.of(LIB, LIB)));
    }
}
