package eqspice.ngspice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The stand-alone {@code ngspice} program, used as the reference that exported netlists and
 * benchmarks are compared against (a designer runs exactly this).
 */
public final class NgspiceProgram {
    private NgspiceProgram() {
    }

    /** What a batch run printed and how long it took. */
    public record BatchRun(List<String> output, int exitCode, double seconds) {
        public BatchRun {
            output = List.copyOf(output);
        }
    }

    /** The program's absolute path: {@code EQSPICE_NGSPICE_BIN}, else the first {@code ngspice} on PATH. */
    public static Optional<Path> find() {
        String env = System.getenv("EQSPICE_NGSPICE_BIN");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "ngspice");
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** One line for {@code eqspice doctor}: path and version, or how to install it. */
    public static String describe() {
        Optional<Path> p = find();
        if (p.isEmpty()) {
            return "not found (ngspice-native/install.sh installs it; needed only to check exported netlists)";
        }
        try {
            BatchRun r = run(List.of(p.get().toString(), "--version"), null, 30);
            String v = r.output().stream().filter(l -> l.contains("ngspice-")).findFirst().orElse("version unknown");
            return p.get() + " (" + v.replace("*", "").strip() + ")";
        } catch (IOException e) {
            return p.get() + " (cannot run: " + e.getMessage() + ")";
        }
    }

    /**
     * Runs {@code ngspice -b netlist} in the netlist's folder and returns its output.
     *
     * @throws IOException when the program is missing, cannot start, or runs past the timeout
     */
    public static BatchRun batch(Path netlist, long timeoutSeconds) throws IOException {
        Path exe = find().orElseThrow(() -> new IOException(
                "the ngspice program is not installed: run ngspice-native/install.sh"));
        Path abs = netlist.toAbsolutePath();
        return run(List.of(exe.toString(), "-b", abs.toString()), abs.getParent(), timeoutSeconds);
    }

    private static BatchRun run(List<String> cmd, Path dir, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " ran longer than " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new BatchRun(new ArrayList<>(new String(out, StandardCharsets.UTF_8).lines().toList()), p.exitValue(), seconds);
    }
}
