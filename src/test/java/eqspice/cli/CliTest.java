package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eqspice.ngspice.TestedLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it, in a child JVM with its own ngspice. */
class CliTest {
    @Test
    void solvePrintsTheOperatingPointAtFullPrecision(@TempDir Path dir) throws Exception {
        // 3 V across 1k + 2k: the middle node sits at exactly 2 V, the source carries -1 mA.
        Files.writeString(dir.resolve("d.cir"), "divider\nv1 top 0 dc 3\nr1 top mid 1k\nr2 mid 0 2k\n.op\n.end\n");
        CliProcess.Result r = CliProcess.run(dir, "solve", "d.cir");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2.0, value(r.out(), "mid"), 1e-12);
        assertEquals(-1e-3, value(r.out(), "v1"), 1e-15);
        assertTrue(r.out().contains("ngspice"), r.out());
    }

    @Test
    void solveNamesAMissingFileAndRefusesScripts(@TempDir Path dir) throws Exception {
        CliProcess.Result missing = CliProcess.run(dir, "solve", "nowhere/x.cir");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nowhere/x.cir: no such file"), missing.err());

        Files.writeString(dir.resolve("evil.cir"), "t\nv1 a 0 1\n.control\nshell touch pwned\n.endc\n.end\n");
        CliProcess.Result evil = CliProcess.run(dir, "solve", "evil.cir");
        assertEquals(2, evil.exitCode());
        assertTrue(evil.err().contains("evil.cir: line 3: '.control' is not allowed"), evil.err());
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    @Test
    void pathsAndNamesWithScriptingWordsAreTextNotCommands(@TempDir Path dir) throws Exception {
        // Once refused: the path lands in netlist comments, and a word screen took "shell" or ".lib" for a script.
        Path folder = Files.createDirectories(dir.resolve("shell/models.lib"));
        Files.writeString(folder.resolve("t.yaml"), "name: x.include\nnetwork:\n  preset: kiraz-case1\ntask:\n"
                + "  name: kiraz-case1\ntraining:\n  alpha: 1.0e-6\n  beta: 1.0e-3\n  epochs: 1\n  seed: 5\n");
        CliProcess.Result run = CliProcess.run(dir, "run", "shell/models.lib/t.yaml", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(dir.resolve("results/x.include/provenance.json"))
                .contains("\"experiment_file\" : \"shell/models.lib/t.yaml\""));
        CliProcess.Result export = CliProcess.run(dir, "export", "shell/models.lib/t.yaml");
        assertEquals(0, export.exitCode(), export.err());
        String netlist = Files.readString(dir.resolve("netlists/x.include.cir"));
        assertTrue(netlist.contains("\n* eqspice ") && netlist.contains("experiment shell/models.lib/t.yaml"), netlist);
        CliProcess.Result solve = CliProcess.run(dir, "solve", "netlists/x.include.cir");
        assertEquals(0, solve.exitCode(), solve.err());
    }

    @Test
    void doctorReportsVersionAndKlu(@TempDir Path dir) throws Exception {
        assumeTrue(TestedLibrary.hasKlu(), TestedLibrary.withoutKlu());
        CliProcess.Result r = CliProcess.run(dir, "doctor");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*ngspice\\s+\\d+.*"), r.out());
        assertTrue(r.out().contains("(ngspice used: klu)"), r.out());
    }

    @Test
    void doctorSaysKluIsMissingFromALibraryWithoutIt(@TempDir Path dir) throws Exception {
        assumeFalse(TestedLibrary.hasKlu(), TestedLibrary.withKlu());
        CliProcess.Result r = CliProcess.run(dir, "doctor");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        String v = TestedLibrary.version();
        assertTrue(r.out().contains("\nngspice        " + v + "\n"), r.out());
        assertTrue(r.out().contains("\nklu            not available in ngspice " + v + " (sparse used)\n"), r.out());
        assertTrue(r.out().contains("\nsparse         works (ngspice used: sparse)\n"), r.out());
    }

    @Test
    void aMissingLibraryGivesOneClearLine(@TempDir Path dir) throws Exception {
        CliProcess.Result r = CliProcess.runWithEnv(dir, "EQSPICE_NGSPICE_LIB", "/nonexistent/libngspice.so.0", "doctor");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("NOT FOUND") && r.out().contains("EQSPICE_NGSPICE_LIB"), r.out());
        CliProcess.Result solve = CliProcess.runWithEnv(dir, "EQSPICE_NGSPICE_LIB", "/nonexistent/libngspice.so.0",
                "run", "--quiet");
        assertEquals(2, solve.exitCode());
        assertEquals(1, solve.err().strip().lines().count(), solve.err());
    }

    @Test
    void runWritesOneRowPerEpochWithProvenance(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), "name: tiny\nnetwork:\n  preset: kiraz-case1\ntask:\n"
                + "  name: kiraz-case1\ntraining:\n  alpha: 1.0e-6\n  beta: 1.0e-3\n  epochs: 3\n  seed: 5\n");
        CliProcess.Result r = CliProcess.run(dir, "run", "tiny.yaml");
        assertEquals(0, r.exitCode(), r.err());
        Path out = dir.resolve("results/tiny");
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("epoch,loss_v2,mean_abs_error_v,correct_fraction,failed_phases,updates,g_min_s,g_max_s,seconds,recovered_phases",
                rows.get(0));
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(3).startsWith("3,"), rows.get(3));
        String prov = Files.readString(out.resolve("provenance.json"));
        if (TestedLibrary.hasKlu()) {
            assertTrue(prov.matches("(?s).*\"simulator\" : \"ngspice \\d+ \\(klu\\)\".*"), prov);
            assertFalse(r.err().contains("klu: not available"), r.err());
        } else { // the solver really used, in the provenance and said once when the run starts
            String v = TestedLibrary.version();
            assertTrue(prov.contains("\"simulator\" : \"ngspice " + v + " (sparse; klu not available in ngspice " + v + ")\""),
                    prov);
            assertEquals(1, r.err().lines().filter(l -> l.equals("klu: not available in ngspice " + v + " (sparse used)"))
                    .count(), r.err());
        }
        assertTrue(prov.contains("\"seed\" : 5"), prov);
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"epochs\" : 3"));
        CsvFiles.assertHeaderFirst(out);
        assertTrue(r.out().contains("loss "), r.out());
    }

    @Test
    void aWrongFieldStopsBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "name: bad\nnetwork:\n  preset: kiraz-case1\ntask:\n"
                + "  name: kiraz-case1\ntraining:\n  alfa: 1.0e-6\n");
        CliProcess.Result r = CliProcess.run(dir, "run", "bad.yaml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad.yaml line 7: unknown field 'training.alfa'"), r.err());
        assertFalse(Files.exists(dir.resolve("results")), "nothing may be started or written");
    }

    @Test
    void exportReproducesTheShippedNetlistAndNamesABadTarget(@TempDir Path dir) throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "export", "kiraz-case1", "--out", "out/kiraz-case1.cir");
        assertEquals(0, r.exitCode(), r.err());
        Path shipped = Path.of(System.getProperty("user.dir"), "netlists");
        assertEquals(Files.readString(shipped.resolve("kiraz-case1.cir")), Files.readString(dir.resolve("out/kiraz-case1.cir")));
        assertEquals(Files.readString(shipped.resolve("kiraz-case1.conductances.csv")),
                Files.readString(dir.resolve("out/kiraz-case1.conductances.csv")));
        CliProcess.Result named = CliProcess.run(dir, "export", "kiraz-case1", "--out", "mine/k.cir");
        assertEquals(0, named.exitCode(), named.err());
        assertTrue(Files.isRegularFile(dir.resolve("mine/k.cir")) && Files.isRegularFile(dir.resolve("mine/k.conductances.csv"))
                && !Files.exists(dir.resolve("mine/kiraz-case1.cir")), "--out names the file for the preset too");
        CliProcess.Result bad = CliProcess.run(dir, "export", "kiraz-case1", "--out", "k.txt");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--out must name a .cir file, got k.txt"), bad.err());
    }

    @Test
    void gradcheckPrintsOneRowPerEstimatorAndBeta(@TempDir Path dir) throws Exception {
        Path exp = Path.of(System.getProperty("user.dir"), "experiments", "kiraz-case1.yaml");
        CliProcess.Result r = CliProcess.run(dir, "gradcheck", exp.toString(), "--beta", "1e-6,1e-4",
                "--estimator", "centered,positive");
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.matches("(centered|positive)\\s.*")).toList();
        assertEquals(4, rows.size(), r.out());
        // Kendall's amplifiers: the estimate is a descent direction but not the gradient (cosine ~0.64, a finding).
        double cosine = Double.parseDouble(rows.get(0).trim().split("\\s+")[2]);
        assertTrue(cosine > 0.3 && cosine < 0.95, r.out());
        CliProcess.Result bad = CliProcess.run(dir, "gradcheck", exp.toString(), "--estimator", "sideways");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("sideways"), bad.err());
    }

    /**
     * gradcheck checks the circuit the experiment trains: without amplifiers the ideal circuit is
     * energy-based and its estimate is the gradient to about 1e-9; at the behavioural level
     * (1N4148, sinh devices with 5 % variation, which a chip's update rule does not know about)
     * it stays a close descent direction with a relative error of a few percent (measured: cosine
     * 0.99957, 5.2 % on 2x2-4-1).
     */
    @Test
    void gradcheckUsesTheTrainingFidelity(@TempDir Path dir) throws Exception {
        String yaml = "name: g\nnetwork:\n  inputs: 2\n  doubled_inputs: true\n  hidden: [4]\n  outputs: 1\n"
                + "  activation:\n    upper_bias: 0.3\n    lower_bias: -0.3\n  amplifier:\n    enabled: false\n"
                + "task:\n  name: xor\ntraining:\n  alpha: 3.0e-8\n  beta: 1.0e-6\n  epochs: 1\n  seed: 1\n"
                + "  init: [1.0e-5, 1.0e-4]\n";
        double[] relError = new double[2];
        String[] levels = {"ideal", "behavioural"};
        for (int k = 0; k < 2; k++) {
            Files.writeString(dir.resolve("g.yaml"), yaml + "fidelity:\n  train_level: " + levels[k] + "\n");
            CliProcess.Result r = CliProcess.run(dir, "gradcheck", "g.yaml", "--beta", "1e-6", "--estimator", "centered");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("circuit: " + levels[k] + ":"), r.out());
            String row = r.out().lines().filter(l -> l.startsWith("centered")).findFirst().orElseThrow();
            double cosine = Double.parseDouble(row.trim().split("\\s+")[2]);
            relError[k] = Double.parseDouble(row.trim().split("\\s+")[3]);
            assertTrue(cosine > 0.999, r.out());
        }
        assertTrue(relError[0] < 1e-6, "ideal, energy-based: " + relError[0]);
        assertTrue(relError[1] > 1e-3 && relError[1] < 0.1, "behavioural: " + relError[1]);
    }

    @Test
    void runWithDiagnosticsAddsColumnsThatShowTellegenHolds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.yaml"), "name: d\nnetwork:\n  preset: kiraz-case1\ntask:\n"
                + "  name: kiraz-case1\ntraining:\n  alpha: 1.0e-9\n  beta: 1.0e-6\n  epochs: 2\n");
        CliProcess.Result r = CliProcess.run(dir, "run", "d.yaml", "--diagnostics", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("results/d/metrics.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int tellegen = header.indexOf("diag_tellegen_rel");
        int amp = header.indexOf("diag_amplifier_net_w");
        assertTrue(tellegen > 8 && amp > 8, rows.get(0));
        assertEquals(3, rows.size());
        for (String row : rows.subList(1, 3)) {
            String[] cells = row.split(",");
            assertTrue(Double.parseDouble(cells[tellegen]) < 1e-9, row);
            assertTrue(Double.parseDouble(cells[amp]) < 0, "Kendall's pair creates power: " + row);
        }
    }

    @Test
    void aNetlistThatMakesNgspiceExitIsReportedAsSuch(@TempDir Path dir) throws Exception {
        // An undefined parameter sends ngspice 46 into its ControlledExit ("cannot recover").
        Files.writeString(dir.resolve("exit.cir"), "t\n.param x={system(1)}\nv1 a 0 dc {x}\nr1 a 0 1k\n.end\n");
        CliProcess.Result r = CliProcess.run(dir, "solve", "exit.cir");
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("ngspice exited while loading the netlist (its ControlledExit)"), r.err());
        assertTrue(r.err().contains("cannot recover"), r.err());
        assertFalse(r.err().contains("Exception"), "one clear message, no stack trace: " + r.err());
    }

    private static double value(String out, String name) {
        Matcher m = Pattern.compile("(?m)^\\s+" + name + "\\s+(\\S+)$").matcher(out);
        assertTrue(m.find(), name + " not in\n" + out);
        return Double.parseDouble(m.group(1));
    }
}
