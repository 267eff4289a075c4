package org.vmbhyve.cli;

/** What {@code stopall} and {@code suspendall} share: {@code -f} and upstream's forgiving option loop. */
abstract class AllGuestsCommand extends CliCommand {

    final OptionValue parallel = new OptionValue();

    @Override
    void declare(CommandOptions options) {
        options.flag("-f", parallel);
    }

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }
}
