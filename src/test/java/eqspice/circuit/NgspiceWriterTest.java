package eqspice.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact SPICE text of every element kind, the model and options cards, the layout of a
 * whole netlist, determinism and exact number round trips. Expected lines are written out by
 * hand from the ngspice manual's syntax, not produced by the writer.
 */
class NgspiceWriterTest {
    private static final DiodeModel MODEL = new DiodeModel("dact", 1e-12, 1.0, 0.0);

    @Test
    void resistorLineIsNameNodesOhms() {
        assertEquals("r1 a b 1000.0", new Resistor("r1", "a", "b", 1000.0).spiceLine());
        // ofConductance stores 1/g: 0.5 S is exactly 2 ohms.
        assertEquals("r0_2_1 bias0 h1_1 2.0", Resistor.ofConductance("r0_2_1", "bias0", "h1_1", 0.5).spiceLine());
        assertEquals("r2 x 0 1.0e7", new Resistor("r2", "x", "0", 1e7).spiceLine());
    }

    @Test
    void voltageSourceLineHasDcKeyword() {
        assertEquals("vin0 in0 0 dc -2.0", new VoltageSource("vin0", "in0", "0", -2.0).spiceLine());
        assertEquals("va1_0 ao1_0 a1_0 dc 0.0", new VoltageSource("va1_0", "ao1_0", "a1_0", 0.0).spiceLine());
    }

    @Test
    void currentSourceLineHasDcKeyword() {
        assertEquals("inudp0 0 op0 dc 1.5e-7", new CurrentSource("inudp0", "0", "op0", 1.5e-7).spiceLine());
        assertEquals("inudm0 0 om0 dc -0.001", new CurrentSource("inudm0", "0", "om0", -1e-3).spiceLine());
    }

    @Test
    void diodeLineNamesItsModel() {
        assertEquals("du1_0 h1_0 nu1_0 dact", new Diode("du1_0", "h1_0", "nu1_0", "dact").spiceLine());
    }

    @Test
    void vcvsLineIsOutputPairControlPairGain() {
        assertEquals("ea1_0 ao1_0 0 h1_0 0 4.0", new Vcvs("ea1_0", "ao1_0", "0", "h1_0", "0", 4.0).spiceLine());
    }

    @Test
    void cccsLineIsNodePairSenseSourceGain() {
        assertEquals("fa1_0 h1_0 0 va1_0 0.25", new Cccs("fa1_0", "h1_0", "0", "va1_0", 0.25).spiceLine());
    }

    @Test
    void modelCardStatesEveryParameter() {
        assertEquals(".model dact d(is=1.0e-12 n=1.0 rs=0.0)", MODEL.spiceLine());
        assertEquals(".model dx d(is=2.5e-14 n=1.8 rs=10.0)", new DiodeModel("dx", 2.5e-14, 1.8, 10.0).spiceLine());
    }

    @Test
    void optionsLinesStateEveryTolerance() {
        assertEquals(List.of(".options klu", ".options reltol=0.001 abstol=1.0e-12 vntol=1.0e-6 gmin=1.0e-12 itl1=100"),
                SolverOptions.DEFAULT.spiceLines());
        assertEquals(List.of(".options reltol=1.0e-9 abstol=1.0e-15 vntol=1.0e-12 gmin=1.0e-12 itl1=100"),
                SolverOptions.DEFAULT.withKlu(false).withTolerances(1e-9, 1e-15, 1e-12).spiceLines());
        assertEquals(List.of(".options klu", ".options reltol=0.01 abstol=1.0e-9 vntol=0.001 gmin=0.0 itl1=7"),
                new SolverOptions(true, 0.01, 1e-9, 1e-3, 0.0, 7).spiceLines());
    }

    @Test
    void netlistIsTitleCommentsModelsOptionsElementsOpEnd() {
        Circuit c = new Circuit("two diodes", List.of(new VoltageSource("v1", "a", "0", 1.0),
                new Resistor("r1", "a", "b", 100.0), new Diode("d1", "b", "0", "dact")), List.of(MODEL),
                SolverOptions.DEFAULT.withKlu(false), List.of("seed 1", ""));
        String expected = """
                two diodes
                * seed 1
                *
                .model dact d(is=1.0e-12 n=1.0 rs=0.0)
                .options reltol=0.001 abstol=1.0e-12 vntol=1.0e-6 gmin=1.0e-12 itl1=100
                v1 a 0 dc 1.0
                r1 a b 100.0
                d1 b 0 dact
                .op
                .end
                """;
        assertEquals(expected, NgspiceWriter.write(c));
        // For the in-process session: the same lines without .op.
        List<String> lines = new ArrayList<>(expected.lines().toList());
        lines.remove(".op");
        assertEquals(lines, NgspiceWriter.lines(c));
        assertEquals(lines, NgspiceWriter.lines(c, false));
    }

    @Test
    void writingTwiceIsByteIdentical() {
        List<Element> els = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(7);
        for (int k = 0; k < 500; k++) {
            els.add(Resistor.ofConductance("r" + k, "n" + k, "n" + (k + 1), 1e-6 + rng.nextDouble() * 1e-3));
        }
        els.add(new VoltageSource("v0", "n0", "0", 1.0));
        Circuit c = Circuit.of("chain", els, List.of());
        byte[] first = NgspiceWriter.write(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // An equal circuit built separately, and under another default locale (decimal comma).
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Circuit again = Circuit.of("chain", new ArrayList<>(els), List.of());
            assertArrayEquals(first, NgspiceWriter.write(again).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void everyWrittenNumberParsesBackToTheSameDouble() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.1, 1.0 / 3.0, Math.PI, 1e-12, 1e-300,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 4.35e-5, 123456789.123456789));
        SplittableRandom rng = new SplittableRandom(42);
        for (int k = 0; k < 20_000; k++) {
            // Random mantissa bits over the whole exponent range in which circuits live.
            double mantissa = 1.0 + rng.nextDouble();
            values.add((rng.nextBoolean() ? 1 : -1) * mantissa * Math.pow(2, rng.nextInt(-100, 100)));
        }
        for (double v : values) {
            String text = SpiceNumber.format("v", v);
            assertTrue(text.matches("-?\\d+\\.\\d+(e-?\\d+)?"), () -> "not plain SPICE number syntax: " + text);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
            // And through a whole element line, as a reader of the netlist would take it.
            String line = new VoltageSource("v1", "a", "0", v).spiceLine();
            double back = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back), line);
        }
    }
}
