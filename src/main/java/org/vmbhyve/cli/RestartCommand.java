package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestStopper;

/** {@code vm restart name}: shut down with the restart flag set, so the supervisor boots it again. */
final class RestartCommand extends CliCommand {

    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.operands(names);
    }

    @Override
    String helpName() {
        return "restart";
    }

    @Override
    public Integer call() {
        new GuestStopper(vm, io.out()).restart(names.isEmpty() ? "" : names.get(0));
        return 0;
    }
}
