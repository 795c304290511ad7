package eqspice.sweep;

import eqspice.results.AtomicFiles;
import eqspice.results.IoFailures;
import eqspice.results.PointRows;
import eqspice.results.RowAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code points.csv} (or a shard's table): one row per finished point, appended by one writer.
 * Each row goes to the file in a single {@code write} and is forced to disk, so a kill at any
 * moment leaves whole rows only, and a write that fails (a full disk) is cut back.
 *
 * <p>A resumed sweep trusts only rows it can check: on opening, every row is checked (its
 * cells, its point id in the plan, its axis values equal to the plan's, its outcome cells well
 * formed; see {@link PointRowCheck}), and a row that is cut off, garbled, of another plan or
 * written twice is moved to {@code points.rejected.csv} (a shard's
 * {@code points-shard-i-of-n.rejected.csv}) with its line number and the reason, so that its
 * point runs again and nothing is lost.
 */
public final class PointsTable implements AutoCloseable {
    private final Path file;
    private final PointRowCheck check;
    private final RowAppender rows;
    private final Set<String> finished = new HashSet<>();
    private final int rejected;

    /**
     * Opens (or creates) the table of {@code plan}: a whole sweep, or one shard of it.
     *
     * @throws IllegalArgumentException when the file's header is another sweep's
     */
    public PointsTable(Path file, Sweep plan) {
        this.file = file;
        this.check = new PointRowCheck(plan, file.getFileName().toString().startsWith("points-shard")
                ? "of this shard" : "of this sweep");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            rejected = Files.exists(file) ? checkRows() : 0;
            rows = RowAppender.open(file, true);
            if (rows.size() == 0) {
                rows.append(PointRows.format(check.header()));
            }
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
    }

    /** The file rejected rows are moved to: {@code points.rejected.csv} next to {@code points.csv}. */
    public static Path rejectedFile(Path table) {
        String name = table.getFileName().toString();
        return table.resolveSibling((name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name)
                + ".rejected.csv");
    }

    /** Ids of the points already in the table. */
    public synchronized Set<String> finished() {
        return Set.copyOf(finished);
    }

    /** How many rows opening the table moved to the rejected file. */
    public int rejected() {
        return rejected;
    }

    /**
     * Appends a point's row (once per point: a second row for the same id is refused; an
     * unfinished outcome is not a row).
     *
     * @throws UncheckedIOException when the row cannot be written; the table is then as before
     */
    public synchronized void append(SweepPoint point, PointOutcome o) {
        if (!o.finished()) {
            throw new IllegalArgumentException("point " + point.id() + " did not finish (" + o.reason()
                    + "); it gets no row");
        }
        if (finished.contains(point.id())) {
            throw new IllegalStateException("point " + point.id() + " is already in " + file);
        }
        List<Object> cells = new ArrayList<>();
        cells.add(point.id());
        point.parameters().values().forEach(v -> cells.add(SweepPoint.text(v)));
        cells.addAll(List.of(o.status(), o.initialLoss(), o.finalLoss(), o.converged(), o.epochsToConverge(),
                o.failedPhases(), o.seconds(), o.worker(), o.reason(), o.recovery()));
        check.studyColumns().forEach(c -> cells.add(o.study().getOrDefault(c, "")));
        try {
            rows.append(PointRows.format(cells));
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
        finished.add(point.id());
    }

    /**
     * Reads the table, keeps the rows that pass the checks and moves the others to the rejected
     * file (that file first, so a kill in between loses no row: the rows are rejected again).
     */
    private int checkRows() throws IOException {
        List<PointRows.Line> lines = PointRows.lines(file);
        if (lines.isEmpty()) {
            return 0;
        }
        List<Rejection> rejections = new ArrayList<>();
        PointRows.Line head = lines.get(0);
        if (head.problem() != null) {
            // nothing but a cut header: the sweep was killed as it started; the table starts again
            rejections.add(new Rejection(head, "the header " + head.problem()));
        } else {
            check.header(file, head.text());
        }
        Map<String, List<PointRows.Line>> byId = new LinkedHashMap<>();
        for (PointRows.Line line : lines.subList(1, lines.size())) {
            Optional<String> problem = check.problem(line);
            if (problem.isPresent()) {
                rejections.add(new Rejection(line, problem.get()));
            } else {
                byId.computeIfAbsent(PointRows.cells(line.text()).get(0), k -> new ArrayList<>()).add(line);
            }
        }
        List<PointRows.Line> kept = new ArrayList<>();
        byId.forEach((id, rowsOfId) -> {
            if (rowsOfId.size() == 1) {
                kept.add(rowsOfId.get(0));
            } else {
                String at = String.join(", ", rowsOfId.stream().map(l -> Integer.toString(l.number())).toList());
                rowsOfId.forEach(l -> rejections.add(new Rejection(l, "point " + id + " has " + rowsOfId.size()
                        + " rows (lines " + at + "); which one is its result cannot be told, so it runs again")));
            }
        });
        if (rejections.isEmpty()) {
            kept.forEach(l -> finished.add(PointRows.cells(l.text()).get(0)));
            return 0;
        }
        writeRejected(rejections);
        kept.sort(java.util.Comparator.comparingInt(PointRows.Line::number));
        StringBuilder table = new StringBuilder(PointRows.format(check.header()));
        for (PointRows.Line l : kept) {
            table.append(l.text()).append('\n');
            finished.add(PointRows.cells(l.text()).get(0));
        }
        AtomicFiles.write(file, table.toString().getBytes(StandardCharsets.UTF_8));
        return rejections.size();
    }

    private record Rejection(PointRows.Line line, String reason) {
    }

    private void writeRejected(List<Rejection> rejections) throws IOException {
        Path target = rejectedFile(file);
        try (RowAppender out = RowAppender.open(target, true)) {
            StringBuilder text = new StringBuilder();
            if (out.size() == 0) {
                text.append(PointRows.format(List.of("table", "line", "reason", "row")));
            }
            rejections.stream().sorted(java.util.Comparator.comparingInt(r -> r.line().number()))
                    .forEach(r -> text.append(PointRows.format(List.of(file.getFileName().toString(),
                            r.line().number(), r.reason(), new String(r.line().bytes(), StandardCharsets.UTF_8)))));
            out.append(text.toString());
        }
    }

    @Override
    public synchronized void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
    }
}
