package org.vmbhyve.error;

import java.util.List;

/**
 * A failure the user sees as {@code vm: ERROR: <message>}, ending the command with the given
 * status. The message is upstream's exact text: scripts match on it. When a host tool failed,
 * its own complaint is printed first ({@link #toolMessage}), as it would be had it run bare.
 */
public class VmException extends RuntimeException {

    private final int status;
    private final String toolMessage;

    public VmException(String message) {
        this(message, 1);
    }

    public VmException(String message, int status) {
        this(message, status, "");
    }

    private VmException(String message, int status, String toolMessage) {
        super(message, null, false, false);
        this.status = status;
        this.toolMessage = toolMessage;
    }

    /** Upstream's MESSAGE after a host tool's own complaint (its stderr, possibly empty). */
    public static VmException afterTool(String toolStderr, String message) {
        return new VmException(message, 1, toolStderr.strip());
    }

    public int status() {
        return status;
    }

    /** What the failed host tool printed, shown before our line; empty when none did. */
    public String toolMessage() {
        return toolMessage;
    }

    /** This failure, also naming the changes that could not be undone and how to remove them. */
    VmException leaving(List<String> left) {
        return new VmException(getMessage() + "; could not undo all of it, remove what is left with: "
                + String.join("; ", left), status, toolMessage);
    }
}
