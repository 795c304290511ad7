package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.ngspice.TestedLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OutOfMemoryError nobody foresaw (a network within the limits, a heap far too small for
 * it) ends in exit code 2 and one line naming the command and how to give Java more memory,
 * never a stack trace.
 */
class OutOfMemoryTest {
    @Test
    void anExhaustedHeapIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        // 100 doubled inputs + bias -> 1000 -> 20 output nodes: 221,020 conductances, within the limits
        String x = String.join(", ", Collections.nCopies(100, "0.1"));
        String y = String.join(", ", Collections.nCopies(10, "0.5"));
        Files.writeString(dir.resolve("wide.yaml"), "name: wide\nnetwork:\n  inputs: 100\n  hidden: [1000]\n"
                + "  outputs: 10\ntask:\n  samples: [{x: [" + x + "], y: [" + y + "]}]\ntraining:\n  alpha: 1.0e-9\n"
                + "  beta: 1.0e-6\n  epochs: 1\n");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "wide.yaml", "--out", "out")).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), text);
        // one line; on a library without KLU (39.3) the run first says once that sparse is used (docs/ngspice-versions.md)
        List<String> notes = TestedLibrary.hasKlu() ? List.of()
                : List.of("klu: not available in ngspice " + TestedLibrary.version() + " (sparse used)");
        List<String> lines = text.lines().toList();
        assertEquals(notes.size() + 1, lines.size(), "one line: " + text);
        assertEquals(notes, lines.subList(0, notes.size()), text);
        text = lines.get(notes.size());
        assertTrue(text.startsWith("eqspice: out of memory: what 'eqspice run wide.yaml --out ...' loads (its network, "
                + "data or a file it reads) is too big for the "), text);
        assertTrue(text.contains("e.g. EQSPICE_JAVA_OPTS=-Xmx"), text);
        assertFalse(text.contains("\tat ") || text.contains("Exception") || text.contains("Error"), text);
        assertFalse(Files.exists(dir.resolve("out/summary.json")), "a run that ran out of memory did not finish");
    }
}
