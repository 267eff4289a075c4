package org.vmbhyve.cli;

import org.vmbhyve.run.AllGuests;
import org.vmbhyve.run.GuestSuspender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vm stopall [-f]} and {@code vm suspendall [-f]}. DEVIATE: upstream's dispatcher drops
 * {@code -f} although rc.d passes it; here it stops (or suspends) all guests in parallel.
 */
@Command(name = "stopall", description = "Stop every running guest")
class StopallCommand extends CliCommand {

    @Option(names = "-f", description = "All guests at once instead of in reverse vm_list order")
    boolean parallel;

    @Option(names = {"-i", "-t", "-v"}, hidden = true, description = "Accepted as upstream's shared option loop does")
    boolean ignored;

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }

    @Override
    String helpName() {
        return "stopall";
    }

    @Override
    public Integer call() {
        new AllGuests(vm, io.out()).stopAll(parallel);
        return 0;
    }

    @Command(name = "suspendall", description = "Suspend every running guest")
    static final class Suspendall extends StopallCommand {
        @Override
        String helpName() {
            return "suspendall";
        }

        @Override
        public Integer call() {
            GuestSuspender suspender = new GuestSuspender(vm, io.out());
            suspender.requireSupport();
            new AllGuests(vm, io.out()).suspendAll(parallel, suspender);
            return 0;
        }
    }
}
