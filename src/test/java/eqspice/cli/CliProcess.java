package eqspice.cli;

import eqspice.run.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code eqspice} entry point in a child JVM: each command opens its own
 * ngspice instance, and libngspice allows one per process (the test JVM has its own).
 */
final class CliProcess {
    record Result(int exitCode, String out, String err) {
    }

    private CliProcess() {
    }

    static Result run(Path workDir, String... args) throws Exception {
        return runWithEnv(workDir, null, null, args);
    }

    static Result runWithEnv(Path workDir, String envName, String envValue, String... args) throws Exception {
        List<String> cmd = ChildJvm.command(List.of(), List.of(args));
        Path out = Files.createTempFile("eqspice-out", ".txt");
        Path err = Files.createTempFile("eqspice-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (envName != null) {
                pb.environment().put(envName, envValue);
            }
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("eqspice " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
