package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vm restart name}: shut down with the restart flag set, so the supervisor boots it again. */
@Command(name = "restart", description = "Restart a running guest")
final class RestartCommand extends CliCommand {

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

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
