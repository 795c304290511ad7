package eqspice.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row that does not fit on a full disk is cut back, not left half-written. On tmpfs a file
 * takes whole 4 KiB pages: a file of 4,090 bytes has 6 bytes free in its last page after the
 * disk is filled, so a 100-byte row is written in part (the kernel takes 6 bytes) and then
 * fails, deterministically: exactly the torn row a full disk makes.
 */
class RowAppenderTest {
    @Test
    void aRowThatDoesNotFitIsCutBackAndTheFileTakesNoMore(@TempDir Path dir) throws Exception {
        StringBuilder why = new StringBuilder();
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 1, why)) {
            Assumptions.assumeTrue(disk != null, why::toString);
            Path file = disk.dir().resolve("t.csv");
            String head = "x".repeat(4089) + "\n";
            try (RowAppender rows = RowAppender.create(file, true)) {
                rows.append(head);
                disk.fill();
                IOException full = assertThrows(IOException.class, () -> rows.append("y".repeat(99) + "\n"));
                assertEquals("the disk is full (No space left on device)", IoFailures.describe(full));
                assertEquals(head.length(), Files.size(file), "the part of the row that fitted was cut off again");
                disk.free();
                IOException after = assertThrows(IOException.class, () -> rows.append("z\n"));
                assertTrue(after.getMessage().contains("an earlier write to " + file + " failed (the disk is full"),
                        after.getMessage());
            }
            assertTrue(Files.readString(file).equals(head), "the file holds its first row only");
        }
    }

    @Test
    void aFailedWholeFileWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        StringBuilder why = new StringBuilder();
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 1, why)) {
            Assumptions.assumeTrue(disk != null, why::toString);
            Path file = disk.dir().resolve("summary.json");
            AtomicFiles.write(file, "old".getBytes());
            disk.fill();
            assertThrows(IOException.class, () -> AtomicFiles.write(file, new byte[1 << 16]));
            assertEquals("old", Files.readString(file));
            try (var files = Files.list(disk.dir())) {
                assertEquals(List.of("filler", "summary.json"), files.map(p -> p.getFileName().toString()).sorted()
                        .toList(), "no summary.json.tmp left");
            }
        }
    }
}
