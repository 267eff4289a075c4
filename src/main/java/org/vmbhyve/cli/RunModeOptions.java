package org.vmbhyve.cli;

import org.vmbhyve.error.VmException;

/**
 * The letters of upstream's shared option loop for starting guests ({@code cmd::parse_args}):
 * start, install and the supervisor accept the same ones.
 */
final class RunModeOptions {

    final OptionValue foreground = new OptionValue();
    final OptionValue interactive = new OptionValue();
    final OptionValue tmux = new OptionValue();

    /** -t is the supervisor's own (the console in tmux); -v is accepted as upstream does. */
    void declare(CommandOptions options) {
        options.flag("-f", foreground);
        options.flag("-i", interactive);
        options.hiddenFlag("-t", tmux);
        options.ignoredFlags("-v");
    }

    void check() {
        exclusive(foreground.isSet(), interactive.isSet());
    }

    /** -f and -i cannot go together (also for snapshot, which shares the loop). */
    static void exclusive(boolean foreground, boolean interactive) {
        if (foreground && interactive) {
            throw new VmException("foreground and interactive mode are mutually exclusive");
        }
    }
}
