package org.vmbhyve.cli;

import org.vmbhyve.core.VmException;

/**
 * The letters of upstream's shared option loop for starting guests ({@code cmd::parse_args}):
 * start, install and the supervisor accept the same ones.
 */
final class RunModeOptions {

    boolean foreground;
    boolean interactive;
    boolean tmux;

    /** -t is the supervisor's own (the console in tmux); -v is accepted as upstream does. */
    void declare(CommandOptions options) {
        options.flag("-f", () -> foreground = true);
        options.flag("-i", () -> interactive = true);
        options.hiddenFlag("-t", () -> tmux = true);
        options.ignoredFlags("-v");
    }

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
