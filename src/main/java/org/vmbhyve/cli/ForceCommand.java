package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestStopper;
import org.vmbhyve.run.GuestSuspender;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vm reset}, {@code vm poweroff} and {@code vm discard}: one guest, a confirmation
 * unless {@code -f}, and upstream's shared option loop.
 */
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

    /** Whether a second name shows the help (discard) or is ignored (reset, poweroff). */
    boolean exactlyOneName() {
        return false;
    }

    @Override
    public Integer call() {
        if (names.isEmpty() || names.get(0).isEmpty() || (exactlyOneName() && names.size() > 1)) {
            throw help();
        }
        return act(names.get(0));
    }

    abstract int act(String name);

    @picocli.CommandLine.Command(name = "reset", description = "Reset a guest at once")
    static final class Reset extends ForceCommand {
        @Override
        String helpName() {
            return "reset";
        }

        @Override
        int act(String name) {
            return new GuestStopper(vm, io.out()).reset(name, force);
        }
    }

    @picocli.CommandLine.Command(name = "poweroff", description = "Cut a guest's power at once")
    static final class Poweroff extends ForceCommand {
        @Override
        String helpName() {
            return "poweroff";
        }

        @Override
        int act(String name) {
            return new GuestStopper(vm, io.out()).poweroff(name, force);
        }
    }

    @picocli.CommandLine.Command(name = "discard", description = "Remove the saved state of a suspended guest")
    static final class Discard extends ForceCommand {
        @Override
        String helpName() {
            return "discard";
        }

        @Override
        boolean exactlyOneName() {
            return true;
        }

        @Override
        int act(String name) {
            return new GuestSuspender(vm, io.out()).discard(name, force);
        }
    }
}
