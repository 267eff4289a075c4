package org.vmbhyve.cli;

/** Ends a command by printing the version line and command overview (exit 1). */
final class ShowUsage extends RuntimeException {

    ShowUsage() {
        super(null, null, false, false);
    }
}
