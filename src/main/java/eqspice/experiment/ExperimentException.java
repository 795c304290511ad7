package eqspice.experiment;

/**
 * An experiment file is wrong. The message names the file, the line (when known), the field
 * and what is allowed, so the user can fix it without reading code.
 */
public class ExperimentException extends RuntimeException {
    public ExperimentException(String message) {
        super(message);
    }

    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
