package eqspice.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact text of a parameterised subcircuit (written out by hand) and what its constructor refuses. */
class SubcircuitTest {
    private static final double G = 2.5e-5;
    private static final double FACTOR = 1.25;

    private static Subcircuit divider(double g1) {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("g0_0_0", G);
        params.put("g0_1_0", g1);
        return new Subcircuit("net", List.of("in0", "out"), params,
                List.of(Resistor.ofConductance("r0_0_0", "in0", "out", G),
                        new SinhConductor("br0_1_0", "out", "0", g1 * FACTOR, 1.0),
                        new Diode("d1", "out", "0", "dx")),
                List.of(new DiodeModel("dx", 1e-14, 1.0, 0.0)),
                Map.of("r0_0_0", new Subcircuit.ConductanceParameter("g0_0_0", 1.0),
                        "br0_1_0", new Subcircuit.ConductanceParameter("g0_1_0", FACTOR)));
    }

    @Test
    void writesOneParameterPerLineAndDevicesReadingThem() {
        assertEquals(List.of(
                ".subckt net in0 out",
                "+ params:",
                "+ g0_0_0=2.5e-5",
                "+ g0_1_0=4.0e-5",
                ".model dx d(is=1.0e-14 n=1.0 rs=0.0)",
                "r0_0_0 in0 out {1/(g0_0_0)}",
                "br0_1_0 out 0 i = {g0_1_0*1.25*1.0} * eqs_sinh((v(out) - v(0)) / 1.0)",
                "d1 out 0 dx",
                ".ends net"), divider(4e-5).lines());
        assertEquals("x1 a b net", divider(4e-5).instanceLine("x1", List.of("a", "b")));
    }

    @Test
    void refusesDefaultsThatAreNotTheElementsConductances() {
        Map<String, Double> params = Map.of("g0_0_0", 2 * G);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Subcircuit("net",
                List.of("in0"), params, List.of(Resistor.ofConductance("r0_0_0", "in0", "0", G)), List.of(),
                Map.of("r0_0_0", new Subcircuit.ConductanceParameter("g0_0_0", 1.0))));
        assertTrue(e.getMessage().contains("not the conductance"), e.getMessage());
    }

    @Test
    void refusesGroundOrUnconnectedPortsAndUndeclaredParameters() {
        List<Element> body = List.of(Resistor.ofConductance("r0_0_0", "in0", "0", G));
        assertThrows(IllegalArgumentException.class, () -> new Subcircuit("net", List.of("in0", "0"), Map.of(), body,
                List.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Subcircuit("net", List.of("in0", "nowhere"), Map.of(),
                body, List.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Subcircuit("net", List.of("in0"), Map.of(), body,
                List.of(), Map.of("r0_0_0", new Subcircuit.ConductanceParameter("g0_0_0", 1.0))));
        assertThrows(IllegalArgumentException.class, () -> divider(4e-5).instanceLine("x1", List.of("a")));
    }
}
