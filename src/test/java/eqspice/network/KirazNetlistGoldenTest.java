package eqspice.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.Circuit;
import eqspice.circuit.NgspiceWriter;
import eqspice.circuit.SolverOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole Kiraz case-1 netlist against a golden file (src/test/resources/golden/kiraz-case1.cir,
 * written once by the writer and checked by hand against DESIGN.md: inputs -2 V / +2 V, bias 1 V,
 * two hidden neurons with clipping diode pairs at +-0.5 V, VCVS gain 4 and CCCS gain 1/4, doubled
 * output, nudging sources at 0 A). A second test re-derives the resistor values from the weights,
 * so the golden file is not its own only witness.
 */
class KirazNetlistGoldenTest {
    private static final NetworkSpec SPEC = Presets.kirazCase1();
    // The initialisation an experiment gets without training.init: [10 gMin, gMax / 10], seed 1.
    private static final LayeredNetwork NET = LayeredNetwork.random(SPEC, SPEC.bounds().gMin() * 10,
            SPEC.bounds().gMax() / 10, 1L);

    private static Circuit circuit() {
        return new CrossbarCircuit(SPEC).build(NET, Presets.KIRAZ_CASE1_INPUTS, SolverOptions.DEFAULT, List.of());
    }

    private static String golden() throws IOException {
        try (InputStream in = KirazNetlistGoldenTest.class.getResourceAsStream("/golden/kiraz-case1.cir")) {
            assertTrue(in != null, "golden file /golden/kiraz-case1.cir missing from test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void netlistEqualsTheGoldenFile() throws IOException {
        assertEquals(golden(), NgspiceWriter.write(circuit()));
    }

    @Test
    void goldenFileHoldsTheDesignedCircuit() throws IOException {
        Map<String, String[]> lines = new HashMap<>();
        for (String l : golden().lines().toList()) {
            String[] t = l.split(" ");
            lines.put(t[0], t);
        }
        assertEquals("-2.0", lines.get("vin0")[4]);
        assertEquals("2.0", lines.get("vin1")[4]);
        assertEquals("1.0", lines.get("vbias0")[4]);
        // Every conductance appears as 1/g of the seeded weights, between the right nodes.
        CrossbarLayout layout = new CrossbarLayout(SPEC);
        int resistors = 0;
        for (Conductor c : layout.conductors()) {
            String[] t = lines.get(c.element());
            assertEquals(List.of(c.rowNode(), c.columnNode()), List.of(t[1], t[2]), c.element());
            double g = NET.weights().get(c.layer()).get(c.row(), c.column());
            assertEquals(1.0 / g, Double.parseDouble(t[3]), 0.0, c.element());
            assertTrue(g >= 1e-5 * (1 - 1e-15) && g <= 1e-4, "init range");
            resistors++;
        }
        assertEquals(3 * 2 + 3 * 2, resistors);
        for (int j = 0; j < 2; j++) {
            String id = "1_" + j;
            // Clipping pair: du conducts from h into +0.5 V, dl from -0.5 V into h.
            assertEquals(List.of("du" + id, "h" + id, "nu" + id, "dact"), List.of(lines.get("du" + id)));
            assertEquals(List.of("vdu" + id, "nu" + id, "0", "dc", "0.5"), List.of(lines.get("vdu" + id)));
            assertEquals(List.of("dl" + id, "nl" + id, "h" + id, "dact"), List.of(lines.get("dl" + id)));
            assertEquals(List.of("vdl" + id, "nl" + id, "0", "dc", "-0.5"), List.of(lines.get("vdl" + id)));
            assertEquals(List.of("ea" + id, "ao" + id, "0", "h" + id, "0", "4.0"), List.of(lines.get("ea" + id)));
            assertEquals(List.of("va" + id, "ao" + id, "a" + id, "dc", "0.0"), List.of(lines.get("va" + id)));
            assertEquals(List.of("fa" + id, "h" + id, "0", "va" + id, "0.25"), List.of(lines.get("fa" + id)));
        }
        assertEquals(List.of("inudp0", "0", "op0", "dc", "0.0"), List.of(lines.get("inudp0")));
        assertEquals(List.of("inudm0", "0", "om0", "dc", "0.0"), List.of(lines.get("inudm0")));
        assertEquals(".model dact d(is=1.0e-12 n=1.0 rs=0.0)", String.join(" ", lines.get(".model")));
        assertEquals(List.of(".op"), List.of(lines.get(".op")));
    }
}
