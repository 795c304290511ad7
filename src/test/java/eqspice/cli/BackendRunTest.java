package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eqspice run} on the embedded and co-simulation backends, as a user runs it (child JVM). */
class BackendRunTest {
    private static final String TINY = "name: tiny\nnetwork:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
            + "training:\n  alpha: 1.0e-6\n  beta: 1.0e-3\n  epochs: 3\n  seed: 5\n";

    @Test
    void embeddedRunNeedsNoNgspice(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), TINY + "simulator:\n  backend: embedded\n");
        CliProcess.Result r = CliProcess.runWithEnv(dir, "EQSPICE_NGSPICE_LIB", "/nonexistent/libngspice.so.0", "run",
                "tiny.yaml", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        String prov = Files.readString(dir.resolve("results/tiny/provenance.json"));
        assertTrue(prov.matches("(?s).*\"simulator\" : \"embedded \\S+ \\(junction Schur complement, ejml 0.46.1 sparse LU\\)\".*"), prov);
        assertTrue(r.out().contains("backend embedded"), r.out());
    }

    @Test
    void cosimRunRecordsItsChecks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), TINY + "solver:\n  reltol: 1.0e-9\n  vntol: 1.0e-10\n"
                + "  abstol: 1.0e-14\nsimulator:\n  backend: cosim\n  check_every: 2\n  tolerance: 1.0e-6\n");
        CliProcess.Result r = CliProcess.run(dir, "run", "tiny.yaml", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        Path out = dir.resolve("results/tiny");
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(rows.get(0).endsWith(",cosim_checks,cosim_max_dv_v,cosim_mismatches"), rows.get(0));
        assertEquals(4, rows.size(), rows.toString());
        String summary = Files.readString(out.resolve("summary.json"));
        // 3 epochs x 1 sample x 3 phases = 9 solves: 4 checks, and one on the final network
        assertTrue(summary.contains("\"checks\" : 5"), summary);
        assertTrue(summary.contains("\"mismatches\" : 0"), summary);
        // the activation's bend is measured on the solving backend, not counted as a check
        assertTrue(summary.contains("\"largest_diode_share\""), summary);
        String prov = Files.readString(out.resolve("provenance.json"));
        assertTrue(prov.contains("\"simulator\" : \"cosim embedded") && prov.contains("checked by ngspice"), prov);
        assertTrue(r.out().contains("co-simulation: 5 ngspice checks"), r.out());
    }

    /** A sweep whose points use the embedded backend runs on workers that never load ngspice. */
    @Test
    void embeddedSweepNeedsNoNgspice(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sw.yaml"), TINY.replace("name: tiny", "name: sw")
                + "simulator:\n  backend: embedded\nsweep:\n  training.seed: {count: 3}\n");
        CliProcess.Result r = CliProcess.runWithEnv(dir, "EQSPICE_NGSPICE_LIB", "/nonexistent/libngspice.so.0", "sweep",
                "sw.yaml", "--workers", "1");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> rows = Files.readAllLines(dir.resolve("results/sw/points.csv"));
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.stream().skip(1).allMatch(l -> l.contains(",ok,")), rows.toString());
        assertTrue(Files.readString(dir.resolve("results/sw/provenance.json")).contains("\"simulator\" : \"embedded"));
        CsvFiles.assertHeaderFirst(dir.resolve("results/sw"));
    }
}
