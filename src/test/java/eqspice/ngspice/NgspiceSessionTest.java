package eqspice.ngspice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eqspice.circuit.Cccs;
import eqspice.circuit.Circuit;
import eqspice.circuit.CurrentSource;
import eqspice.circuit.Diode;
import eqspice.circuit.DiodeModel;
import eqspice.circuit.Element;
import eqspice.circuit.Resistor;
import eqspice.circuit.SolverOptions;
import eqspice.circuit.Vcvs;
import eqspice.circuit.VoltageSource;
import eqspice.netlist.Includes;
import eqspice.netlist.NetlistReader;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.NetlistException;
import eqspice.simulate.Solution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding against the real libngspice; expected values are computed here, independently. */
class NgspiceSessionTest {
    private static NgspiceSession ng;
    private static final SolverOptions TIGHT = SolverOptions.DEFAULT.withTolerances(1e-9, 1e-15, 1e-12);

    @BeforeAll
    static void open() {
        ng = SharedSession.get();
    }

    @Test
    void reportsVersionAndSolver() {
        assumeTrue(TestedLibrary.hasKlu(), TestedLibrary.withoutKlu());
        assertTrue(ng.version().matches("\\d+.*"), ng.version());
        ng.load(Circuit.of("t", List.of(new VoltageSource("v1", "a", "0", 1), new Resistor("r1", "a", "0", 1)), List.of()));
        assertEquals("klu (requested)", ng.info().solver());
        ng.operatingPoint();
        assertEquals("klu", ng.info().solver(), "the solver ngspice reports having used");
        assertEquals(Optional.empty(), ng.kluUnavailable());
    }

    @Test
    void aLibraryWithoutKluSaysThatSparseIsUsed() {
        assumeFalse(TestedLibrary.hasKlu(), TestedLibrary.withKlu());
        assertTrue(ng.version().matches("\\d+"), ng.version());
        // 39.3 ignores ".options klu" without a word and names no solver after an op: only the banner tells
        String missing = "klu not available in ngspice " + ng.version();
        ng.load(Circuit.of("t", List.of(new VoltageSource("v1", "a", "0", 1), new Resistor("r1", "a", "0", 1)), List.of()));
        assertEquals("sparse; " + missing, ng.info().solver());
        ng.operatingPoint();
        assertEquals("sparse; " + missing, ng.info().solver());
        assertEquals(Optional.of("not available in ngspice " + ng.version() + " (sparse used)"), ng.kluUnavailable());
        assertEquals("sparse; " + missing, ng.linearSolver(SolverOptions.DEFAULT));
        assertEquals("sparse", ng.linearSolver(SolverOptions.DEFAULT.withKlu(false)));
    }

    @Test
    void resistorMeshMatchesNodalAnalysis() {
        // A 4x4 grid of resistors with distinct values, 1 V at one corner, opposite corner grounded.
        int n = 4;
        List<Element> els = new ArrayList<>();
        List<double[]> edges = new ArrayList<>(); // {a, b, g}
        int k = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int id = r * n + c;
                if (c + 1 < n) {
                    edges.add(new double[] {id, id + 1, 1e-3 * (1 + 0.37 * (k++ % 7))});
                }
                if (r + 1 < n) {
                    edges.add(new double[] {id, id + n, 1e-3 * (1 + 0.37 * (k++ % 7))});
                }
            }
        }
        for (int e = 0; e < edges.size(); e++) {
            double[] d = edges.get(e);
            els.add(Resistor.ofConductance("r" + e, node((int) d[0], n), node((int) d[1], n), d[2]));
        }
        els.add(new VoltageSource("vin", "n0", "0", 1.0));
        Solution s = ng.solve(new Circuit("mesh", els, List.of(), TIGHT, List.of()));
        // Unknowns: nodes 1..n*n-2 (node 0 held at 1 V, last node is ground).
        int m = n * n;
        double[][] a = new double[m][m + 1];
        for (double[] d : edges) {
            int i = (int) d[0];
            int j = (int) d[1];
            a[i][i] += d[2];
            a[j][j] += d[2];
            a[i][j] -= d[2];
            a[j][i] -= d[2];
        }
        for (int col = 0; col <= m; col++) {
            a[0][col] = 0;
            a[m - 1][col] = 0;
        }
        a[0][0] = 1;
        a[0][m] = 1.0;
        a[m - 1][m - 1] = 1;
        double[] v = Gauss.solve(a);
        for (int i = 0; i < m - 1; i++) {
            assertEquals(v[i], s.voltage(node(i, n)), 1e-9 * Math.abs(v[i]) + 1e-12, "node " + i);
        }
    }

    private static String node(int id, int n) {
        return id == n * n - 1 ? "0" : "n" + id;
    }

    @Test
    void diodeWithSeriesResistorMatchesShockley() {
        double is = 1e-14;
        double nEm = 1.5;
        double r = 1000;
        double vs = 2.0;
        SolverOptions opts = new SolverOptions(true, 1e-9, 1e-15, 1e-12, 1e-15, 100);
        Solution s = ng.solve(new Circuit("diode", List.of(new VoltageSource("v1", "a", "0", vs),
                new Resistor("r1", "a", "k", r), new Diode("d1", "k", "0", "dm")),
                List.of(new DiodeModel("dm", is, nEm, 0)), opts, List.of()));
        double vt = 1.380649e-23 * 300.15 / 1.602176634e-19 * nEm;
        double vd = 0.6;
        for (int it = 0; it < 100; it++) { // Newton on f(vd) = (vs - vd)/r - is(exp(vd/vt) - 1) - gmin vd
            double f = (vs - vd) / r - is * (Math.exp(vd / vt) - 1) - 1e-15 * vd;
            double df = -1 / r - is / vt * Math.exp(vd / vt) - 1e-15;
            vd -= f / df;
        }
        assertEquals(vd, s.voltage("k"), 1e-6);
        assertEquals(-(vs - vd) / r, s.current("v1"), 1e-9);
    }

    @Test
    void controlledSourcesGainAndSigns() {
        // VCVS: out = 3 * V(a); CCCS: draws 2 * I(vsense) from node b.
        Solution s = ng.solve(new Circuit("ctl", List.of(
                new VoltageSource("v1", "a", "0", 0.5), new Resistor("ra", "a", "0", 1000),
                new Vcvs("e1", "out", "0", "a", "0", 3.0), new VoltageSource("vs", "out", "x", 0.0),
                new Resistor("rx", "x", "0", 500),
                new Cccs("f1", "b", "0", "vs", 2.0), new Resistor("rb", "b", "0", 100)),
                List.of(), TIGHT, List.of()));
        assertEquals(1.5, s.voltage("out"), 1e-12);
        double iSense = 1.5 / 500; // flows out+ -> x through vs: positive by the VoltageSource convention
        assertEquals(iSense, s.current("vs"), 1e-12);
        // f1 pulls 2*iSense out of b, so b sits below ground: V(b) = -2 iSense * 100
        assertEquals(-2 * iSense * 100, s.voltage("b"), 1e-10);
        // The source delivering power reports a negative current.
        assertEquals(-0.5 / 1000, s.current("v1"), 1e-12);
    }

    @Test
    void setSourceAndResistanceChangeTheSolution() {
        ng.load(Circuit.of("div", List.of(new VoltageSource("v1", "a", "0", 10), new Resistor("r1", "a", "m", 1000),
                new Resistor("r2", "m", "0", 1000), new CurrentSource("i1", "0", "m", 0)), List.of()));
        assertEquals(5.0, ng.operatingPoint().voltage("m"), 1e-9);
        ng.setSource("v1", 4.0);
        ng.setResistance("r2", 3000);
        assertEquals(3.0, ng.operatingPoint().voltage("m"), 1e-9);
        ng.setSource("i1", 1e-3); // injects 1 mA into m: + 1e-3 * (1k || 3k)
        assertEquals(3.0 + 1e-3 * 750, ng.operatingPoint().voltage("m"), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ng.setSource("vnope", 1));
    }

    @Test
    void badNetlistsGiveTheRightExceptionWithNgspiceLines() {
        NetlistException unknownModel = assertThrows(NetlistException.class, () -> ng.loadLines(
                NetlistReader.recheck("t", List.of("v1 a 0 dc 1", "d1 a 0 nosuchmodel"))));
        assertTrue(unknownModel.getMessage().contains("could not find a valid modelname"), unknownModel.getMessage());
        ConvergenceException singular = assertThrows(ConvergenceException.class, () -> ng.solve(Circuit.of("loop",
                List.of(new VoltageSource("v1", "a", "0", 1), new VoltageSource("v2", "a", "0", 2),
                        new Resistor("r1", "a", "0", 1)), List.of())));
        // Singular: every rung of the recovery ladder was tried, and ngspice's own lines are kept.
        assertTrue(singular.getMessage().contains("any rung of the recovery ladder"), singular.getMessage());
        assertTrue(singular.log().stream().anyMatch(l -> l.startsWith("relaxed (")), singular.log().toString());
        assertTrue(singular.log().stream().anyMatch(l -> l.toLowerCase().contains("singular")), singular.log().toString());
        // Still usable afterwards.
        assertEquals(1.0, ng.solve(Circuit.of("ok", List.of(new VoltageSource("v1", "a", "0", 1),
                new Resistor("r1", "a", "0", 1)), List.of())).voltage("a"), 1e-12);
    }

    @Test
    void ngspice46RefusesAnIncompleteElementLineItself() {
        assumeTrue(TestedLibrary.major() >= 46, "ngspice " + TestedLibrary.version() + " accepts 'r1 a' silently "
                + "(46 refuses it); there eqspice refuses it: onNgspice39EqspiceRefusesTheIncompleteLinesNgspiceAccepts");
        NetlistException syntax = assertThrows(NetlistException.class, () -> ng.loadLines(
                NetlistReader.recheck("t", List.of("v1 a 0 dc 1", "r1 a"))));
        assertEquals("ngspice refused the netlist", syntax.getMessage().lines().findFirst().orElseThrow());
        assertEquals(List.of("Warning: 'r1 a' is not a valid resistor instance line, ignored!"), syntax.log());
    }

    @Test
    void onNgspice39EqspiceRefusesTheIncompleteLinesNgspiceAccepts() {
        assumeTrue(TestedLibrary.major() == 39, "ngspice " + TestedLibrary.version() + " refuses 'r1 a' itself "
                + "(ngspice46RefusesAnIncompleteElementLineItself); this test is for 39.3, which accepts it silently");
        // Each of these is solved by 39.3 without a word: a 1 mOhm resistor, or a node without a name.
        for (String bad : List.of("r1 a", "r1 a 0", "c1 a 0", "l1 a", "v2 a", "i1 a")) {
            NetlistException e = assertThrows(NetlistException.class, () -> ng.loadLines(
                    NetlistReader.recheck("t", List.of("v1 a 0 dc 1", "rload a 0 1k", bad))), bad);
            assertTrue(e.getMessage().startsWith("'" + bad + "': a"), e.getMessage());
            assertTrue(e.getMessage().contains("ngspice 46 refuses it"), e.getMessage());
        }
    }

    @Test
    void aCompleteLineSplitOverContinuationsIsSolved(@TempDir Path dir) throws Exception {
        // ngspice and the reader drop comment and blank lines before joining continuations: r1 is 1 kOhm from a to 0
        Path file = dir.resolve("split.cir");
        Files.writeString(file, "split\nv1 a 0 dc 2\nr1 a\n* the other node and the value:\n+ 0\n\n+ 1k\n.end\n");
        ng.loadLines(NetlistReader.read(file, Includes.INSIDE_FOLDER));
        assertEquals(-2e-3, ng.operatingPoint().current("v1"), 1e-15);
    }

    @Test
    void memoryStaysFlatOverManySolves() throws Exception {
        ng.load(Circuit.of("div", List.of(new VoltageSource("v1", "a", "0", 10), new Resistor("r1", "a", "m", 1000),
                new Resistor("r2", "m", "0", 1000)), List.of()));
        // Warm-up so that JIT compilation and the JVM's heap sizing are not counted as ngspice memory.
        for (int k = 1; k <= 3000; k++) {
            ng.setSource("v1", k % 5);
            ng.operatingPoint();
        }
        long after100 = 0;
        for (int k = 1; k <= 2000; k++) {
            ng.setSource("v1", k % 7);
            assertEquals((k % 7) / 2.0, ng.operatingPoint().voltage("m"), 1e-9);
            if (k == 100) {
                after100 = Rss.kib();
            }
        }
        long last = Rss.kib();
        assertTrue(last <= after100 * 1.10, "RSS grew from " + after100 + " KiB to " + last + " KiB");
    }

    @Test
    void sendDataAndPlotReadingGiveTheSameSolution() {
        // The fast path (SendData callback) and the slow path (one ngGet_Vec_Info per vector) must agree exactly.
        ng.load(Circuit.of("two paths", List.of(new VoltageSource("v1", "a", "0", 2.5), new Resistor("r1", "a", "m", 1000),
                new Resistor("r2", "m", "0", 3000), new VoltageSource("vs", "m", "k", 0),
                new Resistor("r3", "k", "0", 7000)), List.of()));
        Solution fast = ng.operatingPoint();
        assertTrue(ng.lastFromSendData(), "ngspice 46 reports an operating point through SendData");
        ng.forcePlotReading(true);
        try {
            Solution slow = ng.operatingPoint();
            assertTrue(!ng.lastFromSendData());
            assertEquals(slow.voltages(), fast.voltages());
            assertEquals(slow.currents(), fast.currents());
            assertEquals(java.util.Set.of("a", "m", "k"), fast.voltages().keySet());
            assertEquals(java.util.Set.of("v1", "vs"), fast.currents().keySet());
        } finally {
            ng.forcePlotReading(false);
        }
    }
}
