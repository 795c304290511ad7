package eqspice.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Optional;

/**
 * Failures of the machine's storage (a full disk, a used-up quota, a read-only file system) are
 * not results: a sweep point that failed on one did not fail, it did not run. This class finds
 * such a failure under an exception and says in plain words what it was; the operating system's
 * own text ({@code No space left on device}) stays in brackets, since that is what a user
 * searches for.
 */
public final class IoFailures {
    private IoFailures() {
    }

    /** The I/O error under {@code t} (itself or one of its causes), if there is one. */
    public static Optional<IOException> cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    /** What went wrong, e.g. {@code the disk is full (No space left on device)}. */
    public static String describe(IOException e) {
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(e.getMessage());
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (text.contains("No space left on device")) {
            return "the disk is full (No space left on device)";
        }
        if (text.contains("Disk quota exceeded")) {
            return "the disk quota is used up (Disk quota exceeded)";
        }
        if (text.contains("Read-only file system")) {
            return "the file system is read-only (Read-only file system)";
        }
        if (text.contains("File too large")) {
            return "a file reached the size limit of this process or file system (File too large)";
        }
        return text;
    }

    /** An unchecked failure to write {@code what}, whose message says plainly why. */
    public static UncheckedIOException writing(Object what, IOException e) {
        return new UncheckedIOException("cannot write " + what + ": " + describe(e), e);
    }
}
