package org.vmbhyve.cli;

import java.util.Optional;
import org.vmbhyve.run.AllGuests;
import org.vmbhyve.run.GuestSuspender;
import org.vmbhyve.run.StopTimeout;

/**
 * {@code vm stopall [-f] [-t seconds]} and {@code vm suspendall [-f]}. DEVIATE: upstream's
 * dispatcher drops {@code -f} although rc.d passes it; here it stops (or suspends) all guests in
 * parallel. {@code -t} is ours: the stop timeout for every guest.
 */
class StopallCommand extends AllGuestsCommand {

    final OptionValue timeout = new OptionValue();

    @Override
    void declare(CommandOptions options) {
        super.declare(options);
        options.value("-t", timeout);
        options.ignoredFlags("-i", "-v");
    }

    @Override
    String helpName() {
        return "stopall";
    }

    @Override
    public Integer call() {
        Optional<Integer> seconds = Optional.empty();
        if (timeout.isSet()) {
            seconds = Optional.of(StopTimeout.parseFlag(timeout.get()));
        }
        new AllGuests(vm, io.out()).stopAll(parallel.isSet(), seconds);
        return 0;
    }

    static final class Suspendall extends AllGuestsCommand {

        @Override
        void declare(CommandOptions options) {
            super.declare(options);
            options.ignoredFlags("-i", "-t", "-v");
        }

        @Override
        String helpName() {
            return "suspendall";
        }

        @Override
        public Integer call() {
            GuestSuspender suspender = new GuestSuspender(vm, io.out());
            suspender.requireSupport();
            new AllGuests(vm, io.out()).suspendAll(parallel.isSet(), suspender);
            return 0;
        }
    }
}
