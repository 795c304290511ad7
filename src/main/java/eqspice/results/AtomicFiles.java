package eqspice.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whole-file results (JSON documents, plots) are written to a temporary file next to their
 * target and moved into place, so that a kill at any moment leaves the old file or the new
 * one, never half of one. Row files (CSV) are appended instead, a whole row per write.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code value} as JSON to {@code target} through a temporary file. */
    public static void writeJson(ObjectMapper json, Path target, Object value) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), value);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Moves a finished temporary file onto its target in one step. */
    public static void replace(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
