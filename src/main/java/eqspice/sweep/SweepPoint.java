package eqspice.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import eqspice.experiment.Experiment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point of a sweep: the value of every axis and the experiment they make.
 *
 * @param id         stable identifier: a hash of the sorted {@code field=value} pairs, so it does
 *                   not depend on the order of the axes in the file
 * @param parameters axis field to value, in the file's axis order
 * @param experiment the validated experiment of this point
 * @param yaml       the point's experiment as a file of its own (the sweep file's fields with
 *                   this point's values set, no sweep section), written as {@code experiment.yaml}
 *                   into the point's folder so that {@code eqspice validate} can load it
 */
public record SweepPoint(String id, Map<String, JsonNode> parameters, Experiment experiment, String yaml) {
    public SweepPoint {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (id == null || experiment == null || yaml == null || yaml.isBlank()) {
            throw new IllegalArgumentException("a sweep point needs an id, its experiment and that experiment's YAML");
        }
    }

    /** The identifier of a parameter assignment. */
    public static String idOf(Map<String, JsonNode> parameters) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(parameters).forEach((k, v) -> sb.append(k).append('=').append(text(v)).append('\n'));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A value as it appears in ids and CSV cells: numbers in Java's shortest round-trip form. */
    public static String text(JsonNode v) {
        if (v.isIntegralNumber()) {
            return Long.toString(v.asLong());
        }
        if (v.isNumber()) {
            return Double.toString(v.asDouble());
        }
        if (v.isContainerNode()) {
            // a list value such as network.hidden [2, 2]: asText() is empty for containers, which gave every list
            // the same id (JSON text, e.g. [2,2], names it; scalar ids are unchanged)
            return v.toString();
        }
        return v.asText();
    }
}
