package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestSuspender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vm suspend name...}: save each running guest's state to disk and stop it. */
@Command(name = "suspend", description = "Suspend running guests")
final class SuspendCommand extends CliCommand {

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

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
