package eqspice.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Checks that a results folder's CSV files open in pandas and R without options. */
final class CsvFiles {
    private CsvFiles() {
    }

    /** Every CSV under {@code dir} (at any depth) starts with its header line: column names, no comment. */
    static void assertHeaderFirst(Path dir) throws IOException {
        List<Path> csvs;
        try (Stream<Path> s = Files.walk(dir)) {
            csvs = s.filter(p -> p.toString().endsWith(".csv")).toList();
        }
        assertTrue(!csvs.isEmpty(), "no CSV under " + dir);
        for (Path csv : csvs) {
            String first = Files.readAllLines(csv).get(0);
            assertTrue(first.matches("[a-z_][a-z0-9_.]*(,[a-z_][a-z0-9_.]*)*"), csv + " starts with " + first);
        }
    }
}
