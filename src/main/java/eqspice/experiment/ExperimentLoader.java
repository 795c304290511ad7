package eqspice.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads experiment YAML files into validated {@link Experiment}s. Every error names the file,
 * the line, the field and what is allowed; nothing is started from a file that does not load.
 */
public final class ExperimentLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A key given twice would otherwise silently keep the last value (a sweep axis twice: one lost axis).
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ExperimentLoader() {
    }

    /** Loads and validates an experiment file. */
    public static Experiment load(Path file) {
        return parse(file, readBytes(file));
    }

    /** The bytes of an experiment file; a missing or unreadable file is an {@link ExperimentException} naming it. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ExperimentException(file + ": no such experiment file");
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses experiment YAML held in memory; {@code file} names it in messages and provenance. */
    public static Experiment parse(Path file, byte[] yaml) {
        ObjectNode tree = readTree(file, yaml);
        if (tree.has("sweep")) {
            throw new ExperimentException(file + " line " + YamlLines.index(yaml).getOrDefault("sweep", 1)
                    + ": this experiment defines a sweep; run it with 'eqspice sweep " + file + "'");
        }
        return fromTree(file, yaml, tree);
    }

    /**
     * Reads the YAML as a tree of fields (for sweeps, which set fields per point).
     *
     * @throws ExperimentException for an empty file or invalid YAML, naming the file and line
     */
    public static ObjectNode readTree(Path file, byte[] yaml) {
        int bad = firstNonUtf8(yaml);
        if (bad >= 0) {
            throw new ExperimentException(file + " line " + lineAt(yaml, bad) + ": not UTF-8 text (byte " + bad
                    + "); experiment files are UTF-8 YAML");
        }
        if (new String(yaml, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new ExperimentException(file + ": the file is empty; see experiments/README.md for the fields");
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ExperimentException(describe(file, yaml, e), e);
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ExperimentException(file + ": the file is empty; see experiments/README.md for the fields");
        }
        if (!(tree instanceof ObjectNode obj)) {
            throw new ExperimentException(file + ": an experiment is a section of fields (key: value lines)");
        }
        return obj;
    }

    /**
     * Binds and validates an experiment tree; {@code yaml} is the file's original text, used to
     * point errors at their line.
     */
    public static Experiment fromTree(Path file, byte[] yaml, JsonNode tree) {
        ExperimentDoc doc;
        try {
            doc = YAML.treeToValue(tree, ExperimentDoc.class);
        } catch (JsonProcessingException e) {
            throw new ExperimentException(describe(file, yaml, e), e);
        } catch (IllegalArgumentException e) {
            throw new ExperimentException(file + ": " + e.getMessage(), e);
        }
        try {
            String name = Objects.requireNonNullElse(doc.name(), stem(file));
            if (doc.name() == null && !name.matches(ConfigResolver.NAME_PATTERN)) {
                // The default name becomes results/<name>/ just like an explicit one ("..yaml" would write into results/).
                throw new ExperimentException(file + ": the experiment is named after its file, '" + name
                        + "', which is not allowed; add a field 'name' of lower-case letters, digits, '_', '.', '-' "
                        + "(it names the results folder)");
            }
            return new Experiment(name, Objects.requireNonNullElse(doc.description(), ""), file, sha256(yaml),
                    ConfigResolver.resolve(doc), FidelityResolver.hardware(doc.fidelity()),
                    SimulatorResolver.resolve(doc.simulator(), FidelityResolver.hardware(doc.fidelity())),
                    DatasetResolver.baseline(doc.baseline(), doc.task() != null && doc.task().dataset() != null));
        } catch (IllegalArgumentException e) {
            throw new ExperimentException(at(file, yaml, e.getMessage()), e);
        }
    }

    /** Prefixes a validation message with the file and, when it starts by naming a field, that field's line. */
    private static String at(Path file, byte[] yaml, String message) {
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

    private static final Pattern FIELD = Pattern.compile("field '([^']+)'");
    private static final Pattern READER_MARK = Pattern.compile(" in 'reader', line (\\d+), column \\d+:");

    private static String describe(Path file, byte[] yaml, JsonProcessingException e) {
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

    /** Offset of the first byte that is not valid UTF-8, or -1 when all of it is. */
    static int firstNonUtf8(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult r = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        return r.isError() ? in.position() : -1;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
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

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n.endsWith(".yml") ? n.substring(0, n.length() - 4) : n;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
