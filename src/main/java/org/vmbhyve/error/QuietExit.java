package org.vmbhyve.error;

/**
 * Ends a command with a status and no further message, for the paths where upstream has
 * already said why (a warning) or says nothing at all (a declined confirmation).
 */
public final class QuietExit extends RuntimeException {

    private final int status;

    public QuietExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
