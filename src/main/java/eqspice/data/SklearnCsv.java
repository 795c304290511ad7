package eqspice.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads scikit-learn's bundled CSV data files: rows of numbers whose last column is the class
 * (an integer). Iris's file starts with a header line {@code n_samples,n_features,name,...};
 * the digits file has no header. A {@code .gz} file is decompressed on the fly. Sizes are capped
 * before and while reading ({@link DataLimits}: the file, what it unpacks to, a line). Every deviation
 * (row width, a non-number, a class out of range, a sample count other than expected) is a
 * {@link DataException} naming the file and line.
 */
public final class SklearnCsv {
    private SklearnCsv() {
    }

    /**
     * Loads the file.
     *
     * @param header   whether the first line is sklearn's {@code n_samples,n_features,...} header (it is then checked)
     * @param samples  the number of rows required
     * @param features the number of feature columns required (the class column follows them)
     * @param classes  the number of classes
     * @param hint     what to do when the file is missing or broken
     */
    public static LabeledData read(Path file, String name, boolean header, int samples, int features, int classes,
                                   String hint) {
        try {
            DataLimits.checkFileSize(file, hint);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file; " + hint);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + "); " + hint, e);
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new BufferedInputStream(DataLimits.unpackedCap(file.toString().endsWith(".gz")
                     ? new GZIPInputStream(raw, 1 << 16) : raw, file, hint), 1 << 16)) {
            BoundedLines r = new BoundedLines(in, file, hint);
            int lineNo = 0;
            String line;
            if (header) {
                line = r.next();
                lineNo++;
                String[] h = line == null ? new String[0] : line.split(",");
                if (h.length < 2 || !h[0].strip().equals(Integer.toString(samples))
                        || !h[1].strip().equals(Integer.toString(features))) {
                    throw new DataException(file + " line 1: expected the header '" + samples + "," + features
                            + ",...', got '" + shorten(line) + "'; " + hint);
                }
            }
            List<double[]> rows = new ArrayList<>(samples);
            List<Integer> labels = new ArrayList<>(samples);
            while ((line = r.next()) != null) {
                lineNo = r.number();
                if (line.isBlank()) {
                    continue;
                }
                if (rows.size() == samples) { // stop at once: a file of endless rows must not fill the memory first
                    throw new DataException(file + " line " + lineNo + ": more than the " + samples
                            + " samples expected (not the expected file); " + hint);
                }
                String[] cells = line.split(",");
                if (cells.length != features + 1) {
                    throw new DataException(file + " line " + lineNo + ": " + cells.length + " columns, expected "
                            + (features + 1) + " (" + features + " features and the class); " + hint);
                }
                double[] x = new double[features];
                for (int k = 0; k < features; k++) {
                    x[k] = number(file, lineNo, cells[k], hint);
                }
                double c = number(file, lineNo, cells[features], hint);
                if (c != Math.rint(c) || c < 0 || c >= classes) {
                    throw new DataException(file + " line " + lineNo + ": class '" + cells[features].strip()
                            + "' is not an integer 0.." + (classes - 1) + "; " + hint);
                }
                rows.add(x);
                labels.add((int) c);
            }
            if (rows.size() != samples) {
                throw new DataException(file + ": " + rows.size() + " samples, expected " + samples
                        + " (truncated or not the expected file); " + hint);
            }
            return new LabeledData(name, rows.toArray(double[][]::new),
                    labels.stream().mapToInt(Integer::intValue).toArray(), classes);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file; " + hint);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + "); " + hint, e);
        }
    }

    private static double number(Path file, int line, String cell, String hint) {
        try {
            double v = Double.parseDouble(cell.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataException(file + " line " + line + ": '" + shorten(cell) + "' is not a finite number; " + hint);
    }

    private static String shorten(String s) {
        if (s == null) {
            return "(end of file)";
        }
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
