package eqspice.cli;

import eqspice.eqprop.PhaseStrategy;
import eqspice.run.RunService;
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
import java.util.Optional;
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

    @Parameters(paramLabel = "EXPERIMENT", description = "the sweep's experiment file (the coordinator passes it)")
    Path file;

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--worker", required = true)
    int worker;

    @Option(names = "--phases", defaultValue = "auto")
    String phases;

    @Override
    public Integer call() throws IOException {
        Sweep sweep = Sweep.load(file);
        exitWithCoordinator();
        PrintStream protocol = System.out;
        System.setOut(System.err); // only protocol lines on stdout
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Optional<PhaseStrategy> strategy = PhaseStrategy.parseChoice(phases);
        // ngspice is opened for the first point that uses it (an embedded sweep needs none)
        try (RunService service = RunService.forWorker(Main.version())) {
            for (String line; (line = in.readLine()) != null; ) {
                Optional<String> id = WorkerProtocol.requestedId(line);
                if (id.isEmpty()) {
                    continue;
                }
                SweepPoint p = sweep.point(id.get());
                if (id.get().equals(System.getenv(FAULT_HALT_POINT))) {
                    Runtime.getRuntime().halt(134); // test hook: die like an abort (128 + SIGABRT), without answering
                }
                PointOutcome o = PointTrainer.train(service, p, out, strategy, worker);
                protocol.println(WorkerProtocol.result(o));
                protocol.flush();
                if (service.ngspiceExited()) {
                    return 3; // ngspice exited: the coordinator starts a fresh worker
                }
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
