package org.vmbhyve.cli;

import java.util.Optional;
import org.vmbhyve.run.AllGuests;
import org.vmbhyve.run.GuestSuspender;
import org.vmbhyve.run.StopTimeout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vm stopall [-f] [-t seconds]} and {@code vm suspendall [-f]}. DEVIATE: upstream's
 * dispatcher drops {@code -f} although rc.d passes it; here it stops (or suspends) all guests in
 * parallel. {@code -t} is ours: the stop timeout for every guest.
 */
@Command(name = "stopall", description = "Stop every running guest")
class StopallCommand extends AllGuestsCommand {

    @Option(names = "-t", paramLabel = "seconds", description = "Force guests off that still run after this long")
    String timeout;

    @Option(names = {"-i", "-v"}, hidden = true, description = "Accepted as upstream's shared option loop does")
    boolean ignored;

    @Override
    String helpName() {
        return "stopall";
    }

    @Override
    public Integer call() {
        new AllGuests(vm, io.out()).stopAll(parallel, Optional.ofNullable(timeout).map(StopTimeout::parseFlag));
        return 0;
    }

    @Command(name = "suspendall", description = "Suspend every running guest")
    static final class Suspendall extends AllGuestsCommand {

        @Option(names = {"-i", "-t", "-v"}, hidden = true, description = "Accepted as upstream's shared option loop does")
        boolean ignored;

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
