package eqspice.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The messages of an experiment file that does not load: Jackson's parse and binding errors and
 * the resolvers' field errors, each turned into one line that names the file, the line, the
 * field and what is allowed. Jackson reports where it noticed a problem, not the key a user has
 * to edit, so lines come from {@link YamlLines} wherever a field is known.
 */
final class YamlErrors {
    private static final Pattern FIELD = Pattern.compile("field '([^']+)'");
    private static final Pattern READER_MARK = Pattern.compile(" in 'reader', line (\\d+), column \\d+:");

    private YamlErrors() {
    }

    /** Prefixes a validation message with the file and, when it starts by naming a field, that field's line. */
    static String at(Path file, byte[] yaml, String message) {
        Matcher m = FIELD.matcher(message);
        if (m.lookingAt()) {
            Integer line = lineOf(YamlLines.index(yaml), m.group(1));
            if (line != null) {
                return file + " line " + line + ": " + message;
            }
        }
        return file + ": " + message;
    }

    /**
     * The line of a field path; list elements ({@code task.samples[1]}, {@code network.hidden[0]}) are
     * not keys themselves, so they take the line of their first key, else that of the enclosing field.
     */
    private static Integer lineOf(Map<String, Integer> lines, String path) {
        for (String p = path; !p.isEmpty(); p = p.replaceFirst("(\\[\\d+\\]|\\.[^.\\[]+|^[^.\\[]+)$", "")) {
            if (lines.containsKey(p)) {
                return lines.get(p);
            }
            String prefix = p;
            Integer first = lines.entrySet().stream().filter(en -> en.getKey().startsWith(prefix + ".")
                    || en.getKey().startsWith(prefix + "[")).map(Map.Entry::getValue).min(Integer::compare).orElse(null);
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    static String describe(Path file, byte[] yaml, JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        Integer line = YamlLines.index(yaml).get(field);
        JsonLocation loc = e.getLocation();
        if (line == null && loc != null && loc.getLineNr() > 0) {
            line = loc.getLineNr();
        }
        StringBuilder sb = new StringBuilder().append(file);
        if (line != null) {
            sb.append(" line ").append(line);
        }
        sb.append(": ");
        if (e instanceof UnrecognizedPropertyException u) {
            String allowed = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
            return sb.append("unknown field '").append(field).append("'; allowed here: ")
                    .append(allowed.replace("[", "").replace("]", "")).toString();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && !field.isEmpty()) {
            return sb.append("field '").append(field).append("' must be ").append(kind(m.getTargetType())).toString();
        }
        if (e instanceof JsonMappingException m && !field.isEmpty()) {
            Throwable root = m.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String what = root != null ? root.getMessage() : m.getOriginalMessage().lines().findFirst().orElse("");
            return sb.append("field '").append(field).append("': ").append(what).toString();
        }
        String first = e.getOriginalMessage().lines().findFirst().orElse("");
        if (first.startsWith("Malformed numeric value")) {
            // YAML's .nan/.inf reach the number parser and fail there, before any field is bound.
            String where = line == null ? null : fieldAt(yaml, line);
            return sb.append(where == null ? "" : "field '" + where + "': ").append(first.replace("Malformed numeric value", "")
                    .strip()).append(" is not a number; numbers must be finite, e.g. 1.0e-6").toString();
        }
        if (first.startsWith("Duplicate field")) {
            return sb.append(first.replaceFirst("Duplicate field ('[^']*').*", "field $1 is given twice; give each field once"))
                    .toString();
        }
        // The YAML parser's message is "context, [where], problem, where": the problem and its line are what to fix.
        List<String> lines = e.getOriginalMessage().lines().toList();
        for (int k = lines.size() - 1; k > 0; k--) {
            Matcher mark = READER_MARK.matcher(lines.get(k));
            if (mark.lookingAt() && !lines.get(k - 1).isBlank() && !lines.get(k - 1).startsWith(" ")) {
                return file + " line " + mark.group(1) + ": not valid YAML: " + lines.get(k - 1).strip();
            }
        }
        return sb.append("not valid YAML: ").append(first.isEmpty() ? "cannot parse" : first).toString();
    }

    /** What a YAML user should write for a Java target type. */
    private static String kind(Class<?> type) {
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list, e.g. [1, 2]";
        }
        return "a section of fields (key: value lines)";
    }

    /** The one innermost field on a line, or null when there is none or several (flow style). */
    private static String fieldAt(byte[] yaml, int line) {
        List<String> here = YamlLines.index(yaml).entrySet().stream().filter(en -> en.getValue() == line)
                .map(Map.Entry::getKey).toList();
        List<String> leaves = here.stream().filter(f -> here.stream().noneMatch(g -> g.startsWith(f + ".")))
                .toList();
        return leaves.size() == 1 ? leaves.get(0) : null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
