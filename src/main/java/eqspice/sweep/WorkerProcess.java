package eqspice.sweep;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's handle on one worker process. A worker owns one ngspice instance; if it
 * dies (a native crash, ngspice's own exit, a kill), only the point it was running is lost,
 * and the next point starts a fresh worker. Its stderr goes to a log file whose last lines
 * explain a crash.
 */
final class WorkerProcess implements PointExecutor {
    private final int index;
    private final List<String> command;
    private final Path log;
    private Process process;
    private BufferedWriter in;
    private BufferedReader out;

    WorkerProcess(int index, List<String> command, Path log) {
        this.index = index;
        this.command = List.copyOf(command);
        this.log = log;
    }

    int index() {
        return index;
    }

    @Override
    public Optional<PointOutcome> run(SweepPoint point) throws IOException {
        String id = point.id();
        if (process == null || !process.isAlive()) {
            start();
        }
        try {
            in.write(WorkerProtocol.request(id));
            in.newLine();
            in.flush();
        } catch (IOException e) {
            return Optional.empty(); // the worker is gone: its pipe is closed
        }
        for (String line; (line = out.readLine()) != null; ) {
            Optional<PointOutcome> o = WorkerProtocol.parseResult(line);
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    /** Why the worker is gone: its exit status and the last lines of its log. */
    @Override
    public String death() {
        String status = "worker " + index + " died";
        try {
            if (process != null && process.waitFor(10, TimeUnit.SECONDS)) {
                int code = process.exitValue();
                status = code > 128 ? "worker " + index + " was killed by signal " + (code - 128)
                        : "worker " + index + " exited with status " + code;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        return status + tail();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
            return last.isEmpty() ? "" : "; log: " + String.join(" | ", last);
        } catch (IOException e) {
            return "";
        }
    }

    private void start() throws IOException {
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Asks the worker to finish (end of input) and waits for it; kills it if it does not. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
