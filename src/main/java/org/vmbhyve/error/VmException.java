package org.vmbhyve.error;

/**
 * A failure the user sees as {@code vm: ERROR: <message>}, ending the command with the given
 * status. The message is upstream's exact text: scripts match on it.
 */
public class VmException extends RuntimeException {

    private final int status;

    public VmException(String message) {
        this(message, 1);
    }

    public VmException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
