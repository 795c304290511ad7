package eqspice.sweep;

import eqspice.study.Attribution;
import eqspice.study.Study;
import eqspice.results.IoFailures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

/**
 * Runs the unfinished points of a sweep on N worker processes (one ngspice each) and appends
 * every outcome to {@code points.csv} as it arrives. Points already in the table are skipped,
 * which is how a killed sweep resumes.
 */
public final class SweepRunner {
    /** What a run of the sweep did. */
    public record Summary(int planned, int skipped, int ran, int failed, double seconds,
                          Map<String, Integer> recoveries) {
        public Summary {
            recoveries = Map.copyOf(recoveries);
        }
    }

    private final Map<String, Integer> recoveries = new TreeMap<>();
    private String stopCause; // the storage failure that stopped the sweep, guarded by this

    private final Sweep sweep;
    private final Path dir;
    private final int workers;
    private final IntFunction<PointExecutor> executors;
    private final SweepProgress progress;
    private final Path table;

    /**
     * @param executors makes executor {@code n} (see {@link #processes} and {@link LibraryCopyWorker})
     */
    public SweepRunner(Sweep sweep, Path dir, int workers, IntFunction<PointExecutor> executors,
                       SweepProgress progress) {
        this(sweep, dir, workers, executors, progress, pointsFile(dir).getFileName().toString());
    }

    /** The same runner writing its rows to another file of the folder (a shard's own table). */
    public SweepRunner(Sweep sweep, Path dir, int workers, IntFunction<PointExecutor> executors,
                       SweepProgress progress, String tableName) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
        }
        this.sweep = sweep;
        this.dir = dir;
        this.workers = workers;
        this.executors = executors;
        this.progress = progress;
        this.table = dir.resolve(tableName);
    }

    /** Worker processes started by {@code commands} (worker n's command line), logging into {@code dir/workers}. */
    public static IntFunction<PointExecutor> processes(Path dir, IntFunction<List<String>> commands) {
        return n -> new WorkerProcess(n, commands.apply(n), dir.resolve("workers").resolve("worker-" + n + ".log"));
    }

    /** The table's file in a sweep's results folder. */
    public static Path pointsFile(Path dir) {
        return dir.resolve("points.csv");
    }

    /**
     * The study's points.csv columns: none when no point has a {@code study:} section, else for the
     * deepest network of the whole sweep, also in a shard (a network.hidden axis changes the number of crossbars).
     */
    static List<String> studyColumns(Sweep sweep) {
        List<Study> studies = sweep.points().stream().flatMap(p -> p.experiment().study().stream()).toList();
        if (studies.isEmpty()) {
            return List.of();
        }
        boolean gradient = studies.stream().anyMatch(Study::gradientCheck);
        return Attribution.columns(sweep.deepestNetwork(), new Study(true, gradient, Study.DEFAULT_MAX_CONDUCTANCES));
    }

    /**
     * Runs the points not yet in the table.
     *
     * @throws IllegalStateException when a failure of the machine's storage (a full disk, a
     *         read-only folder) stopped the sweep: the message names the cause and the folder;
     *         the points that did not finish have no row, so running the sweep again runs them
     */
    public Summary run() {
        long t0 = System.nanoTime();
        try (PointsTable table = new PointsTable(this.table, sweep)) {
            Set<String> done = table.finished();
            ConcurrentLinkedQueue<SweepPoint> queue = new ConcurrentLinkedQueue<>();
            sweep.points().stream().filter(p -> !done.contains(p.id())).forEach(queue::add);
            int skipped = sweep.points().size() - queue.size();
            if (table.rejected() > 0) {
                progress.note(table.rejected() + " row(s) of " + this.table.getFileName() + " failed the checks and "
                        + "were moved to " + PointsTable.rejectedFile(this.table).getFileName() + " with the reason; "
                        + "their points run again");
            }
            progress.start(sweep.points().size(), skipped);
            int[] ran = new int[1];
            int[] failed = new int[1];
            List<Thread> threads = new ArrayList<>();
            List<RuntimeException> errors = new ArrayList<>();
            for (int w = 0; w < Math.min(workers, Math.max(1, queue.size())); w++) {
                int index = w;
                Thread t = new Thread(() -> {
                    try {
                        drive(index, queue, table, ran, failed);
                    } catch (RuntimeException e) {
                        if (IoFailures.cause(e).isPresent()) {
                            stop(e.getMessage(), queue);
                        } else {
                            synchronized (errors) {
                                errors.add(e);
                            }
                        }
                    }
                }, "sweep-worker-" + w);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            progress.finish();
            if (stopCause != null) {
                int missing = sweep.points().size() - skipped - ran[0];
                throw new IllegalStateException("the sweep stopped: " + stopCause + ". Results folder " + dir + ": "
                        + ran[0] + " point(s) finished now and are in " + this.table.getFileName() + "; " + missing
                        + " point(s) did not finish and have no row: fix the cause (free space on the disk) and run "
                        + "the same command again to run exactly those");
            }
            if (!errors.isEmpty()) {
                throw errors.get(0);
            }
            return new Summary(sweep.points().size(), skipped, ran[0], failed[0], (System.nanoTime() - t0) / 1e9,
                    recoveries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops handing out points: the storage failed, and every further point would fail the same way. */
    private synchronized void stop(String cause, ConcurrentLinkedQueue<SweepPoint> queue) {
        if (stopCause == null) {
            stopCause = cause;
            progress.note("stopping: " + cause + "; the points running now finish, no new point starts");
        }
        queue.clear();
    }

    private void drive(int index, ConcurrentLinkedQueue<SweepPoint> queue, PointsTable table, int[] ran, int[] failed) {
        try (PointExecutor worker = executors.apply(index)) {
            for (SweepPoint p; (p = queue.poll()) != null; ) {
                long t0 = System.nanoTime();
                Optional<PointOutcome> o = worker.run(p);
                PointOutcome outcome;
                if (o.isPresent()) {
                    outcome = o.get();
                } else {
                    // The worker died (native crash, ngspice exit, kill): one retry on a fresh worker,
                    // since a stray fault should not cost a point, but a point that kills every worker must end.
                    String first = worker.death();
                    progress.note("point " + p.id() + ": " + first + "; retrying once on a fresh worker");
                    Optional<PointOutcome> again = worker.run(p);
                    outcome = again.isPresent() ? again.get() : PointOutcome.failed(p.id(), index,
                            (System.nanoTime() - t0) / 1e9, worker.death() + " (retried once; first: " + first + ")");
                }
                if (!outcome.finished()) {
                    stop("point " + p.id() + ": " + outcome.reason(), queue);
                    continue;
                }
                table.append(p, outcome); // an I/O failure here stops the sweep (see run)
                synchronized (ran) {
                    for (String part : outcome.recovery().split(" ")) { // "gmin:2 iterations:1"
                        int colon = part.lastIndexOf(':');
                        if (colon > 0) {
                            recoveries.merge(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)),
                                    Integer::sum);
                        }
                    }
                    ran[0]++;
                    if (PointOutcome.FAILED.equals(outcome.status())) {
                        failed[0]++;
                    }
                }
                progress.point(outcome);
            }
        } catch (IOException e) {
            throw IoFailures.writing("worker " + index + "'s files in " + dir, e);
        }
    }
}
