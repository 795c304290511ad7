package eqspice.sweep;

import eqspice.results.PointRows;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks rows of a sweep table against the plan they claim to belong to: on top of the row's
 * own form ({@link PointRows#problem}), the point id must be a point of the plan and every axis
 * cell must equal the plan's value for that point. Used when a sweep reopens its table and
 * when {@code eqspice merge} reads the shards' tables.
 */
final class PointRowCheck {
    private final List<String> header;
    private final List<String> studyColumns;
    private final Map<String, SweepPoint> points = new LinkedHashMap<>();
    private final String scope;

    /**
     * @param plan  the points a row may belong to
     * @param scope how messages name the plan, e.g. {@code of this sweep}
     */
    PointRowCheck(Sweep plan, String scope) {
        this.studyColumns = SweepRunner.studyColumns(plan);
        List<String> h = new java.util.ArrayList<>(PointRows.header(plan.axes().stream().map(Axis::field).toList()));
        h.addAll(studyColumns); // a study's measurements after the outcome (free cells: numbers or empty)
        this.header = List.copyOf(h);
        plan.points().forEach(p -> points.put(p.id(), p));
        this.scope = scope;
    }

    /** The study columns of the plan (empty without a {@code study:} section). */
    List<String> studyColumns() {
        return studyColumns;
    }

    List<String> header() {
        return header;
    }

    /** Refuses a table whose header is not this plan's: its rows cannot be compared with the plan at all. */
    void header(Path file, String line) {
        List<String> found;
        try {
            found = PointRows.cells(line);
        } catch (IllegalArgumentException e) {
            found = List.of(line);
        }
        if (!found.equals(header)) {
            throw new IllegalArgumentException(file + " line 1: the columns " + found.stream().map(PointRows::shorten)
                    .toList() + " are not this sweep's " + header + ": the table belongs to another sweep; use --out "
                    + "for a new folder");
        }
    }

    /** What is wrong with a line as a row of this plan, or empty. */
    Optional<String> problem(PointRows.Line line) {
        if (line.problem() != null) {
            return Optional.of(line.problem());
        }
        List<String> cells;
        try {
            cells = PointRows.cells(line.text());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        Optional<String> form = PointRows.problem(header, cells);
        if (form.isPresent()) {
            return form;
        }
        SweepPoint p = points.get(cells.get(0));
        if (p == null) {
            return Optional.of("point " + cells.get(0) + " is not a point " + scope);
        }
        int k = 1;
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : p.parameters().entrySet()) {
            String planned = SweepPoint.text(e.getValue()).replaceAll("\\R", " ");
            if (!planned.equals(cells.get(k))) {
                return Optional.of(e.getKey() + " is '" + PointRows.shorten(cells.get(k)) + "' but point " + p.id()
                        + " has " + e.getKey() + " = " + PointRows.shorten(planned) + " in the plan");
            }
            k++;
        }
        return Optional.empty();
    }
}
