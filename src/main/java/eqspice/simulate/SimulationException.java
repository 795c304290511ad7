package eqspice.simulate;

import java.util.List;

/**
 * A circuit could not be solved. The message ends with the backend's log lines that
 * explain why; {@link #log()} gives them one by one.
 */
public class SimulationException extends RuntimeException {
    private final List<String> log;

    public SimulationException(String message, List<String> log) {
        super(compose(message, log));
        this.log = List.copyOf(log);
    }

    public SimulationException(String message, List<String> log, Throwable cause) {
        super(compose(message, log), cause);
        this.log = List.copyOf(log);
    }

    /** The backend's log lines that explain the failure (may be empty). */
    public List<String> log() {
        return log;
    }

    private static String compose(String message, List<String> log) {
        if (log.isEmpty()) {
            return message;
        }
        StringBuilder sb = new StringBuilder(message).append("\n  simulator said:");
        int shown = 0;
        for (String line : log) {
            if (shown++ == 20) {
                sb.append("\n    ... (").append(log.size() - 20).append(" more lines)");
                break;
            }
            sb.append("\n    ").append(line);
        }
        return sb.toString();
    }
}
