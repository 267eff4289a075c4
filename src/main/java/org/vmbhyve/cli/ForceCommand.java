package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestStopper;
import org.vmbhyve.run.GuestSuspender;

/**
 * {@code vm reset}, {@code vm poweroff} and {@code vm discard}: one guest, a confirmation
 * unless {@code -f}, and upstream's shared option loop.
 */
abstract class ForceCommand extends CliCommand {

    final OptionValue force = new OptionValue();
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("-f", force);
        options.ignoredFlags("-i", "-t", "-v");
        options.operands(names);
    }

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

    static final class Reset extends ForceCommand {
        @Override
        String helpName() {
            return "reset";
        }

        @Override
        int act(String name) {
            return new GuestStopper(vm, io.out()).reset(name, force.isSet());
        }
    }

    static final class Poweroff extends ForceCommand {
        @Override
        String helpName() {
            return "poweroff";
        }

        @Override
        int act(String name) {
            return new GuestStopper(vm, io.out()).poweroff(name, force.isSet());
        }
    }

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
            return new GuestSuspender(vm, io.out()).discard(name, force.isSet());
        }
    }
}
