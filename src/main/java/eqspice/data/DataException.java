package eqspice.data;

/**
 * A data set that cannot be used: a file is missing, truncated or not in the expected format.
 * The message names the file and says how to provision it again.
 */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
