package eqspice.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eqspice.study.Study;
import eqspice.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * The largest experiment file read: far above any file of settings and inline samples, and
     * below the YAML parser's own limit (3 MB), which it checks only after reading a scalar.
     */
    public static final int MAX_FILE_BYTES = 2 << 20;

    private ExperimentLoader() {
    }

    /** Loads and validates an experiment file. */
    public static Experiment load(Path file) {
        return parse(file, readBytes(file));
    }

    /**
     * The bytes of an experiment file; a missing or unreadable file, or one larger than
     * {@link #MAX_FILE_BYTES}, is an {@link ExperimentException} naming it. The size is checked
     * before the file is read (and the read stops there: a pipe or a device has no size), so a
     * huge file is refused at once instead of keeping the YAML parser busy for minutes.
     */
    public static byte[] readBytes(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw tooLarge(file, Files.size(file));
            }
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(file, -1);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ExperimentException(file + ": no such experiment file");
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code copy} (the {@code experiment.yaml} kept in a results folder) is {@code exp}:
     * the same bytes, or an experiment of the same name. An unreadable copy is not.
     */
    public static boolean isCopyOf(Path copy, Experiment exp) {
        try {
            byte[] bytes = readBytes(copy);
            if (sha256(bytes).equals(exp.sha256())) {
                return true;
            }
            JsonNode name = readTree(copy, bytes).get("name");
            return name != null && name.isTextual() && name.asText().equals(exp.name());
        } catch (ExperimentException e) {
            return false;
        }
    }

    private static ExperimentException tooLarge(Path file, long size) {
        return new ExperimentException(file + ": " + (size >= 0 ? String.format(java.util.Locale.ROOT, "%,d bytes, more",
                size) : "longer") + " than the " + (MAX_FILE_BYTES >> 20) + " MiB an experiment file may have; "
                + "an experiment file holds settings (large data belong in a data set: task.dataset)");
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
            throw new ExperimentException(YamlErrors.describe(file, yaml, e), e);
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

    /** The {@code study:} section; empty when absent (nothing is measured). */
    private static Optional<Study> study(ExperimentDoc.StudyDoc doc, TrainingConfig config) {
        if (doc == null) {
            return Optional.empty();
        }
        Study s = new Study(doc.attribution() == null || doc.attribution(), Boolean.TRUE.equals(doc.gradientCheck()),
                doc.maxConductances() == null ? Study.DEFAULT_MAX_CONDUCTANCES : doc.maxConductances());
        s.checkSize(config.spec().conductanceCount());
        return s.attribution() ? Optional.of(s) : Optional.empty();
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
            throw new ExperimentException(YamlErrors.describe(file, yaml, e), e);
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
            TrainingConfig config = ConfigResolver.resolve(doc);
            return new Experiment(name, Objects.requireNonNullElse(doc.description(), ""), file, sha256(yaml),
                    config, FidelityResolver.hardware(doc.fidelity()),
                    SimulatorResolver.resolve(doc.simulator(), FidelityResolver.hardware(doc.fidelity())),
                    DatasetResolver.baseline(doc.baseline(), doc.task() != null && doc.task().dataset() != null),
                    study(doc.study(), config));
        } catch (IllegalArgumentException e) {
            throw new ExperimentException(YamlErrors.at(file, yaml, e.getMessage()), e);
        }
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
