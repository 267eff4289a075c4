package org.vmbhyve.cli;

/** Ends a command by printing the help block of a command (exit 0), as upstream's HELP paths do. */
final class ShowHelp extends RuntimeException {

    private final String command;

    ShowHelp(String command) {
        super(null, null, false, false);
        this.command = command;
    }

    String command() {
        return command;
    }
}
