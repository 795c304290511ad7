package eqspice.results;

/** Another process writes into the results folder; the message names it. */
public final class ResultsFolderBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ResultsFolderBusyException(String message) {
        super(message);
    }
}
