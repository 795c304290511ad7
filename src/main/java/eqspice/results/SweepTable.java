package eqspice.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's {@code points.csv} read back for plots and summaries: the axis columns (those
 * between {@code point_id} and {@code status}) and one map per row.
 *
 * @param dir  the sweep's results folder
 * @param axes the axis columns, in file order
 * @param rows every row, column name to cell text
 */
public record SweepTable(Path dir, List<String> axes, List<Map<String, String>> rows) {
    public SweepTable {
        axes = List.copyOf(axes);
        rows = List.copyOf(rows);
    }

    /**
     * Reads {@code dir/points.csv}, checking every row as a resumed sweep does (without the
     * plan): a cut, garbled or doubled row stops the reading with the file, the line and what is
     * wrong, and says how to repair the table.
     */
    public static SweepTable read(Path dir) {
        Path csv = dir.resolve("points.csv");
        List<PointRows.Line> lines;
        try {
            lines = PointRows.lines(csv);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(csv + ": no such file (run the sweep first: eqspice sweep <experiment>)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + IoFailures.describe(e), e);
        }
        String repair = "; running the sweep again (eqspice sweep <experiment> --out " + dir + ") moves bad rows to "
                + "points.rejected.csv and runs their points again";
        if (lines.isEmpty() || lines.get(0).problem() != null) {
            throw new IllegalArgumentException(csv + " line 1: no header (the file is empty or cut off)" + repair);
        }
        List<String> header;
        try {
            header = PointRows.cells(lines.get(0).text());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(csv + " line 1: " + e.getMessage() + repair);
        }
        int outcomes = PointRows.outcomesStart(header);
        if (outcomes < 1) {
            throw new IllegalArgumentException(csv + " line 1: not a sweep table's header (point_id, the axes, then "
                    + String.join(",", PointRows.OUTCOME_COLUMNS) + ")");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (PointRows.Line line : lines.subList(1, lines.size())) {
            String problem = line.problem();
            List<String> cells = null;
            if (problem == null) {
                try {
                    cells = PointRows.cells(line.text());
                    problem = PointRows.problem(header, cells).orElse(null);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            if (problem == null && seen.containsKey(cells.get(0))) {
                problem = "point " + cells.get(0) + " has a row already (line " + seen.get(cells.get(0)) + ")";
            }
            if (problem != null) {
                throw new IllegalArgumentException(csv + " line " + line.number() + ": " + problem + repair);
            }
            seen.put(cells.get(0), line.number());
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) {
                row.put(header.get(k), cells.get(k));
            }
            rows.add(row);
        }
        return new SweepTable(dir, header.subList(1, outcomes), rows);
    }

    /** The distinct values of a column, numerically sorted when they are numbers. */
    public List<String> values(String column) {
        List<String> v = new ArrayList<>(rows.stream().map(r -> r.get(column)).distinct().toList());
        boolean numeric = v.stream().allMatch(SweepTable::isNumber);
        v.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        return v;
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
