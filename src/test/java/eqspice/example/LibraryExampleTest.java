package eqspice.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.run.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/architecture.md's example: the page shows exactly {@link TrainKiraz}'s code, and that
 * code, run, trains the same network as {@code eqspice run experiments/kiraz-case1.yaml}
 * (the same conductances, digit for digit). Both run in child JVMs: each loads its own ngspice,
 * which the test JVM's shared instance would otherwise refuse.
 */
class LibraryExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/eqspice/example/TrainKiraz.java");
    private static final Path PAGE = Path.of("docs/architecture.md");

    @Test
    void thePageShowsExactlyTheExampleThatRuns() throws Exception {
        List<String> code = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int from = indexOf(code, "// example:start") + 1;
        int to = indexOf(code, "// example:end");
        int indent = code.get(from).indexOf(code.get(from).trim());
        String example = code.subList(from, to).stream().map(l -> l.substring(Math.min(indent, l.length())))
                .collect(Collectors.joining("\n"));
        assertTrue(to - from >= 10 && to - from <= 15, "10 to 15 lines, got " + (to - from));
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        assertTrue(page.contains("```java\n" + example + "\n```"), "docs/architecture.md must show this code:\n"
                + example);
    }

    @Test
    void theExampleTrainsTheNetworkTheCommandLineTrains(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrainKiraz.class.getName()));
        Path out = dir.resolve("example.out");
        Path err = dir.resolve("example.err");
        run(new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()), err);
        assertTrue(Files.readString(err).contains("converged at epoch 12"), Files.readString(err));
        List<String> library = Files.readAllLines(out).stream().filter(l -> l.matches("\\d+,\\d+,\\d+,r\\w+,.*"))
                .toList();
        assertEquals(12, library.size(), "12 conductances: " + Files.readString(out));

        Path cliLog = dir.resolve("cli.log");
        run(new ProcessBuilder(ChildJvm.command(List.of(), List.of("run", "experiments/kiraz-case1.yaml", "--quiet",
                "--out", dir.resolve("cli").toString()))).redirectErrorStream(true).redirectOutput(cliLog.toFile()),
                cliLog);
        List<String> cli = Files.readAllLines(dir.resolve("cli/conductances.csv")).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("layer,")).toList();
        assertEquals(cli, library);
    }

    private static void run(ProcessBuilder pb, Path log) throws Exception {
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + pb.command());
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).trim().equals(marker)) {
                return k;
            }
        }
        throw new AssertionError(marker + " is missing from " + SOURCE);
    }
}
