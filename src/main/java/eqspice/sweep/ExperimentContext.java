package eqspice.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import eqspice.experiment.ExperimentException;
import java.nio.file.Path;
import java.util.Map;

/** Adds the sweep point's parameters to a validation error, so the user sees which point broke. */
final class ExperimentContext {
    private ExperimentContext() {
    }

    static void run(Path file, Map<String, JsonNode> assignment, Runnable action) {
        try {
            action.run();
        } catch (ExperimentException e) {
            if (assignment.isEmpty()) {
                throw e;
            }
            StringBuilder sb = new StringBuilder();
            assignment.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=')
                    .append(SweepPoint.text(v)));
            throw new ExperimentException(e.getMessage() + " (in the sweep point " + sb + ")", e);
        }
    }
}
