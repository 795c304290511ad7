package eqspice.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * The line protocol between the sweep coordinator and its worker processes. The coordinator
 * writes {@code point <id>} lines to a worker's stdin; the worker answers each with one
 * {@code @@eqspice result <json>} line on stdout. Other stdout lines are ignored, so a stray
 * print from a native library cannot be mistaken for a result.
 */
public final class WorkerProtocol {
    static final String REQUEST = "point ";
    static final String RESULT = "@@eqspice result ";
    // Jackson writes NaN as a JSON number token only when allowed; losses of failed points are NaN.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private WorkerProtocol() {
    }

    /** The point id a coordinator's line asks for, or empty for any other line. */
    public static Optional<String> requestedId(String line) {
        return line.startsWith(REQUEST) ? Optional.of(line.substring(REQUEST.length()).strip()) : Optional.empty();
    }

    static String request(String id) {
        return REQUEST + id;
    }

    /** The line a worker prints for an outcome. */
    public static String result(PointOutcome o) {
        try {
            return RESULT + JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + o, e);
        }
    }

    /** The outcome in a worker's output line, or empty for any other line. */
    static Optional<PointOutcome> parseResult(String line) {
        if (!line.startsWith(RESULT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(line.substring(RESULT.length()), PointOutcome.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a worker sent an unreadable result: " + line, e);
        }
    }
}
