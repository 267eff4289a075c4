package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestSuspender;

/** {@code vm suspend name...}: save each running guest's state to disk and stop it. */
final class SuspendCommand extends CliCommand {

    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.operands(names);
    }

    @Override
    String helpName() {
        return "suspend";
    }

    @Override
    public Integer call() {
        GuestSuspender suspender = new GuestSuspender(vm, io.out());
        suspender.requireSupport();
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        suspender.suspend(names);
        return 0;
    }
}
