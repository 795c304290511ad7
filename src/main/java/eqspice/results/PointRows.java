package eqspice.results;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a sweep's table ({@code points.csv} and each shard's): the point id, one cell per
 * axis, then the outcome columns. One row is one line (eqspice writes no line break inside a
 * cell), so a table is read line by line and each line checked on its own: a cut, garbled or
 * doubled line is named by its number and cannot swallow the lines after it. Both the sweep
 * (which checks rows against its plan too) and the plots read tables through this class.
 */
public final class PointRows {
    /** The columns after the axes, in order; documented in results/README.md. */
    public static final List<String> OUTCOME_COLUMNS = List.of("status", "initial_loss_v2", "final_loss_v2",
            "converged", "epochs_to_converge", "failed_phases", "seconds", "worker", "reason", "recovered_phases");
    /**
     * A table larger than this is refused before it is read: 100,000 points (the largest sweep
     * eqspice plans) with long failure reasons take about 80 MiB.
     */
    public static final long MAX_TABLE_BYTES = 128L << 20;
    /** A line longer than this is not a row eqspice wrote (a row is a few hundred characters). */
    public static final int MAX_ROW_BYTES = 1 << 16;

    private static final Pattern POINT_ID = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern RECOVERY = Pattern.compile("([A-Za-z0-9_.-]+:\\d+( [A-Za-z0-9_.-]+:\\d+)*)?");

    private PointRows() {
    }

    /**
     * One line of a table file.
     *
     * @param number   1-based line number
     * @param text     the line without its line break; null when it is not UTF-8 or too long
     * @param problem  why the line cannot be a row before its cells are looked at (not UTF-8,
     *                 too long, cut off without a line break), or null
     * @param bytes    the line's bytes as found (for points.rejected.csv), at most {@link #MAX_ROW_BYTES}
     */
    public record Line(int number, String text, String problem, byte[] bytes) {
    }

    /**
     * Where the outcome columns of a table's header start ({@code status}), or -1 when the
     * header is not a sweep table's: {@code point_id}, the axes, then the outcome columns (a
     * table of an eqspice before recovered_phases lacks that last one).
     */
    public static int outcomesStart(List<String> header) {
        int status = header.indexOf("status");
        if (status < 1 || !"point_id".equals(header.get(0))) {
            return -1;
        }
        // the outcome's columns, possibly followed by a study's (outcome, bound shares, fidelity: see eqspice.study)
        List<String> outcomes = header.subList(status, header.size());
        boolean whole = outcomes.size() >= OUTCOME_COLUMNS.size()
                && outcomes.subList(0, OUTCOME_COLUMNS.size()).equals(OUTCOME_COLUMNS);
        return whole || outcomes.equals(OUTCOME_COLUMNS.subList(0, OUTCOME_COLUMNS.size() - 1)) ? status : -1;
    }

    /** The header of a table with these axis fields. */
    public static List<String> header(List<String> axisFields) {
        List<String> h = new ArrayList<>();
        h.add("point_id");
        h.addAll(axisFields);
        h.addAll(OUTCOME_COLUMNS);
        return h;
    }

    /**
     * The lines of a table file; refused (with the file named) when it is larger than
     * {@link #MAX_TABLE_BYTES}. A last line without a line break is reported as cut off: rows
     * are written whole, so such a line is what a kill or a power loss left of one.
     */
    public static List<Line> lines(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_TABLE_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %,d bytes, more than the %d MiB a sweep "
                    + "table may have; it is not a table eqspice wrote", file, size, MAX_TABLE_BYTES >> 20));
        }
        byte[] all = Files.readAllBytes(file);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            boolean complete = end < all.length;
            int len = end - start;
            byte[] bytes = java.util.Arrays.copyOfRange(all, start, start + Math.min(len, MAX_ROW_BYTES));
            String text = null;
            String problem = null;
            if (len > MAX_ROW_BYTES) {
                problem = String.format(Locale.ROOT, "a line of %,d bytes, longer than any row (at most %,d)", len,
                        MAX_ROW_BYTES);
            } else {
                try {
                    text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                    if (text.endsWith("\r")) {
                        text = text.substring(0, text.length() - 1);
                    }
                } catch (CharacterCodingException e) {
                    problem = "not UTF-8 text";
                }
            }
            if (problem == null && !complete) {
                problem = "cut off: the last line has no line break (the writer was stopped while writing it)";
            }
            lines.add(new Line(number++, text, problem, bytes));
            start = end + 1;
        }
        return lines;
    }

    /** The cells of one line; an {@link IllegalArgumentException} saying why when it is not one CSV row. */
    public static List<String> cells(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty line");
        }
        try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            List<CSVRecord> records = p.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("not one CSV row");
            }
            return records.get(0).toList();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unclosed quote this way: "(line 1) EOF reached before encapsulated token finished"
            throw new IllegalArgumentException("not a CSV row (a quoted cell does not end)", e);
        }
    }

    /** One row's text, with its line break; a line break inside a cell becomes a space (one row, one line). */
    public static String format(List<?> cells) {
        List<Object> flat = new ArrayList<>();
        for (Object c : cells) {
            flat.add(c instanceof String s ? s.replaceAll("\\R", " ") : c);
        }
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(flat);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    /**
     * What is wrong with a row's cells as a row of a table with this header: the number of
     * cells, the point id's form, and every outcome cell (status, numbers, flags). Empty when
     * nothing is. The axis cells are checked by the sweep, which knows the plan.
     */
    public static Optional<String> problem(List<String> header, List<String> cells) {
        if (cells.size() != header.size()) {
            return Optional.of(cells.size() + " cells, expected " + header.size() + " (" + String.join(",", header)
                    + ")");
        }
        String id = cells.get(0);
        if (!POINT_ID.matcher(id).matches()) {
            return Optional.of("point_id '" + shorten(id) + "' is not a point id (12 hexadecimal digits)");
        }
        int first = header.indexOf("status");
        for (int k = 0; first >= 0 && first + k < header.size(); k++) {
            String column = header.get(first + k);
            String cell = cells.get(first + k);
            String wrong = switch (column) {
                case "status" -> cell.equals("ok") || cell.equals("failed") ? null : "is neither ok nor failed";
                case "initial_loss_v2", "final_loss_v2" -> isDouble(cell) ? null : "is not a number";
                case "seconds" -> isDouble(cell) && Double.parseDouble(cell) >= 0 ? null : "is not a number >= 0";
                case "converged" -> cell.equals("true") || cell.equals("false") ? null : "is neither true nor false";
                case "epochs_to_converge" -> isInt(cell, -1) ? null : "is not an integer >= -1";
                case "failed_phases", "worker" -> isInt(cell, 0) ? null : "is not an integer >= 0";
                case "recovered_phases" -> RECOVERY.matcher(cell).matches() ? null
                        : "is not a list of rung:count pairs such as gmin:2";
                default -> null; // reason: free text
            };
            if (wrong != null) {
                return Optional.of(column + " '" + shorten(cell) + "' " + wrong);
            }
        }
        return Optional.empty();
    }

    /** A cell quoted in a message: at most 40 characters, control characters escaped. */
    public static String shorten(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(c -> sb.append(Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return sb.toString();
    }

    private static boolean isDouble(String s) {
        try {
            Double.parseDouble(s);
            return !s.isBlank() && s.strip().equals(s);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isInt(String s, int min) {
        try {
            return Integer.parseInt(s) >= min;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
