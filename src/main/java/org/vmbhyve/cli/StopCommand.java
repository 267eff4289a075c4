package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.run.GuestStopper;
import org.vmbhyve.run.StopTimeout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm stop [-t seconds] name...}: an ACPI shutdown request to each guest. */
@Command(name = "stop", description = "Shut down running guests")
final class StopCommand extends CliCommand {

    @Option(names = "-t", paramLabel = "seconds", description = "Force guests off that still run after this long")
    String timeout;

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

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
        new GuestStopper(vm, io.out()).stop(names, Optional.ofNullable(timeout).map(StopTimeout::parseFlag));
        return 0;
    }
}
