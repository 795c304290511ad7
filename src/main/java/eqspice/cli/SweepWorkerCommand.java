package eqspice.cli;

import eqspice.ngspice.NgspiceSession;
import eqspice.sweep.PointOutcome;
import eqspice.sweep.PointTrainer;
import eqspice.sweep.Sweep;
import eqspice.sweep.SweepPoint;
import eqspice.sweep.WorkerProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eqspice sweep-worker}: started by {@code eqspice sweep}, never by hand. Reads point ids
 * from stdin and answers each with its outcome on stdout (see the sweep package's protocol).
 */
@Command(name = "sweep-worker", hidden = true, description = "Internal: one worker process of a sweep.")
final class SweepWorkerCommand implements Callable<Integer> {
    /** Test hook: a worker asked for this point id halts at once (crash isolation tests). */
    static final String FAULT_HALT_POINT = "EQSPICE_FAULT_HALT_POINT";

    @Parameters(paramLabel = "EXPERIMENT")
    Path file;

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--worker", required = true)
    int worker;

    @Override
    public Integer call() throws IOException {
        Sweep sweep = Sweep.load(file);
        exitWithCoordinator();
        PrintStream protocol = System.out;
        System.setOut(System.err); // only protocol lines on stdout
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        NgspiceSession ng = null; // opened for the first point that uses it: an embedded sweep needs no ngspice
        try {
            for (String line; (line = in.readLine()) != null; ) {
                java.util.Optional<String> id = WorkerProtocol.requestedId(line);
                if (id.isEmpty()) {
                    continue;
                }
                SweepPoint p = sweep.point(id.get());
                if (id.get().equals(System.getenv(FAULT_HALT_POINT))) {
                    Runtime.getRuntime().halt(134); // test hook: die like an abort (128 + SIGABRT), without answering
                }
                if (p.experiment().simulator().usesNgspice()) {
                    ng = ng != null ? ng : new NgspiceSession();
                    ng.linearSolver(p.experiment().config().solver()); // provenance names the solver really used
                }
                PointOutcome o = PointTrainer.train(ng, p, out, Main.version(), worker);
                protocol.println(WorkerProtocol.result(o));
                protocol.flush();
                if (ng != null && ng.isDead()) {
                    return 3; // ngspice exited: the coordinator starts a fresh worker
                }
            }
        } finally {
            if (ng != null) {
                ng.close();
            }
        }
        return 0;
    }

    /**
     * A worker whose coordinator was killed must not finish its point: the next run of the
     * sweep would run that point again while the orphan still writes its files.
     */
    private static void exitWithCoordinator() {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        Thread watch = new Thread(() -> {
            while (true) {
                if (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    Runtime.getRuntime().halt(3);
                }
            }
        }, "coordinator-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
