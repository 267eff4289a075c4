package org.vmbhyve.cli;

import picocli.CommandLine.Option;

/** What {@code stopall} and {@code suspendall} share: {@code -f} and upstream's forgiving option loop. */
abstract class AllGuestsCommand extends CliCommand {

    @Option(names = "-f", description = "All guests at once instead of in reverse vm_list order")
    boolean parallel;

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }
}
