package eqspice.sweep;

import eqspice.results.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Combines the shard tables of a sweep ({@code points-shard-i-of-n.csv}) into
 * {@code points.csv}, in planning order, and says which points are missing or were written
 * by more than one shard.
 */
public final class SweepMerge {
    /** What a merge found. */
    /**
     * @param shardsToResubmit the shard indices that own a missing point (of the shard count the
     *                         tables' names give), sorted: what to pass to {@code sbatch --array=}
     */
    public record Report(int planned, int merged, List<String> missing, List<String> duplicated, Path table,
                         List<Integer> shardsToResubmit) {
        public boolean complete() {
            return missing.isEmpty() && duplicated.isEmpty();
        }
    }

    private static final java.util.regex.Pattern SHARD_FILE =
            java.util.regex.Pattern.compile("points-shard-\\d+-of-(\\d+)\\.csv");

    private SweepMerge() {
    }

    public static Report merge(Sweep sweep, Path dir) {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        List<String> duplicated = new ArrayList<>();
        List<String> header = null;
        java.util.Set<Integer> shardCounts = new java.util.TreeSet<>();
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir, "points-shard-*.csv")) {
            for (Path f : shards) {
                var name = SHARD_FILE.matcher(f.getFileName().toString());
                if (name.matches()) {
                    shardCounts.add(Integer.parseInt(name.group(1)));
                }
                try (Reader r = Files.newBufferedReader(f);
                     CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    header = header == null ? p.getHeaderNames() : header;
                    if (!header.equals(p.getHeaderNames())) {
                        throw new IllegalArgumentException(f + " has other columns than the other shards: not the same sweep");
                    }
                    for (CSVRecord rec : p) {
                        if (rows.putIfAbsent(rec.get("point_id"), rec) != null) {
                            duplicated.add(rec.get("point_id") + " (again in " + f.getFileName() + ")");
                        }
                    }
                }
            }
            if (header == null) {
                throw new IllegalArgumentException(dir + " holds no shard tables (points-shard-*.csv)");
            }
            List<String> missing = new ArrayList<>();
            java.util.Set<Integer> resubmit = new java.util.TreeSet<>();
            StringWriter out = new StringWriter();
            int merged = 0;
            try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                p.printRecord(header);
                for (SweepPoint pt : sweep.points()) {
                    CSVRecord rec = rows.remove(pt.id());
                    if (rec == null) {
                        if (shardCounts.size() == 1) {
                            int n = shardCounts.iterator().next();
                            for (int i = 0; i < n; i++) {
                                if (new Shard(i, n).contains(pt.id())) {
                                    resubmit.add(i);
                                }
                            }
                        }
                        missing.add(pt.id() + " " + pt.parameters().entrySet().stream()
                                .map(e -> e.getKey() + "=" + SweepPoint.text(e.getValue())).toList());
                    } else {
                        p.printRecord(rec.values());
                        merged++;
                    }
                }
            }
            rows.keySet().forEach(id -> duplicated.add(id + " (not a point of this sweep)"));
            Path table = SweepRunner.pointsFile(dir);
            Path tmp = table.resolveSibling("points.csv.tmp");
            Files.writeString(tmp, out.toString(), StandardCharsets.UTF_8);
            AtomicFiles.replace(tmp, table);
            return new Report(sweep.points().size(), merged, missing, duplicated, table, List.copyOf(resubmit));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the shards in " + dir + ": " + e.getMessage(), e);
        }
    }
}
