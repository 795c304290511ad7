package eqspice.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eqspice.text.OneLine;
import java.nio.file.Path;
import java.util.Map;

/**
 * A sweep point's own experiment file: the sweep file's fields with this point's axis values
 * set and its {@code sweep:} section removed, as YAML that {@code eqspice run} and
 * {@code eqspice validate} load like any experiment file. It is named {@code <sweep>-<id>}, so
 * that {@code eqspice run} of it writes beside the sweep's folder, not into it. Header comments
 * say which sweep and point it came from; the file's own comments are not kept.
 */
final class PointExperiment {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private PointExperiment() {
    }

    /**
     * The YAML of a point.
     *
     * @param tree       the point's fields (sweep section removed, axis values set); not changed
     * @param name       the sweep's name
     * @param assignment the point's axis values, for the header
     */
    static String yaml(Path file, String sha256, String id, Map<String, JsonNode> assignment, ObjectNode tree,
                       String name) {
        ObjectNode doc = YAML.createObjectNode();
        doc.put("name", pointName(name, id));
        tree.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("name")) {
                doc.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        StringBuilder sb = new StringBuilder();
        sb.append("# sweep point ").append(id).append(" of ").append(oneLine(file.getFileName().toString()))
                .append(" (sha256 ").append(sha256).append(")\n");
        assignment.forEach((k, v) -> sb.append("#   ").append(k).append(" = ").append(oneLine(SweepPoint.text(v)))
                .append('\n'));
        try {
            sb.append(YAML.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the experiment of sweep point " + id, e);
        }
        return sb.toString();
    }

    /** {@code <sweep>-<id>}, the sweep's name cut to keep it within the 64 characters a name may have. */
    static String pointName(String sweep, String id) {
        int keep = 64 - 1 - id.length();
        return (sweep.length() > keep ? sweep.substring(0, keep) : sweep) + "-" + id;
    }

    /** A text for a comment line: a line break (YAML also breaks at U+0085, U+2028, U+2029) must not end it. */
    private static String oneLine(String text) {
        return OneLine.escape(text);
    }
}
