package org.vmbhyve.cli;

import org.vmbhyve.core.VmException;
import picocli.CommandLine.Option;

/**
 * The letters of upstream's shared option loop for starting guests ({@code cmd::parse_args}):
 * start, install and the supervisor accept the same ones.
 */
final class RunModeOptions {

    @Option(names = "-f", description = "Run in the foreground")
    boolean foreground;

    @Option(names = "-i", description = "Run in the background and attach the console")
    boolean interactive;

    @Option(names = "-t", hidden = true, description = "Console in tmux (the supervisor's own flag)")
    boolean tmux;

    @Option(names = "-v", hidden = true, description = "Accepted for upstream compatibility")
    boolean verbose;

    void check() {
        exclusive(foreground, interactive);
    }

    /** -f and -i cannot go together (also for snapshot, which shares the loop). */
    static void exclusive(boolean foreground, boolean interactive) {
        if (foreground && interactive) {
            throw new VmException("foreground and interactive mode are mutually exclusive");
        }
    }
}
