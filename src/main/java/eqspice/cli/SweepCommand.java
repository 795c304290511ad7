package eqspice.cli;

import eqspice.eqprop.PhaseStrategy;
import eqspice.experiment.Experiment;
import eqspice.results.Provenance;
import eqspice.results.ResultsFolderLock;
import eqspice.run.Backends;
import eqspice.run.ChildJvm;
import eqspice.run.RunService;
import eqspice.simulate.SimulatorInfo;
import eqspice.sweep.Shard;
import eqspice.sweep.Sweep;
import eqspice.sweep.SweepEstimate;
import eqspice.sweep.SweepFolder;
import eqspice.sweep.SweepLedger;
import eqspice.sweep.SweepProgress;
import eqspice.sweep.SweepRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eqspice sweep experiment.yaml}: every point of the experiment's sweep, on all cores, resumable. */
@Command(name = "sweep", description = {"Run every point of an experiment's sweep: section on N worker processes.",
    "points.csv gets one row per finished point; running the same command again resumes where it stopped."})
final class SweepCommand implements Callable<Integer> {
    static final String DEFAULT_WORKER_JAVA_OPTS = "-XX:+UseParallelGC -Xmx1g -XX:TieredStopAtLevel=1";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "experiment file with a sweep: section")
    Path file;

    @Option(names = "--workers", paramLabel = "N", description = "worker processes (default: the number of cores)")
    Integer workers;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/<experiment name>)")
    Path out;

    @Option(names = "--shard", paramLabel = "i/n", description = {"run only shard i of n (0-based; stable by point id), "
        + "writing points-shard-i-of-n.csv; combine the shards with eqspice merge"})
    String shard;

    @Option(names = "--phases", defaultValue = "auto", paramLabel = "STRATEGY", description = {"how the points' "
        + "phases are solved, as in eqspice run (default ${DEFAULT-VALUE})"})
    String phases;

    @Option(names = "--dry-run", description = {"write nothing: print the points, and the time and disk the sweep "
        + "would take, estimated by training up to 3 of its points for up to 5 epochs in a scratch folder"})
    boolean dryRun;

    @Override
    public Integer call() {
        Optional<PhaseStrategy> strategy = PhaseStrategy.parseChoice(phases); // a typo is an error here, not in every worker
        Sweep whole = Sweep.load(file);
        Shard part = shard == null ? null : Shard.parse(shard);
        Sweep sweep = part == null ? whole : whole.shard(part);
        if (sweep.points().isEmpty()) {
            spec.commandLine().getOut().println("shard " + shard + " has no points of this sweep; nothing to do");
            return 0;
        }
        int n = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            // Checked here too, not only by SweepRunner: by then the ledger would already be in the results folder.
            throw new IllegalArgumentException("--workers must be >= 1, got " + n);
        }
        Path dir = out != null ? out : Path.of("results", sweep.name());
        PrintWriter stdout = spec.commandLine().getOut();
        if (dryRun) {
            stdout.printf(Locale.ROOT, "sweep %s (dry run, nothing written to %s): %d axes: %s%n", sweep.name(), dir,
                    sweep.axes().size(), sweep.axes().stream().map(a -> a.field() + " (" + a.values().size() + ")")
                            .collect(java.util.stream.Collectors.joining(", ")));
            stdout.flush();
            estimate(sweep, n, strategy).lines().forEach(stdout::println);
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        sweep.points().forEach(p -> Backends.preflight(p.experiment().simulator()));
        // checked and locked before anything is written: a second sweep into the folder stops here
        try (ResultsFolderLock lock = SweepFolder.take(dir, whole, part, "eqspice sweep " + file
                + (part == null ? "" : " --shard " + shard), note -> err.println("eqspice: " + note))) {
            Provenance prov = Provenance.of(Main.version(), simulatorInfo(sweep),
                    sweep.points().get(0).experiment().config().solver(),
                    sweep.points().get(0).experiment().config().seed(), file.toString(), sweep.sha256());
            String suffix = part == null ? "" : part.suffix();
            SweepLedger ledger = new SweepLedger(dir, "provenance" + suffix + ".json", whole, prov, n);
            stdout.printf(Locale.ROOT, "sweep %s: %d axes, %d points, %d workers, %s; results in %s%n", sweep.name(),
                    sweep.axes().size(), sweep.points().size(), n, prov.simulator(), dir);
            stdout.flush();
            SweepProgress progress = new SweepProgress(System.err, System.console() != null, 5);
            SweepRunner.Summary s = new SweepRunner(sweep, dir, n, SweepRunner.processes(dir,
                    w -> workerCommand(file, dir, w, phases)), progress, "points" + suffix + ".csv").run();
            ledger.finish(s);
            stdout.printf(Locale.ROOT, "%d points: %d already done, %d run now (%d failed) in %.1f s; table: %s%n",
                    s.planned(), s.skipped(), s.ran(), s.failed(), s.seconds(), dir.resolve("points" + suffix + ".csv"));
            stdout.println(s.recoveries().isEmpty() ? "no phase needed the convergence recovery ladder"
                    : "phases solved by a recovery rung: " + s.recoveries());
            return s.failed() == 0 ? 0 : 1;
        }
    }

    private static SweepEstimate estimate(Sweep sweep, int workers, Optional<PhaseStrategy> strategy) {
        Path scratch = null;
        try (RunService service = RunService.open(Main.version())) {
            scratch = Files.createTempDirectory("eqspice-dry-run");
            return SweepEstimate.calibrate(sweep, workers, service, strategy, scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch folder for the calibration: " + e.getMessage(), e);
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("eqspice: could not remove the scratch folder " + root + ": " + e.getMessage());
        }
    }

    /** The command line of worker process {@code index}: this same program, as {@code sweep-worker}. */
    static List<String> workerCommand(Path file, Path dir, int index, String phases) {
        // Measured (bench sweep): with one worker per core, two JVMs compiling with C2 at once cost more than C2
        // gains on these short points; C1 only gave 1.5x instead of 0.9-1.3x on 2 cores. EQSPICE_WORKER_JAVA_OPTS
        // replaces the options (they are arguments, no shell is involved).
        String opts = System.getenv().getOrDefault("EQSPICE_WORKER_JAVA_OPTS", DEFAULT_WORKER_JAVA_OPTS);
        List<String> javaOptions = new ArrayList<>();
        for (String o : opts.trim().split("\\s+")) {
            if (!o.isEmpty()) {
                javaOptions.add(o);
            }
        }
        return ChildJvm.command(javaOptions, List.of("sweep-worker", file.toAbsolutePath().toString(), "--out",
                dir.toAbsolutePath().toString(), "--worker", Integer.toString(index), "--phases", phases));
    }

    /**
     * What solves the sweep's points, for the sweep's provenance: the first point's backend
     * (ngspice is opened only when a point uses it, to name the linear solver it really uses),
     * and every backend when the points use several (each point's own provenance names its own).
     */
    private static SimulatorInfo simulatorInfo(Sweep sweep) {
        Set<String> backends = new TreeSet<>();
        sweep.points().forEach(p -> backends.add(p.experiment().simulator().backend().id()));
        Experiment first = sweep.points().get(0).experiment();
        boolean ngspice = sweep.points().stream().anyMatch(p -> p.experiment().simulator().usesNgspice());
        try (RunService service = RunService.open(Main.version())) {
            SimulatorInfo info = service.simulatorInfo(first.simulator(), first.config().solver(), ngspice);
            return backends.size() == 1 ? info : new SimulatorInfo("per point (" + String.join(", ", backends)
                    + "), first", info.backend() + " " + info.version(), info.solver(), info.location());
        }
    }
}
