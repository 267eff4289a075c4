package org.vmbhyve.cli;

/** What {@code stopall} and {@code suspendall} share: {@code -f} and upstream's forgiving option loop. */
abstract class AllGuestsCommand extends CliCommand {

    boolean parallel;

    @Override
    void declare(CommandOptions options) {
        options.flag("-f", () -> parallel = true);
    }

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }
}
