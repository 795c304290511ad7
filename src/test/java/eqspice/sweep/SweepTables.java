package eqspice.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eqspice.run.ChildJvm;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Shared by the sweep process tests: starting the real CLI in a child JVM, and comparing tables. */
final class SweepTables {
    private SweepTables() {
    }

    /** The eqspice command line in a child JVM (each needs its own ngspice). */
    static List<String> command(String... args) {
        return ChildJvm.command(List.of(), List.of(args));
    }

    /** {@code eqspice sweep file --workers 2 --out out} in {@code dir}, output into {@code log} (or discarded). */
    static Process sweep(Path dir, Path file, String out, Path log, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command("sweep", file.toString(), "--workers", "2", "--out", out))
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Rows by point id, without the columns that legitimately differ between runs (wall time, worker). */
    static Map<String, List<String>> table(Path csv) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                assertTrue(rows.put(rec.get("point_id"), rec.toMap().entrySet().stream()
                        .filter(e -> !e.getKey().equals("seconds") && !e.getKey().equals("worker"))
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList()) == null,
                        "duplicate row " + rec.get("point_id"));
            }
        }
        return rows;
    }
}
