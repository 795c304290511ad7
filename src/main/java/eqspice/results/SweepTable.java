package eqspice.results;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

    /** Reads {@code dir/points.csv}. */
    public static SweepTable read(Path dir) {
        Path csv = dir.resolve("points.csv");
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = p.getHeaderNames();
            int status = header.indexOf("status");
            if (header.isEmpty() || !"point_id".equals(header.get(0)) || status < 1) {
                throw new IllegalArgumentException(csv + " is not a sweep table (no point_id ... status columns)");
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                rows.add(rec.toMap());
            }
            return new SweepTable(dir, header.subList(1, status), rows);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(csv + ": no such file (run the sweep first: eqspice sweep <experiment>)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
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
