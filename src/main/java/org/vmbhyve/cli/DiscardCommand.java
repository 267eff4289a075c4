package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestSuspender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm discard [-f] name}: throw away a suspended guest's saved state. */
@Command(name = "discard", description = "Remove the saved state of a suspended guest")
final class DiscardCommand extends CliCommand {

    @Option(names = "-f", description = "Do not ask for confirmation")
    boolean force;

    @Option(names = {"-i", "-t", "-v"}, hidden = true, description = "Accepted as upstream's shared option loop does")
    boolean ignored;

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }

    @Override
    String helpName() {
        return "discard";
    }

    @Override
    public Integer call() {
        if (names.size() != 1 || names.get(0).isEmpty()) {
            throw help();
        }
        return new GuestSuspender(vm, io.out()).discard(names.get(0), force);
    }
}
