package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vm stop name...}: an ACPI shutdown request to each guest. */
@Command(name = "stop", description = "Shut down running guests")
final class StopCommand extends CliCommand {

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

    @Override
    String helpName() {
        return "stop";
    }

    @Override
    public Integer call() {
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        GuestStopper stopper = new GuestStopper(vm, io.out());
        names.forEach(stopper::stop);
        return 0;
    }
}
