package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestStopper;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm reset} and {@code vm poweroff}: forced, after a confirmation unless {@code -f}. */
abstract class ForceCommand extends CliCommand {

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
    public Integer call() {
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        return act(new GuestStopper(vm, io.out()), names.get(0));
    }

    abstract int act(GuestStopper stopper, String name);

    @picocli.CommandLine.Command(name = "reset", description = "Reset a guest at once")
    static final class Reset extends ForceCommand {
        @Override
        String helpName() {
            return "reset";
        }

        @Override
        int act(GuestStopper stopper, String name) {
            return stopper.reset(name, force);
        }
    }

    @picocli.CommandLine.Command(name = "poweroff", description = "Cut a guest's power at once")
    static final class Poweroff extends ForceCommand {
        @Override
        String helpName() {
            return "poweroff";
        }

        @Override
        int act(GuestStopper stopper, String name) {
            return stopper.poweroff(name, force);
        }
    }
}
