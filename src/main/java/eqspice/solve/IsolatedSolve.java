package eqspice.solve;

import eqspice.netlist.ReadNetlist;
import eqspice.simulate.ConvergenceException;
import eqspice.simulate.NetlistException;
import eqspice.simulate.SimulationException;
import eqspice.simulate.SimulatorUnavailableException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Solves a netlist from outside in a child JVM of its own ({@link SolveChild}), so that what the
 * netlist does to ngspice stays there: a native crash (ngspice 46 dies on a recursive
 * {@code .func}) or a solve that runs for many minutes ends in a message naming the netlist, not
 * in a dead JVM, and the caller's process never loads the library. The child runs in an empty
 * temporary folder, writes its JVM crash report there ({@code -XX:ErrorFile}, no core dump) and
 * the folder is removed afterwards: nothing lands in the user's folder.
 */
public final class IsolatedSolve {
    /** The default time limit: far above a DC solve of the largest netlists eqspice writes (seconds). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** The longest time limit accepted. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    /** "line 7" in ngspice's messages. */
    private static final Pattern NGSPICE_LINE = Pattern.compile("\\bline (\\d{1,9})\\b");

    private IsolatedSolve() {
    }

    /**
     * Solves the operating point of {@code netlist} in a child process.
     *
     * @throws NetlistException ngspice refused the netlist (its lines in the message)
     * @throws ConvergenceException the operating point did not converge
     * @throws SolveProcessException the child crashed or ran past {@code timeout}
     * @throws SimulatorUnavailableException ngspice could not be started
     */
    public static SolveResult solve(ReadNetlist netlist, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the time limit must be between 1 s and " + MAX_TIMEOUT.toHours()
                    + " h, got " + timeout.toSeconds() + " s");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("eqspice-solve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the solving process: " + e.getMessage(),
                    e);
        }
        try {
            return run(netlist, timeout, dir);
        } finally {
            deleteTree(dir);
        }
    }

    /** The child's command line: this JVM's java and class path, crash reports and core dumps kept in {@code dir}. */
    static List<String> command(Path dir) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), "-XX:-CreateCoredumpOnCrash",
                // One short solve: C1 only and the serial collector start fastest.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), SolveChild.class.getName());
    }

    private static SolveResult run(ReadNetlist netlist, Duration timeout, Path dir) {
        String source = netlist.source();
        Process p;
        try {
            p = new ProcessBuilder(command(dir)).directory(dir.toFile())
                    .redirectError(dir.resolve("child-stderr.log").toFile()).start();
        } catch (IOException e) {
            throw new SimulatorUnavailableException("cannot start the process that solves " + source + ": "
                    + e.getMessage(), e);
        }
        Thread stopOnExit = new Thread(() -> stop(p), "stop-solve-child");
        Runtime.getRuntime().addShutdownHook(stopOnExit); // Ctrl-C on eqspice stops the child too
        List<String> answer = new ArrayList<>();
        Thread writer = new Thread(() -> send(p, netlist), "solve-request");
        Thread reader = new Thread(() -> collect(p, answer), "solve-answer");
        writer.start();
        reader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p);
                reader.join(5000);
                throw new SolveProcessException(String.format(Locale.ROOT, "%s: not solved within %d s (while %s); "
                        + "the solving process was stopped. A netlist that needs longer can be given more time with "
                        + "--timeout SECONDS", source, timeout.toSeconds(), stage(read(answer))), List.of());
            }
            reader.join(5000);
            writer.join(5000);
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new SolveProcessException(source + ": interrupted while solving", List.of());
        } finally {
            removeHook(stopOnExit);
        }
        SolveProtocol.Answer a = read(answer);
        if (a.result() != null) {
            return a.result();
        }
        if (a.failure() != null) {
            throw rebuild(netlist, a.failure());
        }
        throw new SolveProcessException(crashed(source, p.exitValue(), stage(a), dir), List.of());
    }

    private static SimulationException rebuild(ReadNetlist netlist, SolveProtocol.Failure f) {
        String msg = netlist.source() + ": " + f.headline();
        return switch (f.kind()) {
            case NETLIST -> new NetlistException(msg, withOrigins(netlist, f.log()));
            case CONVERGENCE -> new ConvergenceException(msg, withOrigins(netlist, f.log()));
            case UNAVAILABLE -> new SimulatorUnavailableException(msg, f.log());
            case REFUSED, OTHER -> new SolveProcessException(msg, f.log());
        };
    }

    /**
     * ngspice numbers the lines it was given; where its log names one, a line is added saying which
     * file and line of the user's netlist that is (comments and includes shift the numbers).
     */
    static List<String> withOrigins(ReadNetlist netlist, List<String> log) {
        List<String> out = new ArrayList<>(log);
        Set<Integer> named = new TreeSet<>();
        for (String l : log) {
            Matcher m = NGSPICE_LINE.matcher(l);
            while (m.find()) {
                named.add(Integer.parseInt(m.group(1)));
            }
        }
        for (int n : named) {
            netlist.origin(n).ifPresent(o -> out.add("(ngspice's line " + n + " is " + o + ")"));
        }
        return out;
    }

    private static SolveProtocol.Answer read(List<String> answer) {
        synchronized (answer) {
            return SolveProtocol.read(List.copyOf(answer));
        }
    }

    /** What the child was doing last, from its stage lines. */
    private static String stage(SolveProtocol.Answer a) {
        return switch (a.stage()) {
            case "loading" -> "loading the netlist";
            case "solving" -> "solving its operating point";
            default -> a.stage();
        };
    }

    /** The message for a child that ended without an answer: the signal, the crash report's frame, the stage. */
    static String crashed(String source, int exit, String stage, Path dir) {
        String how = exit > 128 ? "was killed by signal " + (exit - 128) + signalName(exit - 128)
                : "exited with status " + exit;
        String frame = crashFrame(dir);
        return source + ": the process solving it " + how + " while " + stage + frame + ", without an answer: "
                + "ngspice crashed on this netlist (a recursive .func or .param is one known cause). Nothing was solved; "
                + "the crash report was discarded with the process's temporary folder.";
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 4 -> " (SIGILL)";
            case 6 -> " (SIGABRT)";
            case 7 -> " (SIGBUS)";
            case 8 -> " (SIGFPE)";
            case 9 -> " (SIGKILL)";
            case 11 -> " (SIGSEGV)";
            default -> "";
        };
    }

    /** ", SIGSEGV in libngspice.so.0" from a JVM crash report in {@code dir}, or empty. */
    private static String crashFrame(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Optional<Path> report = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).findFirst();
            if (report.isEmpty()) {
                return "";
            }
            String signal = "";
            String library = "";
            for (String l : Files.readAllLines(report.get(), StandardCharsets.UTF_8)) {
                if (signal.isEmpty() && l.startsWith("#  SIG")) {
                    signal = l.substring(3).split(" ")[0];
                }
                if (library.isEmpty() && l.startsWith("# C  [")) {
                    library = l.substring(6).split("[+\\]]")[0];
                }
            }
            return signal.isEmpty() ? "" : " (" + signal + (library.isEmpty() ? "" : " in " + library) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void send(Process p, ReadNetlist netlist) {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
            for (String s : netlist.statements()) {
                w.write(s);
                w.write('\n');
            }
        } catch (IOException e) {
            // the child is gone before it read the request; its exit status tells why
        }
    }

    private static void collect(Process p, List<String> answer) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(SolveProtocol.PREFIX)) {
                    synchronized (answer) {
                        answer.add(line);
                    }
                }
            }
        } catch (IOException e) {
            // the child was stopped; what it said so far is kept
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and stops the child
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a file left in the system's temporary folder is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
