package eqspice.sweep;

import eqspice.ngspice.LibraryLocator;
import eqspice.ngspice.NgspiceSession;
import eqspice.run.Backends;
import eqspice.run.RunService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * An executor inside this JVM on a private copy of libngspice: the dynamic loader treats a
 * copy under another file name as another library, with its own global state, so several
 * instances can run in one process. Kept to measure against worker processes
 * ({@code eqspice bench sweep}); a native crash here takes the whole sweep down, which is
 * why worker processes are the default.
 */
public final class LibraryCopyWorker implements PointExecutor {
    private final int index;
    private final Path sweepDir;
    private final Path copy;
    private final NgspiceSession session;
    private final RunService service;

    public LibraryCopyWorker(int index, Path sweepDir, String eqspiceVersion) {
        this.index = index;
        this.sweepDir = sweepDir;
        try {
            copy = Files.createTempFile("libngspice-eqspice-" + index + "-", ".so");
            Files.copy(LibraryLocator.locate(), copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy libngspice for worker " + index + ": " + e.getMessage(), e);
        }
        synchronized (LibraryCopyWorker.class) { // ngSpice_Init touches process-wide signal handlers
            session = new NgspiceSession(copy);
        }
        service = new RunService(Backends.using(session), eqspiceVersion);
    }

    @Override
    public Optional<PointOutcome> run(SweepPoint point) {
        if (session.isDead()) {
            return Optional.empty();
        }
        return Optional.of(PointTrainer.train(service, point, sweepDir, Optional.empty(), index));
    }

    @Override
    public String death() {
        return "the ngspice copy of worker " + index + " exited";
    }

    @Override
    public void close() {
        service.close();
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
