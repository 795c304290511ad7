package eqspice.sweep;

import java.io.IOException;
import java.util.Optional;

/**
 * Runs sweep points one at a time on its own ngspice instance: a worker process
 * ({@link WorkerProcess}, the default) or a private copy of the library in this JVM
 * ({@link LibraryCopyWorker}, kept for comparison).
 */
public interface PointExecutor extends AutoCloseable {

    /** Runs a point; empty when the executor died before answering (see {@link #death()}). */
    Optional<PointOutcome> run(SweepPoint point) throws IOException;

    /** Why the executor died, for the point's failure reason. */
    String death();

    @Override
    void close();
}
