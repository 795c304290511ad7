package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void doctorReportsVersionAndKlu(@TempDir Path dir) throws Exception {
        CliProcess.Result r = CliProcess.run(dir, "doctor");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*ngspice\\s+\\d+.*"), r.out());
        assertTrue(r.out().contains("(ngspice used: klu)"), r.out());
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

    private static double value(String out, String name) {
        Matcher m = Pattern.compile("(?m)^\\s+" + name + "\\s+(\\S+)$").matcher(out);
        assertTrue(m.find(), name + " not in\n" + out);
        return Double.parseDouble(m.group(1));
    }
}
