package eqspice.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Nothing but the described element can reach a netlist line: names, free text and numbers
 * that could start a new line, a {@code .control} block, an {@code .include} or a
 * {@code shell} command, or that SPICE cannot read (NaN, infinity), are refused with a
 * message that names the offending value.
 */
class SpiceSafetyTest {

    private static void refused(Executable build, String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }

    @Test
    void nodeNamesThatCouldCarryCommandsAreRefused() {
        refused(() -> new Resistor("r1", "a\nshell rm -rf /", "0", 1.0), "invalid node name", "'a\\nshell rm -rf /'");
        refused(() -> new Resistor("r1", "a", ".control", 1.0), "invalid node name", "'.control'");
        refused(() -> new Resistor("r1", "a b", "0", 1.0), "invalid node name");
        refused(() -> new Resistor("r1", "A", "0", 1.0), "invalid node name", "lower-case");
        refused(() -> new Resistor("r1", "", "0", 1.0), "invalid node name");
        refused(() -> new Resistor("r1", null, "0", 1.0), "invalid node name", "null");
        refused(() -> new Resistor("r1", "n" + "x".repeat(64), "0", 1.0), "at most 64");
        assertEquals("n" + "x".repeat(63), new Resistor("r1", "n" + "x".repeat(63), "0", 1.0).a());
    }

    @Test
    void gndIsRefusedBecauseNgspiceShortsItToGround() {
        // Measured with ngspice 46: a node named gnd is merged with node 0 without a warning.
        refused(() -> new VoltageSource("v1", "gnd", "0", 1.0), "'gnd'", "write '0'");
        assertTrue(SpiceNames.isValidNode("0"));
        assertTrue(SpiceNames.isValidNode("gnd1"));
    }

    @Test
    void elementNamesMustCarryTheirDeviceLetter() {
        refused(() -> new Resistor("v1", "a", "0", 1.0), "invalid element name 'v1'", "start with 'r'");
        refused(() -> new VoltageSource("v1\n.endc", "a", "0", 1.0), "invalid element name");
        refused(() -> new Cccs("f1", "a", "0", "shell;ls", 1.0), "invalid element name");
        refused(() -> new Cccs("f1", "a", "0", "e1", 1.0), "start with 'v'");
        refused(() -> new Diode("d1", "a", "0", "dact\n.include x"), "invalid model name");
        refused(() -> new DiodeModel("d(is=1)", 1e-12, 1, 0), "invalid model name");
    }

    @Test
    void titlesCannotStartALineOrAScript() {
        List<Element> els = List.of(new Resistor("r1", "a", "0", 1.0));
        for (String bad : new String[] {"t\n.control", "t\r\nshell ls", "tab\there", "nel\u0085next",
                "line\u2028separator", "para\u2029separator", "del\u007f", "*ng_script", "*# shell ls"}) {
            refused(() -> Circuit.of(bad, els, List.of()), "title");
        }
        assertEquals("µ-range: 1e-6 .. 1e-3 S, seed=1 (ok)",
                Circuit.of("µ-range: 1e-6 .. 1e-3 S, seed=1 (ok)", els, List.of()).title());
        assertEquals("results of shell/x.lib", Circuit.of("results of shell/x.lib", els, List.of()).title(),
                "words are text: a title is never read as a command");
        refused(() -> Circuit.of(null, els, List.of()), "title must not be null");
    }

    @Test
    void commentsAreEscapedNotScreened() {
        List<Element> els = List.of(new Resistor("r1", "a", "0", 1.0));
        List<String> comments = List.of("t\n.control", "t\r\nshell ls", "x .include /etc/passwd", "*# shell ls",
                "experiments/shell/x.lib.yaml", "line\u2028separator", "nel\u0085next", "tab\there", "back\\slash", "");
        String text = NgspiceWriter.write(new Circuit("ok", els, List.of(), SolverOptions.DEFAULT, comments));
        assertEquals("ok\n"
                + "* t\\u000A.control\n"
                + "* t\\u000D\\u000Ashell ls\n"
                + "* x .include /etc/passwd\n"
                + "* *# shell ls\n"
                + "* experiments/shell/x.lib.yaml\n"
                + "* line\\u2028separator\n"
                + "* nel\\u0085next\n"
                + "* tab\\u0009here\n"
                + "* back\\\\slash\n"
                + "*\n", text.substring(0, text.indexOf(".options")));
    }

    @Test
    void nanAndInfinityAreRefusedEverywhere() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            refused(() -> new Resistor("r1", "a", "0", bad), "resistance of r1", "finite");
            refused(() -> new VoltageSource("v1", "a", "0", bad), "voltage of v1", "finite");
            refused(() -> new CurrentSource("i1", "a", "0", bad), "current of i1", "finite");
            refused(() -> new Vcvs("e1", "a", "0", "b", "0", bad), "gain of e1", "finite");
            refused(() -> new Cccs("f1", "a", "0", "v1", bad), "gain of f1", "finite");
            refused(() -> new DiodeModel("dm", bad, 1, 0), "IS of diode model dm");
            refused(() -> new SolverOptions(true, bad, 1e-12, 1e-6, 1e-12, 100), "reltol");
            refused(() -> SpiceNumber.format("x", bad), "x must be a finite number");
        }
        // A conductance so small that 1/g overflows must not become an "Infinity" resistance.
        refused(() -> Resistor.ofConductance("r1", "a", "0", 1e-320), "resistance of r1", "finite");
        refused(() -> Resistor.ofConductance("r1", "a", "0", 0.0), "conductance of r1", "> 0");
        refused(() -> new Resistor("r1", "a", "0", -5.0), "> 0");
    }

    @Test
    void circuitRefusesWhatSpiceWouldOnlyReportLater() {
        VoltageSource v = new VoltageSource("v1", "a", "0", 1.0);
        refused(() -> Circuit.of("t", List.of(v, v), List.of()), "'v1' is used twice");
        refused(() -> Circuit.of("t", List.of(new Diode("d1", "a", "0", "dx")), List.of()), "undefined model 'dx'");
        refused(() -> Circuit.of("t", List.of(new Cccs("f1", "a", "0", "v9", 1.0)), List.of()), "senses 'v9'");
    }
}
