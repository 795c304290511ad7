package eqspice.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sweep axis: a field of the experiment (dotted path, e.g. {@code training.beta}) and the
 * values it takes. In YAML an axis is a list of values, {@code {log: [from, to, count]}},
 * {@code {linear: [from, to, count]}}, or for seeds {@code {count: n}} (seeds 1..n) with an
 * optional {@code first}.
 *
 * @param field  the dotted field path
 * @param values the values, in the order points are planned
 */
public record Axis(String field, List<JsonNode> values) {
    public Axis {
        // Digits after the first letter: fidelity fields such as v0 are device values a sweep scans.
        if (field == null || !field.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)+")) {
            throw new IllegalArgumentException("sweep axis '" + field
                    + "' must be a dotted field path such as training.beta or network.activation.is");
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("sweep axis '" + field + "' has no values");
        }
        values = List.copyOf(values);
    }

    /** Parses an axis from its YAML form; errors name the axis and the allowed forms. */
    public static Axis parse(String field, JsonNode spec) {
        String forms = "a list [v1, v2, ...], {log: [from, to, count]}, {linear: [from, to, count]} or {count: n, first: k}";
        if (spec.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            spec.forEach(values::add);
            return new Axis(field, values);
        }
        if (!spec.isObject() || spec.size() == 0) {
            throw new IllegalArgumentException("sweep axis '" + field + "' must be " + forms);
        }
        if (spec.has("log") || spec.has("linear")) {
            boolean log = spec.has("log");
            JsonNode r = spec.get(log ? "log" : "linear");
            if (spec.size() != 1 || !r.isArray() || r.size() != 3 || !r.get(0).isNumber() || !r.get(1).isNumber()
                    || !r.get(2).isIntegralNumber() || r.get(2).asLong() < 1) {
                throw new IllegalArgumentException("sweep axis '" + field + "': " + (log ? "log" : "linear")
                        + " takes [from, to, count] with numbers from, to and an integer count >= 1");
            }
            checkCount(field, r.get(2).asLong());
            List<JsonNode> values = range(field, r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asInt(), log);
            if (!log && r.get(0).isIntegralNumber() && r.get(1).isIntegralNumber()) {
                // integer ends (epochs, batch sizes) give integer values, rounded to the nearest
                values = values.stream().map(v -> (JsonNode) LongNode.valueOf(Math.round(v.asDouble()))).toList();
            }
            return new Axis(field, values);
        }
        if (spec.has("count")) {
            JsonNode n = spec.get("count");
            JsonNode first = spec.get("first");
            if (!n.isIntegralNumber() || n.asLong() < 1 || (first != null && !first.isIntegralNumber())
                    || spec.size() > (first == null ? 1 : 2)) {
                throw new IllegalArgumentException("sweep axis '" + field + "': {count: n, first: k} takes integers, n >= 1");
            }
            checkCount(field, n.asLong());
            long start = first == null ? 1 : first.asLong();
            List<JsonNode> values = new ArrayList<>();
            for (int k = 0; k < n.asInt(); k++) {
                values.add(LongNode.valueOf(start + k));
            }
            return new Axis(field, values);
        }
        throw new IllegalArgumentException("sweep axis '" + field + "' must be " + forms);
    }

    /** Refuses a count beyond what a sweep may plan, before a list of that many values is made. */
    private static void checkCount(String field, long count) {
        if (count > Sweep.MAX_POINTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "sweep axis '%s': %,d values, more than the "
                    + "%,d points a sweep may have", field, count, Sweep.MAX_POINTS));
        }
    }

    private static List<JsonNode> range(String field, double from, double to, int count, boolean log) {
        if (log && !(from > 0 && to > 0)) {
            throw new IllegalArgumentException("sweep axis '" + field + "': a log range needs from > 0 and to > 0");
        }
        List<JsonNode> values = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? 0 : (double) k / (count - 1);
            double v = log ? Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from))) : from + t * (to - from);
            // Rounded to 12 significant digits so that ids and CSV values read like the numbers the user meant.
            values.add(DoubleNode.valueOf(Double.parseDouble(String.format(Locale.ROOT, "%.12g", v))));
        }
        return values;
    }
}
