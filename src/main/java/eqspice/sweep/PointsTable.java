package eqspice.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code points.csv}: one row per finished point, appended by one writer. Each row goes to
 * the file in a single {@code write} and is forced to disk, so a kill at any moment leaves
 * whole rows only; a row cut by a power loss (no final newline) is dropped when the table is
 * reopened, and its point runs again.
 */
public final class PointsTable implements AutoCloseable {
    private static final List<String> OUTCOME_COLUMNS = List.of("status", "initial_loss_v2", "final_loss_v2",
            "converged", "epochs_to_converge", "failed_phases", "seconds", "worker", "reason", "recovered_phases");

    private final Path file;
    private final List<String> header;
    private final FileChannel channel;
    private final Set<String> finished = new HashSet<>();

    private final List<String> studyColumns;

    /** Opens (or creates) the table of a sweep with these axes. */
    public PointsTable(Path file, List<Axis> axes) {
        this(file, axes, List.of());
    }

    /** Opens (or creates) the table of a sweep with these axes and, after the outcome's columns, a study's. */
    public PointsTable(Path file, List<Axis> axes, List<String> studyColumns) {
        this.studyColumns = List.copyOf(studyColumns);
        this.file = file;
        this.header = new ArrayList<>();
        header.add("point_id");
        axes.forEach(a -> header.add(a.field()));
        header.addAll(OUTCOME_COLUMNS);
        header.addAll(this.studyColumns);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                dropCutRow();
                readFinished();
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (channel.size() == 0) {
                write(row(header));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Ids of the points already in the table. */
    public synchronized Set<String> finished() {
        return Set.copyOf(finished);
    }

    /** Appends a point's row (once per point: a second row for the same id is refused). */
    public synchronized void append(SweepPoint point, PointOutcome o) {
        if (finished.contains(point.id())) {
            throw new IllegalStateException("point " + point.id() + " is already in " + file);
        }
        List<Object> cells = new ArrayList<>();
        cells.add(point.id());
        point.parameters().values().forEach(v -> cells.add(SweepPoint.text(v)));
        cells.addAll(List.of(o.status(), o.initialLoss(), o.finalLoss(), o.converged(), o.epochsToConverge(),
                o.failedPhases(), o.seconds(), o.worker(), o.reason(), o.recovery()));
        studyColumns.forEach(c -> cells.add(o.study().getOrDefault(c, "")));
        try {
            write(row(cells));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
        finished.add(point.id());
    }

    private void write(String line) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    private static String row(List<?> cells) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(cells);
        }
        return w.toString();
    }

    private void dropCutRow() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--;
        }
        if (end != all.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
    }

    private void readFinished() throws IOException {
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            if (!p.getHeaderNames().isEmpty() && !p.getHeaderNames().equals(header)) {
                throw new IllegalArgumentException(file + " has the columns " + p.getHeaderNames()
                        + " but this sweep writes " + header + ": it belongs to another sweep; use --out for a new folder");
            }
            for (org.apache.commons.csv.CSVRecord rec : p) {
                finished.add(rec.get("point_id"));
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
