package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.run.GuestStopper;
import org.vmbhyve.run.StopTimeout;

/** {@code vm stop [-t seconds] name...}: an ACPI shutdown request to each guest. */
final class StopCommand extends CliCommand {

    final OptionValue timeout = new OptionValue();
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.value("-t", timeout);
        options.operands(names);
    }

    /** Upstream has no option loop here: any other word starting with a dash is a guest name. */
    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.OPERAND;
    }

    @Override
    String helpName() {
        return "stop";
    }

    @Override
    public Integer call() {
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        Optional<Integer> seconds = Optional.empty();
        if (timeout.isSet()) {
            seconds = Optional.of(StopTimeout.parseFlag(timeout.get()));
        }
        new GuestStopper(vm, io.out()).stop(names, seconds);
        return 0;
    }
}
