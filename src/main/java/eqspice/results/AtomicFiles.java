package eqspice.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whole-file results (JSON documents, plots) are written to a temporary file next to their
 * target and moved into place, so that a kill at any moment leaves the old file or the new
 * one, never half of one. A write that fails (a full disk) removes its temporary file: a
 * {@code .tmp} file never outlives the process that wrote it, except after a kill. Row files
 * (CSV) are appended instead, a whole row per write ({@link RowAppender}).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes a file's content. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code value} as JSON to {@code target} through a temporary file. */
    public static void writeJson(ObjectMapper json, Path target, Object value) throws IOException {
        write(target, out -> json.writeValue(out, value));
    }

    /** Writes {@code bytes} to {@code target} through a temporary file. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code target} through a temporary file next to it; on failure the temporary file is removed. */
    public static void write(Path target, Content content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            removeQuietly(tmp, e);
            throw e;
        }
        replace(tmp, target);
    }

    /** Moves a finished temporary file onto its target in one step; when that fails the temporary file is removed. */
    public static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            removeQuietly(tmp, e);
            throw e;
        }
    }

    /** Removes a failed write's temporary file; a failure to remove it is added to the write's failure. */
    private static void removeQuietly(Path tmp, Exception failure) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
