package org.netsim.app.cli;

/** A mistake in what the user gave (bad JSON, unreadable file): printed as one line, exit code 1 or as given. */
public final class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(String message) {
        this(message, 1);
    }

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
