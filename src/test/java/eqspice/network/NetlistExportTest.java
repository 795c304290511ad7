package eqspice.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.circuit.NgspiceWriter;
import eqspice.circuit.SolverOptions;
import eqspice.ngspice.SharedSession;
import eqspice.simulate.Solution;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export: file contents, the shipped Kiraz files, and a round trip through the ngspice program. */
class NetlistExportTest {
    private static final Path SHIPPED = Path.of("netlists");

    @TempDir
    Path tmp;

    @Test
    void writesTheNetlistAndEveryConductanceAtFullPrecision() throws IOException {
        NetworkSpec spec = Presets.kendall(3, 4, 2);
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-6, 1e-3, 99);
        double[] x = {0.3, -1.25, 2.0};
        NetlistExport.Exported f = NetlistExport.write(tmp, "k3", net, x, SolverOptions.DEFAULT, List.of("seed 99"));
        assertEquals(tmp.resolve("k3.cir"), f.netlist());
        String text = Files.readString(f.netlist());
        assertEquals(NgspiceWriter.write(NetlistExport.circuit("k3", net, x, SolverOptions.DEFAULT, List.of("seed 99"))),
                text);
        assertTrue(text.contains("\n* seed 99\n") && text.endsWith("\n.op\n.end\n"), text);

        try (Reader r = Files.newBufferedReader(f.conductances(), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertEquals(List.of("layer", "i", "j", "element", "g_siemens"), p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            int k = 0;
            // Expected order: layer by layer, row-major, names r{l}_{i}_{j} (CrossbarLayout's scheme).
            for (int l = 0; l < 2; l++) {
                for (int i = 0; i < spec.rows(l); i++) {
                    for (int j = 0; j < spec.columns(l); j++) {
                        CSVRecord row = rows.get(k++);
                        assertEquals(List.of(String.valueOf(l), String.valueOf(i), String.valueOf(j), "r" + l + "_" + i
                                + "_" + j), row.toList().subList(0, 4));
                        double g = net.weights().get(l).get(i, j);
                        assertEquals(Double.doubleToRawLongBits(g), Double.doubleToRawLongBits(
                                Double.parseDouble(row.get("g_siemens"))), row.toString());
                    }
                }
            }
            assertEquals(7 * 4 + 5 * 4, k); // (6 input rows + bias) x 4 hidden; (4 hidden + bias) x 4 output nodes
            assertEquals(k, rows.size());
        }
    }

    @Test
    void refusesNamesThatAreNotPlainFileNames() {
        LayeredNetwork net = LayeredNetwork.uniform(Presets.kirazCase1(), 1e-4);
        for (String bad : new String[] {"../up", "a/b", "", "Upper", "x..y", ".hidden"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetlistExport.write(tmp, bad,
                    net, Presets.KIRAZ_CASE1_INPUTS, SolverOptions.DEFAULT, List.of()));
            assertTrue(e.getMessage().contains("'" + bad + "' is not allowed"), e.getMessage());
        }
    }

    @Test
    void shippedKirazFilesAreWhatTheExportWritesToday() throws IOException {
        NetlistExport.Exported f = NetlistExport.writeKirazCase1(tmp);
        assertArrayEquals(Files.readAllBytes(SHIPPED.resolve("kiraz-case1.cir")), Files.readAllBytes(f.netlist()),
                "netlists/kiraz-case1.cir is stale: regenerate with NetlistExport.main");
        assertArrayEquals(Files.readAllBytes(SHIPPED.resolve("kiraz-case1.conductances.csv")),
                Files.readAllBytes(f.conductances()), "netlists/kiraz-case1.conductances.csv is stale");
    }

    @Test
    void ngspiceProgramSolvesTheShippedNetlistLikeTheLibrary() throws Exception {
        Path raw = tmp.resolve("kiraz.raw");
        Map<String, Double> batch = NgspiceBatch.run(SHIPPED.resolve("kiraz-case1.cir").toAbsolutePath(), raw);

        NetworkSpec spec = Presets.kirazCase1();
        LayeredNetwork net = LayeredNetwork.random(spec, spec.bounds().gMin() * 10, spec.bounds().gMax() / 10,
                NetlistExport.KIRAZ_SEED);
        Solution lib = SharedSession.get().solve(NetlistExport.circuit("kiraz-case1", net,
                Presets.KIRAZ_CASE1_INPUTS, SolverOptions.DEFAULT, List.of()));

        TreeSet<String> expectedKeys = new TreeSet<>();
        lib.voltages().keySet().forEach(n -> expectedKeys.add("v(" + n + ")"));
        lib.currents().keySet().forEach(n -> expectedKeys.add("i(" + n + ")"));
        assertEquals(expectedKeys, new TreeSet<>(batch.keySet()));
        assertEquals(15, lib.voltages().size()); // 2 inputs, bias, 2 x (h, nu, nl, ao, a), op, om
        for (Map.Entry<String, Double> e : batch.entrySet()) {
            String key = e.getKey();
            String name = key.substring(2, key.length() - 1);
            double expected = key.startsWith("v(") ? lib.voltage(name) : lib.current(name);
            CrossbarPhysicsTest.assertRelative(expected, e.getValue(), 1e-9, key);
        }
        assertTrue(Math.abs(lib.voltage("h1_0")) > 0.01, "a trivial operating point would prove little");
    }

    @Test
    void kendallPresetExportsAndRoundTripsThroughTheNgspiceProgram() throws Exception {
        // The second preset: doubled inputs, diode pairs, Kendall's amplifiers, doubled outputs.
        NetworkSpec spec = Presets.kendall(4, 3, 2);
        LayeredNetwork net = LayeredNetwork.random(spec, 1e-5, 1e-3, 9);
        double[] x = {0.9, -0.4, 0.2, -1.1};
        NetlistExport.Exported f = NetlistExport.write(tmp, "kendall-4-3-2", net, x, SolverOptions.DEFAULT,
                List.of("test export"));
        Map<String, Double> batch = NgspiceBatch.run(f.netlist().toAbsolutePath(), tmp.resolve("kendall.raw"));
        Solution lib = SharedSession.get().solve(NetlistExport.circuit("kendall-4-3-2", net, x, SolverOptions.DEFAULT,
                List.of()));
        assertEquals(lib.voltages().size() + lib.currents().size(), batch.size());
        for (Map.Entry<String, Double> e : batch.entrySet()) {
            String key = e.getKey();
            String name = key.substring(2, key.length() - 1);
            double expected = key.startsWith("v(") ? lib.voltage(name) : lib.current(name);
            CrossbarPhysicsTest.assertRelative(expected, e.getValue(), 1e-9, key);
        }
        assertEquals(spec.conductanceCount() + 1, Files.readAllLines(f.conductances()).size());
    }
}
