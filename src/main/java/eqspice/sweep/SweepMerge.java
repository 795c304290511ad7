package eqspice.sweep;

import eqspice.results.AtomicFiles;
import eqspice.results.IoFailures;
import eqspice.results.PointRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Combines the shard tables of a sweep ({@code points-shard-i-of-n.csv}) into
 * {@code points.csv}, in planning order, and says which points are missing or were written
 * by more than one shard. Every row of every shard table is checked first, as a resumed sweep
 * checks its own table ({@link PointRowCheck}), and must belong to its file's shard; a bad row
 * stops the merge with its file, line and what is wrong, before anything is written.
 */
public final class SweepMerge {
    private static final Pattern SHARD_TABLE = Pattern.compile("points-shard-(\\d+)-of-(\\d+)\\.csv");
    private static final int LISTED = 10;

    /**
     * What a merge found; {@link #write} puts {@code text} into {@code table}.
     *
     * @param shardsToResubmit the shard indices that own a missing point (of the shard count the
     *                         tables' names give, when they all give one), sorted: what to pass to
     *                         {@code sbatch --array=}
     */
    public record Report(int planned, int merged, List<String> missing, List<String> duplicated, Path table,
                         List<Integer> shardsToResubmit, String text) {
        public boolean complete() {
            return missing.isEmpty() && duplicated.isEmpty();
        }
    }

    private SweepMerge() {
    }

    /** Reads, checks and merges the shard tables, then writes points.csv. */
    public static Report merge(Sweep sweep, Path dir) {
        Report r = read(sweep, dir);
        write(r);
        return r;
    }

    /** Reads and checks the shard tables and merges them in memory; writes nothing. */
    public static Report read(Sweep sweep, Path dir) {
        PointRowCheck check = new PointRowCheck(sweep, "of this sweep");
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> duplicated = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        TreeMap<String, Shard> tables = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "points-shard-*.csv")) {
            for (Path f : files) {
                Matcher m = SHARD_TABLE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    tables.put(f.getFileName().toString(), shardOf(f, m));
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(dir + ": no such results folder");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + IoFailures.describe(e), e);
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no shard tables (points-shard-*.csv)");
        }
        for (Map.Entry<String, Shard> t : tables.entrySet()) {
            Path f = dir.resolve(t.getKey());
            Shard shard = t.getValue();
            List<PointRows.Line> lines;
            try {
                lines = PointRows.lines(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + IoFailures.describe(e), e);
            }
            if (lines.isEmpty() || lines.get(0).problem() != null) {
                bad.add(f + " line 1: no header (the file is empty or cut off)");
                continue;
            }
            check.header(f, lines.get(0).text());
            for (PointRows.Line line : lines.subList(1, lines.size())) {
                Optional<String> problem = check.problem(line);
                String id = problem.isEmpty() ? PointRows.cells(line.text()).get(0) : null;
                if (problem.isEmpty() && !shard.contains(id)) {
                    problem = Optional.of("point " + id + " belongs to another shard than " + shard.index() + "/"
                            + shard.count());
                }
                if (problem.isPresent()) {
                    bad.add(f + " line " + line.number() + ": " + problem.get());
                } else if (rows.putIfAbsent(id, line.text()) != null) {
                    duplicated.add(id + " (again in " + f.getFileName() + " line " + line.number() + ")");
                }
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(bad.size() + " bad row(s) in the shard tables, nothing merged: "
                    + String.join("; ", bad.subList(0, Math.min(LISTED, bad.size())))
                    + (bad.size() > LISTED ? "; ..." : "") + ". Run each such shard again (eqspice sweep "
                    + sweep.file() + " --shard i/n --out " + dir + "): it moves its bad rows to "
                    + "points-shard-i-of-n.rejected.csv and runs their points again");
        }
        List<String> missing = new ArrayList<>();
        java.util.Set<Integer> counts = new java.util.TreeSet<>();
        tables.values().forEach(s -> counts.add(s.count()));
        java.util.Set<Integer> resubmit = new java.util.TreeSet<>();
        StringBuilder out = new StringBuilder(PointRows.format(check.header()));
        int merged = 0;
        for (SweepPoint pt : sweep.points()) {
            String row = rows.remove(pt.id());
            if (row == null) {
                if (counts.size() == 1) {
                    int n = counts.iterator().next();
                    for (int i = 0; i < n; i++) {
                        if (new Shard(i, n).contains(pt.id())) {
                            resubmit.add(i);
                        }
                    }
                }
                missing.add(pt.id() + " " + pt.parameters().entrySet().stream()
                        .map(e -> e.getKey() + "=" + SweepPoint.text(e.getValue())).toList());
            } else {
                out.append(row).append('\n');
                merged++;
            }
        }
        return new Report(sweep.points().size(), merged, missing, duplicated, SweepRunner.pointsFile(dir),
                List.copyOf(resubmit), out.toString());
    }

    /** Writes the merged table (through a temporary file: a kill leaves the old points.csv or the new one). */
    public static void write(Report r) {
        try {
            AtomicFiles.write(r.table(), r.text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw IoFailures.writing(r.table(), e);
        }
    }

    private static Shard shardOf(Path f, Matcher m) {
        try {
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) { // NumberFormatException included: digits beyond int
            throw new IllegalArgumentException(f + ": the name does not name a shard i of n (" + e.getMessage() + ")");
        }
    }
}
