package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eqspice.ngspice.NgspiceProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-netlist corpus ({@code src/test/resources/hostile-netlists/}, listed in its
 * {@code cases.tsv}): netlists that try to run a program, write a file or read one outside their
 * folder. Each tries to create a marker file (the path is in the environment variable
 * {@code hostile_marker}, which ngspice expands like its own variables). For each:
 * <ul>
 *   <li>{@code eqspice solve} refuses it with its message (exit 2) or neutralises it (the circuit
 *   solves, exit 0), creates no marker, changes no file, starts no process but its own JVMs;</li>
 *   <li>the {@code ngspice -b} program, run the same way, creates the marker where the row says
 *   {@code marker}, and does not where it says {@code inert} (and why): so the corpus stays real
 *   as ngspice changes, both ways.</li>
 * </ul>
 * Each run gets a fresh copy of the corpus in its own folder, the netlists in {@code net/} and
 * {@code outside/} beside it (what {@code ../} reaches), and runs in the netlist's folder, as a
 * designer who was sent the folder would run it.
 */
class HostileNetlistsTest {
    private static final Path CORPUS = Path.of(System.getProperty("user.dir"), "src", "test", "resources",
            "hostile-netlists");
    private static final String MARKER_VARIABLE = "hostile_marker";

    /** One row of cases.tsv. */
    record Case(int line, String file, String eqspice, String ngspice, String what) {
        String label() {
            return "cases.tsv line " + line + " (" + file + ": " + what + ")";
        }
    }

    @Test
    void everyHostileNetlistIsRefusedOrNeutralisedAndTheAttackIsRealInNgspice(@TempDir Path tmp) throws Exception {
        Path ngspice = NgspiceProgram.find().orElseThrow(() -> new AssertionError(
                "the ngspice program is needed to check that the corpus attacks ngspice (ngspice-native/install.sh)"));
        List<Case> cases = read(CORPUS.resolve("cases.tsv"));
        assertTrue(cases.size() >= 30, "the corpus should hold at least 30 netlists, has " + cases.size());
        Set<String> listed = new TreeSet<>();
        cases.forEach(c -> listed.add(c.file()));
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            List<String> unlisted = walk.map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".cir") && !listed.contains(n)).sorted().toList();
            assertEquals(List.of(), unlisted, "netlists without a row in cases.tsv");
        }
        long markers = cases.stream().filter(c -> c.ngspice().equals("marker")).count();
        assertTrue(markers >= 30, "at least 30 netlists should really attack ngspice, " + markers + " do");

        List<String> failures = ParallelCases.failures(cases, Case::label, (c, k) -> {
            Path dir = tmp.resolve("case-" + k);
            List<String> problems = new ArrayList<>(inNgspice(ngspice, c, dir.resolve("ngspice")));
            problems.addAll(inEqspice(c, dir.resolve("eqspice")));
            return problems.isEmpty() ? null : String.join("; ", problems);
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " hostile netlists did not behave as cases.tsv says:\n"
                    + String.join("\n\n", failures));
        }
    }

    @Test
    void noEqspiceCommandStartsNgspiceInAFolderWithAStartupScript(@TempDir Path tmp) throws Exception {
        // ngSpice_Init runs ./.spiceinit: a folder someone sent could run programs through any command
        // that opens ngspice there, not only through solve.
        Path net = setUp(tmp, "startup/plain.cir").getParent();
        String experiment = "network:\n  preset: kiraz-case1\ntask:\n  name: kiraz-case1\n"
                + "training:\n  alpha: 1.0e-6\n  beta: 1.0e-3\n  epochs: 1\n  seed: 5\n";
        Files.writeString(net.resolve("t.yaml"), "name: t\n" + experiment);
        Files.writeString(net.resolve("s.yaml"), "name: s\n" + experiment + "sweep:\n  training.seed: [1, 2]\n");
        for (List<String> command : List.of(List.of("run", "t.yaml"), List.of("sweep", "s.yaml", "--workers", "1"))) {
            TreeMap<String, String> before = BadInputsTest.snapshot(tmp);
            BadInputsTest.Run r = BadInputsTest.run(net, command, marker(tmp));
            assertEquals(2, r.exit(), command + ": " + r.err());
            assertTrue(r.err().contains(net.resolve(".spiceinit") + " exists: ngspice would run it as commands when it "
                    + "starts; eqspice does not start ngspice in this folder"), r.err());
            assertFalse(Files.exists(tmp.resolve("MARKER")));
            assertEquals(before, BadInputsTest.snapshot(tmp), command + ": nothing written, results/ included");
            assertEquals(Set.of(), r.foreignProcesses());
        }
    }

    /** Runs {@code ngspice -b} on the case: the marker must appear exactly when the row says "marker". */
    private static List<String> inNgspice(Path ngspice, Case c, Path dir) throws Exception {
        Path netlist = setUp(dir, c.file());
        ProcessBuilder pb = new ProcessBuilder(ngspice.toString(), "-b", netlist.getFileName().toString())
                .directory(netlist.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("ngspice.out").toFile());
        pb.environment().putAll(marker(dir));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return List.of("ngspice -b did not finish within 60 s");
        }
        boolean made = Files.exists(dir.resolve("MARKER"));
        boolean expected = c.ngspice().equals("marker");
        if (made == expected) {
            return List.of();
        }
        return List.of("ngspice -b " + (made ? "created the marker, but the row says " + c.ngspice()
                : "did not create the marker (the attack no longer works there: update the corpus); its output:\n"
                + Files.readString(dir.resolve("ngspice.out"), StandardCharsets.ISO_8859_1).strip()));
    }

    /** Runs {@code eqspice solve} on the case: refused or solved as the row says, and nothing else happens. */
    private static List<String> inEqspice(Case c, Path dir) throws Exception {
        Path netlist = setUp(dir, c.file());
        TreeMap<String, String> before = BadInputsTest.snapshot(dir);
        BadInputsTest.Run r = BadInputsTest.run(netlist.getParent(), List.of("solve",
                netlist.getFileName().toString()), marker(dir));
        List<String> problems = new ArrayList<>();
        boolean solved = c.eqspice().equals("solved");
        if (r.exit() != (solved ? 0 : 2)) {
            problems.add("eqspice solve exited " + r.exit() + ", expected " + (solved ? 0 : 2) + "; stderr: " + r.err());
        }
        if (!solved && !r.err().contains(c.eqspice().substring("refused:".length()))) {
            problems.add("stderr lacks '" + c.eqspice().substring("refused:".length()) + "': " + r.err().strip());
        }
        if (r.err().contains("Exception") || r.err().contains("\tat ")) {
            problems.add("a stack trace: " + r.err());
        }
        if (Files.exists(dir.resolve("MARKER"))) {
            problems.add("THE MARKER WAS CREATED: the attack worked through eqspice");
        }
        if (!r.foreignProcesses().isEmpty()) {
            problems.add("processes other than eqspice's JVMs ran: " + r.foreignProcesses());
        }
        TreeMap<String, String> after = BadInputsTest.snapshot(dir);
        if (!after.equals(before)) {
            TreeSet<String> changed = new TreeSet<>(after.keySet());
            changed.addAll(before.keySet());
            changed.removeIf(p -> java.util.Objects.equals(before.get(p), after.get(p)));
            problems.add("files were created or changed: " + changed);
        }
        return problems;
    }

    private static Map<String, String> marker(Path dir) {
        return Map.of(MARKER_VARIABLE, dir.resolve("MARKER").toString());
    }

    /** A fresh copy of the corpus under {@code dir}: netlists in {@code net/}, {@code outside/}'s files in {@code dir}. */
    private static Path setUp(Path dir, String file) throws IOException {
        Files.createDirectories(dir.resolve("net"));
        try (Stream<Path> top = Files.list(CORPUS)) {
            for (Path p : top.toList()) {
                String name = p.getFileName().toString();
                if (name.equals("outside")) {
                    BadInputsTest.copyTree(p, dir);
                } else if (!name.equals("cases.tsv")) {
                    BadInputsTest.copyTree(p, dir.resolve("net").resolve(name));
                }
            }
        }
        return dir.resolve("net").resolve(file);
    }

    private static List<Case> read(Path tsv) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        boolean header = true;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4 || !(f[1].equals("solved") || f[1].startsWith("refused:"))
                    || !(f[2].equals("marker") || f[2].startsWith("inert: "))) {
                throw new IllegalStateException("cases.tsv line " + (k + 1) + ": needs file, solved|refused:<message>, "
                        + "marker|inert: <why>, what");
            }
            cases.add(new Case(k + 1, f[0], f[1], f[2], f[3]));
        }
        return cases;
    }
}
