package eqspice.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every field of a YAML document, by dotted path ({@code training.alpha},
 * {@code task.samples[0].x}). Jackson reports where it noticed a problem, which for records can
 * be lines after the offending key; this index lets error messages point at the key itself.
 */
final class YamlLines {
    private YamlLines() {
    }

    /** Maps each field path to its 1-based line; an empty map when the text is not valid YAML. */
    static Map<String, Integer> index(byte[] yaml) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> prefix = new ArrayDeque<>();
        Deque<int[]> arrayIndex = new ArrayDeque<>();
        String pendingField = null;
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pendingField = join(prefix.peek(), p.currentName());
                        lines.putIfAbsent(pendingField, p.currentTokenLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String here = elementPath(prefix, arrayIndex, pendingField);
                        prefix.push(here);
                        arrayIndex.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                        pendingField = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        prefix.pop();
                        arrayIndex.pop();
                        advanceArray(arrayIndex);
                    }
                    default -> {
                        pendingField = null;
                        advanceArray(arrayIndex);
                    }
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return lines;
    }

    private static String elementPath(Deque<String> prefix, Deque<int[]> arrayIndex, String pendingField) {
        if (pendingField != null) {
            return pendingField;
        }
        int[] idx = arrayIndex.peek();
        String parent = prefix.isEmpty() ? "" : prefix.peek();
        return idx == null || idx[0] < 0 ? parent : parent + "[" + idx[0] + "]";
    }

    private static void advanceArray(Deque<int[]> arrayIndex) {
        int[] idx = arrayIndex.peek();
        if (idx != null && idx[0] >= 0) {
            idx[0]++;
        }
    }

    private static String join(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }
}
