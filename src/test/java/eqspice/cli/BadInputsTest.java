package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eqspice.ngspice.TestedLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus ({@code src/test/resources/bad-inputs/}, listed in its {@code expected*.tsv}
 * files; a row's optional sixth column prepares the work folder, see {@link BadInputSetup}; a case
 * whose input needs other files, such as a netlist and what it includes, is a folder, named as
 * {@code folder/file}):
 * every malformed experiment, sweep, netlist and option must be refused by the real command line
 * with exit code 2 and its expected message, without a stack trace, without starting any process
 * (a netlist's {@code shell touch pwned} must not create {@code pwned}), and without creating or
 * changing any file in the folder it runs in, its {@code results/} included.
 *
 * <p>Each case runs in a child JVM of its own, as a user would run it: commands that get as far
 * as ngspice open the library, and a JVM can hold only one instance. Bad experiment files fail
 * before the library is loaded, so a case costs about one JVM start; two run at a time.
 */
class BadInputsTest {
    private static final Path CORPUS = Path.of(System.getProperty("user.dir"), "src", "test", "resources", "bad-inputs");

    /** One row of an expected*.tsv; {@code ngspice} is the version condition ("" for all, ">=46", "39"). */
    record Case(String tsv, int line, String file, String command, List<String> args, int exit, String message,
                List<String> setup, String ngspice) {
        /** Whether the row is for the ngspice the suite runs against (major version {@code major}). */
        boolean runsOn(int major) {
            return ngspice.isEmpty() || (ngspice.startsWith(">=") ? major >= Integer.parseInt(ngspice.substring(2))
                    : major == Integer.parseInt(ngspice));
        }

        String label() {
            return tsv + " line " + line + " (" + command + " " + (file.equals("-") ? "" : file + " ")
                    + String.join(" ", args) + (setup.isEmpty() ? "" : "; setup " + String.join(",", setup)) + ")";
        }
    }

    @Test
    void everyBadInputIsRefusedWithItsMessageAndTouchesNothing(@TempDir Path tmp) throws Exception {
        List<Case> all = new ArrayList<>();
        try (Stream<Path> tables = Files.list(CORPUS)) {
            for (Path tsv : tables.filter(p -> p.getFileName().toString().matches("expected.*\\.tsv")).sorted().toList()) {
                all.addAll(read(tsv));
            }
        }
        // A few inputs are refused with a different message by each ngspice version (docs/ngspice-versions.md).
        int major = TestedLibrary.major();
        List<Case> cases = all.stream().filter(c -> c.runsOn(major)).toList();
        all.stream().filter(c -> !c.runsOn(major)).forEach(c -> System.out.println("BadInputsTest: not run on ngspice "
                + TestedLibrary.version() + " (the row is for ngspice " + c.ngspice() + "): " + c.label()));
        assertTrue(cases.size() >= 50, "the corpus should hold at least 50 cases, has " + cases.size());
        // A file in the corpus that no row runs would look tested and not be (on this ngspice too).
        Set<String> used = new TreeSet<>();
        cases.forEach(c -> {
            used.add(c.file().split("/")[0]);
            used.addAll(BadInputSetup.sources(c.setup()));
        });
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> unused = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.matches("expected.*\\.tsv") && !used.contains(n)).sorted().toList();
            assertEquals(List.of(), unused, "corpus files without a row in expected.tsv");
        }
        Path projectResults = Path.of(System.getProperty("user.dir"), "results");
        TreeMap<String, String> projectBefore = snapshot(projectResults);

        List<String> failures = ParallelCases.failures(cases, Case::label,
                (c, k) -> check(c, tmp.resolve("case-" + k)));
        assertEquals(projectBefore, snapshot(projectResults), "the project's results/ folder changed");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " bad inputs were not refused as expected:\n"
                    + String.join("\n\n", failures));
        }
    }

    /** Runs one case; null when it behaved, else what went wrong. */
    private static String check(Case c, Path work) throws Exception {
        Files.createDirectories(work.resolve("results/t"));
        // An earlier run's results: a bad input must neither overwrite nor add to them.
        Files.writeString(work.resolve("results/t/metrics.csv"), "epoch,loss_v2\n1,0.5\n");
        Files.writeString(work.resolve("results/README.md"), "results of earlier runs\n");
        List<String> args = new ArrayList<>();
        args.add(c.command());
        if (!c.file().equals("-")) {
            copyTree(CORPUS.resolve(c.file().split("/")[0]), work.resolve(c.file().split("/")[0]));
            args.add(c.file());
        }
        args.addAll(c.args());
        try (BadInputSetup setup = BadInputSetup.apply(c.setup(), work, CORPUS)) {
            return check(c, work, args, setup);
        }
    }

    private static String check(Case c, Path work, List<String> args, BadInputSetup setup) throws Exception {
        TreeMap<String, String> before = snapshot(work);
        Run r = run(work, args, setup.env, setup.jvmOptions);
        List<String> problems = new ArrayList<>();
        if (r.exit() != c.exit()) {
            problems.add("exit code " + r.exit() + ", expected " + c.exit());
        }
        if (!r.err().contains(c.message())) {
            problems.add("stderr lacks the expected message\n    expected: " + c.message() + "\n    stderr:   "
                    + r.err().strip().replace("\n", "\n              "));
        }
        if (r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("fatal error")) {
            problems.add("stderr shows a stack trace or crash:\n" + r.err());
        }
        if (!r.foreignProcesses().isEmpty()) {
            problems.add("processes other than eqspice ran: " + r.foreignProcesses());
        }
        TreeMap<String, String> after = snapshot(work);
        if (!after.equals(before)) {
            TreeSet<String> changed = new TreeSet<>(after.keySet());
            changed.addAll(before.keySet());
            changed.removeIf(p -> java.util.Objects.equals(before.get(p), after.get(p)));
            problems.add("files were created or changed: " + changed);
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    record Run(int exit, String err, Set<String> foreignProcesses) {
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * Runs eqspice in a child JVM (as {@link CliProcess} does) and watches its descendants while it
     * runs: ngspice is a library inside a JVM (eqspice's own, or the child JVM {@code solve} starts),
     * so any process other than the JDK's own is one a netlist started. Polling can miss a very short
     * process; the marker files the corpus tries to create catch those.
     */
    static Run run(Path work, List<String> args) throws Exception {
        return run(work, args, java.util.Map.of(), List.of());
    }

    /** As {@link #run(Path, List)}, with these variables added to the environment. */
    static Run run(Path work, List<String> args, java.util.Map<String, String> env) throws Exception {
        return run(work, args, env, List.of());
    }

    private static Run run(Path work, List<String> args, java.util.Map<String, String> env, List<String> jvmOptions)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: these runs are short, and two JVMs compiling with C2 on two cores only slow each other.
                "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        Path err = Files.createTempFile("eqspice-bad-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
            pb.environment().remove("EQSPICE_DEBUG"); // it adds stack traces on purpose
            pb.environment().putAll(env);
            Process p = pb.start();
            Set<String> foreign = new TreeSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!p.waitFor(5, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(h -> {
                    String c = command(h);
                    if (c != null && !jdkProcess(c)) {
                        foreign.add(h.pid() + " " + c);
                    }
                });
                if (System.nanoTime() > deadline) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError("did not finish within 120 s");
                }
            }
            return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), foreign);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Every file and folder under a folder, files with SHA-256 and modification time (an absent folder is empty). */
    /** A program of the JDK itself: a JVM eqspice starts ({@code solve}'s child) or the launcher's helper. */
    static boolean jdkProcess(String command) {
        return command.startsWith(System.getProperty("java.home")) || command.equals("(java)")
                || command.equals("(jspawnhelper)");
    }

    /**
     * The process's program; when the JDK cannot tell (a process that has exited and is not yet
     * reaped has no command line), its name in parentheses from {@code /proc/<pid>/stat}; null for a
     * process already gone, which polling cannot name (the corpus's marker files catch those).
     */
    static String command(ProcessHandle h) {
        return h.info().command().orElseGet(() -> {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                return stat.substring(stat.indexOf('('), stat.lastIndexOf(')') + 1);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    static TreeMap<String, String> snapshot(Path dir) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(p -> {
                String key = dir.relativize(p).toString();
                try {
                    files.put(Files.isDirectory(p) ? key + "/" : key, Files.isRegularFile(p)
                            ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                                    + " " + Files.getLastModifiedTime(p) // a rewrite with the same bytes is a change too
                            : "");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return files;
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
            if (header) { // the column names
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 5 || f.length > 7 || f[4].isEmpty() || (f.length == 7 && !f[6].matches("(>=)?\\d+"))) {
                throw new IllegalStateException(tsv.getFileName() + " line " + (k + 1) + ": needs 5 tab-separated "
                        + "columns and a message (and optionally a setup, then an ngspice version: 39, >=46), got "
                        + Arrays.toString(f));
            }
            cases.add(new Case(tsv.getFileName().toString(), k + 1, f[0], f[1],
                    f[2].isEmpty() ? List.of() : List.of(f[2].split("\\|", -1)), Integer.parseInt(f[3]),
                    f[4].replace("{nl}", "\n"), f.length < 6 || f[5].isEmpty() ? List.of() : List.of(f[5].split(",")),
                    f.length == 7 ? f[6] : ""));
        }
        return cases;
    }
}
